import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { speakable } from '../../src/render/speakable.js';
import { figureWords, yearWords } from '../../src/render/spoken-numbers.js';
import { createVoiceBook } from '../../src/render/voice-book.js';
import { voiceHints } from '../../src/render/voice-hints.js';
import { SAY_MAX_CHARS, voicePages, voiceSegments } from '../../src/render/voice-pages.js';
import { realLine } from '../helpers/app.js';
import { SAMPLE_ENTRIES, sampleFaq, sentences } from './sample-faq.js';

const say = (text: string, texting = false) => speakable(text, { texting });

describe('speakable', () => {
  it.each([
    ['Hosted on AWS.', 'Hosted on A W S.'],
    ['our BCP and BCDR plans', 'our B C P and B C D R plans'],
    ['our RTO/RPO times', 'our R T O and R P O times'],
    ['part of our DR strategy', 'part of our D R strategy'],
    ['our SLA of 99.95% uptime', 'our S L A of ninety-nine point nine five percent uptime'],
    ['in accordance to NIST SP 800-61.', 'in accordance to nist S P eight hundred dash sixty-one.'],
    ['dedicated EC2 instances and EBS volumes', 'dedicated E C two instances and E B S volumes'],
    ['Critical PII data', 'Critical P I I data'],
    ['Novel Coronavirus (COVID-19)', 'Novel Coronavirus (covid nineteen)'],
    ['for the month of March 2020', 'for the month of March twenty twenty'],
    ['60 days notice', 'sixty days notice'],
    ['static IPs for the customer', "static I P's for the customer"],
    ['Voice Call/SMS metadata (timestamp etc).', 'Voice Call or S M S metadata (timestamp et cetera).'],
    ['in the United States.SendGrid Services', 'in the United States. SendGrid Services'],
    ['Twilio’s status', "Twilio's status"],
  ])('says %j as %j', (written, spoken) => {
    expect(say(written)).toBe(spoken);
  });

  it.each([
    ['See https://status.twilio.com/ for updates.', 'See status dot twilio dot com for updates.'],
    ['as described in our TOS here: https://www.twilio.com/legal/tos', 'as described in our T O S here: twilio dot com slash legal slash T O S'],
    ['the below links: http://aws.amazon.com/ebs/details/', 'the below links: A W S dot amazon dot com slash E B S slash details'],
  ])('says a short link made of words as words: %j', (written, spoken) => {
    expect(say(written)).toBe(spoken);
  });

  it('replaces a long opaque link by an offer to text it, or says it is too long when texting is off', () => {
    const written = 'Link to download attachment: https://drive.google.com/file/d/1OV58HkarfgxgSuOK4eCUC7HDWe59N9ia/view';
    expect(say(written, true)).toBe('Link to download attachment: a link on drive dot google dot com that I can text to you');
    expect(say(written, false)).toBe('Link to download attachment: a link on drive dot google dot com too long to read out');
  });

  it('ends the sentence after a replaced link when the next word starts a new one', () => {
    expect(say('details: http://d0.awsstatic.com/whitepapers/Security/AWS%20Security%20Whitepaper.pdf AWS also allows', true)).toBe(
      'details: a link that I can text to you. A W S also allows',
    );
  });

  it('never spells out any link, whatever it looks like', () => {
    const link = fc.webUrl({ withQueryParameters: true, withFragments: true });
    fc.assert(
      fc.property(link, fc.boolean(), (url, texting) => {
        const spoken = say(`Go to ${url} now.`, texting);
        expect(spoken).not.toMatch(/:\/\/|https?:|www\.|\/\//i);
      }),
      { numRuns: 300 },
    );
  });

  it('reads figures as words', () => {
    expect(figureWords('1,250')).toBe('one thousand two hundred fifty');
    expect(figureWords('007')).toBe('zero zero seven');
    expect(yearWords(2005)).toBe('two thousand five');
    expect(yearWords(1999)).toBe('nineteen ninety-nine');
  });
});

describe('voice segments and pages', () => {
  it('cuts text into segments of whole sentences, none over 3,000 characters', () => {
    const text = sentences(5000);
    const segments = voiceSegments(text);
    expect(segments.join(' ')).toBe(text);
    for (const s of segments) {
      expect(s.length).toBeLessThanOrEqual(SAY_MAX_CHARS);
      expect(s).toMatch(/\.$/);
    }
  });

  it('cuts a sentence longer than a <Say> between words', () => {
    const segments = voiceSegments('word '.repeat(1500).trim());
    expect(segments.length).toBe(3);
    for (const s of segments) expect(s.length).toBeLessThanOrEqual(SAY_MAX_CHARS);
  });

  it('keeps an answer of about 45 seconds on one page and evens out longer ones', () => {
    expect(voicePages(voiceSegments(sentences(700)))).toHaveLength(1);
    const pages = voicePages(voiceSegments(sentences(2000)));
    expect(pages).toHaveLength(3);
    const lengths = pages.map((p) => p.join(' ').length);
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThan(350);
  });
});

describe('the voice book', () => {
  it('builds hints from the FAQ within Twilio\'s limits (500 phrases of at most 100 characters, no commas)', async () => {
    const { faq } = await realLine();
    const hints = voiceHints(faq);
    expect(hints.length).toBeGreaterThan(20);
    expect(hints.length).toBeLessThanOrEqual(500);
    for (const h of hints) {
      expect(h.length).toBeLessThanOrEqual(100);
      expect(h).not.toContain(',');
    }
    expect(hints).toEqual(expect.arrayContaining(['AWS', 'BCDR', 'RTO', 'RPO', 'SLA', 'disaster recovery', 'Cloud Security', 'text me that']));
  });

  it('caps hints at 500 for a very large FAQ', () => {
    const many = SAMPLE_ENTRIES.length + 600;
    const entries = Array.from({ length: many }, (_, i) => ({ id: `e-${i}`, topic: 'T', question: `Question number ${i} about thing ${i}`, answer: 'An answer.' }));
    expect(voiceHints(sampleFaq(entries))).toHaveLength(500);
  });

  it('takes the greeting\'s example from the help small talk', async () => {
    expect((await realLine()).voice!.example).toBe('where are backups stored?');
  });

  it('says every answer of the real FAQ without a link and within the <Say> limit', async () => {
    const line = await realLine();
    const book = createVoiceBook(line.faq);
    for (const entry of line.faq.entries) {
      for (const texting of [false, true]) {
        const spoken = book.answer(entry, texting).pages.flat();
        expect(spoken.length).toBeGreaterThan(0);
        for (const s of spoken) {
          expect(s.length).toBeLessThanOrEqual(SAY_MAX_CHARS);
          expect(s).not.toMatch(/https?:|:\/\/|www\.|\.com\b/);
        }
      }
    }
  });
});

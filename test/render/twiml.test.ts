import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/dialog/reply.js';
import { renderSmsTwiml } from '../../src/render/sms.js';
import { expectGolden } from './golden.js';
import { entryOf, SAMPLE_ENTRIES, sampleFaq, sentences } from './sample-faq.js';

const faq = sampleFaq();
const longFaq = sampleFaq([...SAMPLE_ENTRIES, { id: 'long-answer', topic: 'Cloud Security', question: 'A long answer', answer: sentences(2000) }]);
const cloud = faq.topics.find((t) => t.name === 'Cloud Security');

const cases: Array<[string, Reply, typeof faq]> = [
  ['sms-answer.xml', { kind: 'answer', entry: entryOf(faq, 'business-continuity-plan'), score: 0.8 }, faq],
  ['sms-answer-two-parts.xml', { kind: 'answer', entry: entryOf(longFaq, 'long-answer'), score: 0.8 }, longFaq],
  ['sms-answer-several.xml', { kind: 'answer', entry: entryOf(faq, 'business-continuity-plan'), score: 0.8, more: [entryOf(faq, 'legal-language-for-bcp')], uncovered: ['what is the best pizza in Naples'] }, faq],
  ['sms-apology.xml', { kind: 'apology' }, faq],
  ['sms-clarify.xml', { kind: 'clarify', options: [entryOf(faq, 'legal-language-for-bcp'), entryOf(faq, 'business-continuity-plan')] }, faq],
  ['sms-help.xml', { kind: 'help' }, faq],
  ['sms-topic.xml', { kind: 'topic', topic: cloud ?? faq.topics[0]! }, faq],
  ['sms-smalltalk.xml', { kind: 'smalltalk', id: 'thanks' }, faq],
  ['sms-silent.xml', { kind: 'silent', reason: 'opt-out' }, faq],
];

describe('renderSmsTwiml', () => {
  it.each(cases)('renders %s exactly as its golden file', (name, reply, data) => {
    expectGolden(name, renderSmsTwiml(reply, data).twiml);
  });

  it('answers with one GSM-7 <Message> whose curly apostrophe is straightened', () => {
    const { twiml, messages } = renderSmsTwiml(cases[0]![1], faq);
    expect(messages).toEqual(["Twilio's platform runs in several AWS regions. See https://status.twilio.com/ for its status."]);
    expect(twiml.match(/<Message>/g)).toHaveLength(1);
  });

  it('sends a 2,000-character answer as two numbered <Message> verbs of at most 1,600 characters', () => {
    const { twiml, messages } = renderSmsTwiml(cases[1]![1], longFaq);
    expect(messages).toHaveLength(2);
    expect(messages.every((m) => m.length <= 1600)).toBe(true);
    expect(messages[0]).toMatch(/ \(1\/2\)$/);
    expect(messages[1]).toMatch(/ \(2\/2\)$/);
    expect(twiml.match(/<Message>/g)).toHaveLength(2);
  });

  it('answers an opt-out with an empty <Response/>', () => {
    expect(renderSmsTwiml({ kind: 'silent', reason: 'opt-out' }, faq)).toEqual({
      twiml: '<?xml version="1.0" encoding="UTF-8"?><Response/>',
      messages: [],
    });
  });

  it('escapes &, < and > in FAQ text', () => {
    const odd = sampleFaq([{ ...SAMPLE_ENTRIES[0]!, answer: 'Use A & B <when> needed.' }]);
    const { twiml } = renderSmsTwiml({ kind: 'answer', entry: entryOf(odd, 'business-continuity-plan'), score: 1 }, odd);
    expect(twiml).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Message>Use A &amp; B &lt;when&gt; needed.</Message></Response>');
  });
});

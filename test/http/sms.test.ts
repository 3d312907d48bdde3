import { beforeAll, describe, expect, it } from 'vitest';
import { formPost } from '../helpers/sign.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { smsMessages } from '../helpers/twiml.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

/** Post an SMS in local mode and return the messages of its TwiML, checking type and shape. */
async function text(params: Record<string, string | string[]>): Promise<string[]> {
  const res = await formPost(t.app, '/sms', { MessageSid: 'SM00000000000000000000000000000001', From: '+14155551567', ...params });
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/xml/);
  return smsMessages(res.text);
}

function entryAnswer(id: string): string {
  const entry = t.line.faq.entries.find((e) => e.id === id);
  if (!entry) throw new Error(`faq-data/faq.yaml has no entry "${id}"`);
  return entry.answer;
}

/** The words of a text, so a reply split into numbered parts still matches. */
function words(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** What a texter reads for HELP, from faq-data/faq.yaml's name, intro and topics. */
const HELP =
  'I answer questions from the Twilio FAQ about business continuity, disaster recovery and cloud security. ' +
  'Text or say your question, for example: Where are backups stored? ' +
  'Topics: A) Business Continuity and Disaster Recovery, B) Cloud Security. Text a letter to see its questions.';
const APOLOGY = "Sorry, I can't answer that. I can only answer questions from the Twilio FAQ. Text MENU to see the topics.";

describe('POST /sms', () => {
  it('answers HELP with the rendered help reply', async () => {
    const messages = await text({ Body: 'HELP' });
    expect(messages.length).toBeGreaterThan(0);
    expect(messages).toEqual([HELP]);
  });

  it('answers an empty message with the same help reply as HELP', async () => {
    expect(await text({ Body: '' })).toEqual(await text({ Body: 'HELP' }));
  });

  it('answers a message with no Body field at all with the help reply', async () => {
    expect(await text({})).toEqual(await text({ Body: 'HELP' }));
  });

  it('answers a picture without text (NumMedia=1) with the help reply', async () => {
    expect(await text({ Body: '', NumMedia: '1', MediaUrl0: 'https://api.twilio.com/x.jpg' })).toEqual(await text({ Body: 'HELP' }));
  });

  it('answers an out-of-scope question with the apology of the FAQ file', async () => {
    const messages = await text({ Body: 'What is the best pizza topping in Naples?' });
    expect(words(messages.join(' '))).toContain(words(t.line.faq.apology).slice(0, 40));
  });

  it.each(['Insurance', 'Whitelisting'])('answers the source question "%s" with its entry\'s answer', async (question) => {
    const messages = await text({ Body: question });
    const answer = words(entryAnswer(question.toLowerCase()));
    expect(words(messages.join(' '))).toContain(answer.slice(0, 60));
  });

  it.each(['STOP', 'stop', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT', 'START', 'YES', 'UNSTOP'])(
    'answers the opt-out/opt-in keyword %s with an empty <Response/>',
    async (keyword) => {
      const res = await formPost(t.app, '/sms', { Body: keyword, From: '+14155551567' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/xml/);
      expect(smsMessages(res.text)).toEqual([]);
    },
  );

  it('answers a 10,000-character message with valid TwiML within the SMS limits', async () => {
    const messages = await text({ Body: 'Where are backups stored? '.repeat(400).slice(0, 10_000) });
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.length).toBeLessThanOrEqual(10);
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(1600);
  });

  it('answers unicode and emoji with valid TwiML', async () => {
    const messages = await text({ Body: 'Où sont les sauvegardes? 🤔 数据在哪里' });
    expect(messages.length).toBeGreaterThan(0);
    // A question in French: the apology in French (faq-data/languages.yaml), issue 12.
    expect(messages).toEqual(["Désolé, je ne peux répondre qu'aux questions en anglais sur la FAQ de Twilio. Merci de poser votre question en anglais."]);
  });

  it('answers emoji and symbols without letters with the English apology', async () => {
    expect(await text({ Body: '🤔 ??? ¯\\_(ツ)_/¯' })).toEqual([APOLOGY]);
  });

  it('answers an English question that ends in an emoji with its entry\'s answer', async () => {
    expect(await text({ Body: 'Does Twilio have insurance? 👍' })).toEqual([
      'We carry Technology Errors and Omissions Liability insurance under our cyber liability insurance program.',
    ]);
  });

  it('never reflects markup from the message unescaped', async () => {
    const res = await formPost(t.app, '/sms', { Body: '<Message>&</Message>', From: '+14155551567' });
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('<Message>&</Message>');
    expect(() => smsMessages(res.text)).not.toThrow();
  });

  it('reads a Body given twice as its first value', async () => {
    expect(await text({ Body: ['HELP', 'What is the best pizza topping?'] })).toEqual(await text({ Body: 'HELP' }));
  });

  it('accepts fields it does not know (Twilio adds fields without notice)', async () => {
    expect(await text({ Body: 'HELP', SomeNewField2031: 'x', 'Weird[]': 'y' })).toEqual(await text({ Body: 'HELP' }));
  });
});

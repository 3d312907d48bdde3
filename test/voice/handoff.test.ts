import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, projectRoot } from '../../src/config.js';
import { asksForPerson } from '../../src/dialog/handoff.js';
import { handoffText } from '../../src/render/sms.js';
import { WORDS } from '../../src/render/voice-words.js';
import { expectGolden } from '../render/golden.js';
import { signedPost } from '../helpers/sign.js';
import { smsMessages } from '../helpers/twiml.js';
import { TOKEN, voiceApp, type VoiceApp } from './app.js';
import { SimulatedCall } from './call.js';

const PERSON = '+14155550100';
const BASE = 'http://line.example';

let on: VoiceApp;
let off: VoiceApp;
beforeAll(async () => {
  on = await voiceApp({ HANDOFF_NUMBER: PERSON });
  off = await voiceApp();
});

const dial = (t: VoiceApp) => SimulatedCall.dial(t.app, { token: TOKEN });

/** A text to the line (SMS, or WhatsApp with a whatsapp: sender), signed; its messages. */
async function text(t: VoiceApp, Body: string, From = '+14155551567'): Promise<{ messages: string[]; twiml: string }> {
  const fields = { MessageSid: `SM${'e'.repeat(32)}`, AccountSid: `AC${'f'.repeat(32)}`, From, To: '+18005551212', Body, NumMedia: '0' };
  const res = await signedPost(t.app, '/sms', fields, { token: TOKEN, url: `${BASE}/sms` });
  expect(res.status).toBe(200);
  return { messages: smsMessages(res.text), twiml: res.text };
}

describe('asking for a person', () => {
  const asks = ['agent', 'Agent.', 'a person', 'A human!', 'representative', 'operator', 'talk to someone', 'I want to talk to a person', 'can I speak to a real person please', 'connect me to an agent', 'human please', 'I’d like to speak with a representative', 'um, agent'];
  const questions = ['can staff meet in person?', 'is there a person in charge of security', 'someone', 'what does an agent do', 'does a human review my data', 'operator error', 'where are backups stored'];

  it.each(asks)('is recognised in "%s"', (said) => {
    expect(asksForPerson(said)).toBe(true);
  });

  it.each(questions)('is not read into the question "%s"', (said) => {
    expect(asksForPerson(said)).toBe(false);
  });

  it("is not read into any question of the FAQ's labelled sets", () => {
    for (const file of ['eval-set.yaml', 'held-out-set.yaml', 'voice-eval-set.yaml', 'blind-eval-set.yaml']) {
      const set = parse(readFileSync(join(projectRoot, 'faq-data', file), 'utf8')) as { in_scope?: Array<{ text?: string }> };
      const taken = (set.in_scope ?? []).map((q) => q.text ?? '').filter(asksForPerson);
      expect(taken, file).toEqual([]);
    }
  });
});

describe('HANDOFF_NUMBER', () => {
  it('is off by default and must be an E.164 number, named when it is not', () => {
    expect(loadConfig({}).handoffNumber).toBeUndefined();
    expect(loadConfig({ HANDOFF_NUMBER: PERSON }).handoffNumber).toBe(PERSON);
    expect(() => loadConfig({ HANDOFF_NUMBER: '415 555 0100' })).toThrow(/HANDOFF_NUMBER: must be a phone number in E\.164 format/);
  });
});

describe('a caller who asks for a person', () => {
  it('hears a short line and is put through to HANDOFF_NUMBER with <Dial>', async () => {
    const [call] = await dial(on);
    const heard = await call.say('can I talk to a real person');
    expect(heard.says).toEqual([WORDS.handoff]);
    expect(heard.ended).toBe(true);
    expect(call.dialed).toEqual({ number: PERSON, action: '/voice/handoff' });
    expect(on.logs.find((l) => l.msg === 'voice' && l.outcome === 'handoff')).toBeDefined();
    expectGolden('voice-handoff.xml', heard.twiml);
  });

  it('presses 0 for the topics, hears the person offered there, and 0 again puts them through', async () => {
    const [call] = await dial(on);
    const topics = await call.press('0');
    expect(topics.says).toContain(WORDS.personKey);
    const heard = await call.press('0');
    expect(heard.says).toEqual([WORDS.handoff]);
    expect(call.dialed?.number).toBe(PERSON);
  });

  it('hears the option in the help', async () => {
    const [call] = await dial(on);
    const help = await call.say('help');
    expect(help.says).toContain(WORDS.personHelp);
  });

  it('who asks a question that mentions a person gets the answer or apology, not a person', async () => {
    const [call] = await dial(on);
    const heard = await call.say('can your staff work in person after a disaster');
    expect(heard.ended).toBe(false);
    expect(call.dialed).toBeUndefined();
  });

  it('hears an apology and goodbye when no one answers, and nothing more after talking to them', async () => {
    const post = (DialCallStatus: string) =>
      signedPost(on.app, '/voice/handoff', { CallSid: `CA${'1'.repeat(32)}`, From: '+14155551567', To: '+18005551212', DialCallStatus, DialCallDuration: '42' }, { token: TOKEN, url: `${BASE}/voice/handoff` });
    const missed = await post('no-answer');
    expect(missed.status).toBe(200);
    expect(missed.text).toContain(WORDS.handoffUnanswered);
    expectGolden('voice-handoff-unanswered.xml', missed.text);
    const talked = await post('completed');
    expect(talked.text).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>');
    const unsigned = await signedPost(on.app, '/voice/handoff', { DialCallStatus: 'completed' }, { token: 'wrong-token', url: `${BASE}/voice/handoff` });
    expect(unsigned.status).toBe(403);
  });

  it('without HANDOFF_NUMBER gets the apology, and the menus never offer a person', async () => {
    const [call] = await dial(off);
    const heard = await call.say('agent');
    expect(heard.ended).toBe(false);
    expect(call.dialed).toBeUndefined();
    expect(heard.text).not.toContain('person');
    const topics = await call.press('0');
    expect(topics.says).not.toContain(WORDS.personKey);
    const again = await call.press('0');
    expect(again.text).toContain('Here are the topics.');
    expect(call.dialed).toBeUndefined();
    expect((await call.say('help')).says).not.toContain(WORDS.personHelp);
  });
});

describe('a texter who asks for a person', () => {
  it('is given the number', async () => {
    const { messages, twiml } = await text(on, 'I want to talk to a person');
    expect(messages).toEqual([handoffText(PERSON)]);
    expect(messages[0]).toContain(PERSON);
    expectGolden('sms-handoff.xml', twiml);
  });

  it('on WhatsApp too', async () => {
    expect((await text(on, 'agent', 'whatsapp:+14155551567')).messages).toEqual([handoffText(PERSON)]);
  });

  it('without HANDOFF_NUMBER gets the apology, as before', async () => {
    const { messages } = await text(off, 'I want to talk to a person');
    expect(messages.join(' ')).not.toContain('call');
    expect(messages.join(' ')).toContain('MENU');
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LineError } from '../../src/errors.js';
import { SIMULATED_ACCOUNT_SID } from '../../src/sim/fields.js';
import { startLocalLine, type LocalLine } from '../../src/sim/local.js';
import { parseScript } from '../../src/sim/script.js';
import { runCall, runChat, runSms, webhookUrl, type SessionIo, type SessionOptions } from '../../src/sim/session.js';
import { realLine } from '../helpers/app.js';
import { fakeLine, TOKEN, twiml, type FakeLine } from './fake-line.js';

/** A script for input and a buffer for the transcript. */
function scripted(turns: readonly string[]): SessionIo & { readonly out: string[]; text(): string } {
  const queue = [...turns];
  const out: string[] = [];
  return { echo: true, out, write: (t) => void out.push(t), read: () => Promise.resolve(queue.shift()), text: () => out.join('\n') };
}

const fixture = (name: string): string[] => parseScript(readFileSync(new URL(`../fixtures/sim/${name}`, import.meta.url), 'utf8'));

const as = (baseUrl: string, token: string | undefined = TOKEN): SessionOptions => ({
  baseUrl,
  token,
  from: '+15551234567',
  to: '+15557654321',
  accountSid: SIMULATED_ACCOUNT_SID,
});

describe('webhookUrl', () => {
  it('appends the webhook path to the base URL, replacing a path already given', () => {
    expect(webhookUrl('http://localhost:3000', 'sms')).toBe('http://localhost:3000/sms');
    expect(webhookUrl('https://abc.ngrok.app/line/', 'voice')).toBe('https://abc.ngrok.app/line/voice');
    expect(webhookUrl('https://abc.ngrok.app/sms', 'voice')).toBe('https://abc.ngrok.app/voice');
  });
});

describe('against the real line in-process (--local)', () => {
  let local: LocalLine;
  beforeAll(async () => {
    // Built first: building it blocks this process for seconds on a busy machine, and a block after a
    // request lets the line's keep-alive timer close the connection the next request reuses (ECONNRESET).
    await realLine();
    local = await startLocalLine({ token: TOKEN });
  });
  afterAll(() => local.close());

  it('texts from a WhatsApp number as Twilio does and shows the unnumbered WhatsApp parts, without segments', async () => {
    const io = scripted([]);
    await runSms({ ...as(local.url), from: 'whatsapp:+15551234567', to: 'whatsapp:+15557654321' }, 'covid', io);
    const shown = io.out.slice(1).join('\n');
    const parts = [...shown.matchAll(/\[(\d+) characters, WhatsApp\]/g)];
    expect(parts.length).toBe(2);
    expect(shown).not.toMatch(/segment|GSM-7|UCS-2|\(1\/2\)/);
    expect(shown).toContain('Twilio’s');
  });

  it('texts a question and shows the FAQ answer with its characters, encoding and segments', async () => {
    const io = scripted([]);
    await runSms(as(local.url), 'Where are backups stored?', io);
    const backups = (await realLine()).faq.entries.find((e) => /backup zones/i.test(e.question));
    expect(backups).toBeDefined();
    const transcript = io.text();
    expect(transcript.startsWith('you:    Where are backups stored?\nline:   ')).toBe(true);
    const shown = io.out.slice(1).join('\n');
    const lines = [...shown.matchAll(/\[(\d+) characters, (GSM-7|UCS-2), (\d+) segments?\]/g)];
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((m) => m[2] === 'GSM-7' && Number(m[3]) >= 1)).toBe(true);
    const words = shown.replace(/\[[^\]]*\]/g, '').replace(/line:|\s+/g, ' ');
    expect(words).toContain(backups?.answer.split(/\s+/).slice(0, 6).join(' '));
  });

  it('plays a scripted chat: the menu, a topic, an answer by number, thanks', async () => {
    const io = scripted(fixture('chat-menu.txt'));
    await runChat(as(local.url), io);
    const sent = io.out.filter((l) => l.startsWith('you:')).map((l) => l.slice(8));
    expect(sent).toEqual(['menu', 'A', '3', 'thanks']);
    const text = io.text();
    expect(text).toMatch(/Topics: A\) Business Continuity/);
    expect(text).toMatch(/Text a number to get its\s+answer/);
    expect(text).toContain("You're welcome!");
    expect(io.out.filter((l) => l.startsWith('line:'))).toHaveLength(4);
  });

  it('is refused with a hint when signed with another token', async () => {
    const err = await runSms(as(local.url, 'not-the-token'), 'hi', scripted([])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LineError);
    expect((err as LineError).code).toBe('SIGNATURE_REJECTED');
  });
});

describe('against fake lines', () => {
  let line: FakeLine | undefined;
  afterEach(async () => {
    await line?.close();
    line = undefined;
  });

  it('carries cookies from one texted message to the next, as Twilio does in a conversation', async () => {
    line = await fakeLine((app) =>
      app.post('/sms', (req, res) => {
        const n = Number(/count=(\d+)/.exec(req.get('cookie') ?? '')?.[1] ?? 0) + 1;
        res.cookie('count', String(n)).type('text/xml').send(twiml(`<Message>message ${n}</Message>`));
      }),
    );
    const io = scripted(['one', 'two', 'three']);
    await runChat(as(line.url), io);
    const replies = io.out.filter((l) => l.startsWith('line:')).map((l) => l.split('\n')[0]);
    expect(replies).toEqual(['line:   message 1', 'line:   message 2', 'line:   message 3']);
    expect(new Set(line.received.map((r) => r.fields.MessageSid)).size).toBe(3);
  });

  it('shows an empty answer as no reply, and a UCS-2 body as such', async () => {
    line = await fakeLine((app) => app.post('/sms', (req, res) => res.type('text/xml').send(twiml((req.body as { Body: string }).Body === 'STOP' ? '' : '<Message>It’s fine</Message>'))));
    const io = scripted([]);
    await runSms(as(line.url), 'STOP', io);
    await runSms(as(line.url), 'hello', io);
    expect(io.text()).toContain('(no reply');
    expect(io.text()).toContain('[9 characters, UCS-2, 1 segment]');
  });

  it('plays a scripted call: silence falls through, the Redirect, a keypad menu by GET, the end of the document', async () => {
    line = await fakeLine((app) => {
      app.post('/voice', (_req, res) =>
        res
          .type('text/xml')
          .send(twiml('<Gather input="speech dtmf" action="gather"><Say>Ask, or press 1.</Say></Gather><Say>Nothing heard.</Say><Redirect>/voice</Redirect>')),
      );
      app.post('/gather', (_req, res) => res.type('text/xml').send(twiml('<Gather numDigits="1" method="GET" action="menu"><Say>Press 2.</Say></Gather>')));
      app.get('/menu', (req, res) => res.type('text/xml').send(twiml(`<Say>Option ${String(req.query.Digits)}.</Say><Pause length="2"/>`)));
    });
    const io = scripted(fixture('fake-call.txt'));
    const end = await runCall(as(line.url), io);
    expect(end).toEqual({ kind: 'ended', reason: 'end-of-document', requests: 4 });
    expect(io.out.slice(1)).toEqual([
      '        -> POST /voice',
      'line:   Ask, or press 1.',
      '        [listening for speech or keys (# ends), 5 s]',
      'caller: (silence)',
      '        [nothing heard: on to the next verb]',
      'line:   Nothing heard.',
      '        -> POST /voice',
      'line:   Ask, or press 1.',
      '        [listening for speech or keys (# ends), 5 s]',
      'caller: (presses 1#)',
      '        -> POST /gather',
      'line:   Press 2.',
      '        [listening for keys (up to 1, # ends), 5 s]',
      'caller: (presses 2)',
      '        -> GET /menu',
      'line:   Option 2.',
      '        [pause 2 s]',
      '        [the line hangs up (end of the document) after 4 requests]',
    ]);
    expect(io.out[0]).toMatch(/^call CA[0-9a-f]{32} from \+15551234567 to \+15557654321$/);
    expect(line.received.every((r) => r.signed)).toBe(true);
    expect(line.received[3]).toMatchObject({ method: 'GET', fields: { Digits: '2', CallStatus: 'in-progress' } });
  });
});

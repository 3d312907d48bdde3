import { afterEach, describe, expect, it } from 'vitest';
import type { CallerInput } from '../../src/sim/call.js';
import { CookieJar } from '../../src/sim/cookies.js';
import { LineError } from '../../src/errors.js';
import { callFields, SIMULATED_ACCOUNT_SID } from '../../src/sim/fields.js';
import { followCall, type CallStep } from '../../src/sim/follow.js';
import { createWebhookClient } from '../../src/sim/webhook.js';
import { fakeLine, TOKEN, twiml, type FakeLine } from './fake-line.js';

let line: FakeLine | undefined;
afterEach(async () => {
  await line?.close();
  line = undefined;
});

/** A fake voice line: a speech-or-keys Gather, a keypad menu answered by GET, and a goodbye. */
async function voiceLine(): Promise<FakeLine> {
  return fakeLine((app) => {
    app.post('/voice', (_req, res) => {
      res.cookie('seen', '1');
      res.type('text/xml').send(
        twiml(
          '<Say>Welcome.</Say><Gather input="speech dtmf" action="voice/gather?step=1" timeout="3"><Say>Ask, or press 1.</Say></Gather>' +
            '<Say>I did not hear anything.</Say><Redirect>/voice</Redirect>',
        ),
      );
    });
    app.post('/voice/gather', (req, res) => {
      const { Digits, SpeechResult } = req.body as Record<string, string | undefined>;
      if (Digits === '1') res.type('text/xml').send(twiml('<Gather numDigits="1" action="/voice/menu?from=gather" method="GET"><Say>Press 2.</Say></Gather><Hangup/>'));
      else if (SpeechResult === 'goodbye') res.type('text/xml').send(twiml('<Say>Goodbye.</Say><Hangup/>'));
      else res.type('text/xml').send(twiml(`<Say>You asked: ${SpeechResult ?? ''}</Say><Gather input="speech" action="gather?step=2"><Say>Anything else?</Say></Gather><Hangup/>`));
    });
    app.get('/voice/menu', (req, res) => {
      res.type('text/xml').send(twiml(`<Say>Option ${String(req.query.Digits)}.</Say>`));
    });
  });
}

async function call(target: FakeLine, inputs: CallerInput[], maxRequests?: number): Promise<CallStep[]> {
  const steps: CallStep[] = [];
  const fields = callFields({ from: '+15551234567', to: '+15557654321', accountSid: SIMULATED_ACCOUNT_SID });
  await followCall(
    {
      send: createWebhookClient({ token: TOKEN, cookies: new CookieJar() }),
      listen: () => Promise.resolve(inputs.shift() ?? { kind: 'hangup' }),
      show: (step) => steps.push(step),
    },
    { url: `${target.url}/voice`, fields, ...(maxRequests ? { maxRequests } : {}) },
  );
  return steps;
}

describe('followCall', () => {
  it('follows speech turns to relative action URLs, signed for the exact URL, until the line hangs up', async () => {
    line = await voiceLine();
    const steps = await call(line, [
      { kind: 'speech', text: 'Where are backups stored?' },
      { kind: 'speech', text: 'goodbye' },
    ]);
    expect(line.received.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /voice', 'POST /voice/gather?step=1', 'POST /voice/gather?step=2']);
    expect(line.received.every((r) => r.signed)).toBe(true);
    expect(line.received[1]?.fields).toMatchObject({ SpeechResult: 'Where are backups stored?', Confidence: '0.9' });
    expect(steps.filter((s) => s.kind === 'say').map((s) => s.text)).toEqual(['Welcome.', 'Ask, or press 1.', 'You asked: Where are backups stored?', 'Anything else?', 'Goodbye.']);
    expect(steps.at(-1)).toEqual({ kind: 'ended', reason: 'hangup', requests: 3 });
  });

  it('keeps CallSid and every call field constant, CallStatus ringing then in-progress', async () => {
    line = await voiceLine();
    await call(line, [{ kind: 'speech', text: 'hello' }, { kind: 'speech', text: 'goodbye' }]);
    const [first, ...rest] = line.received.map((r) => r.fields);
    expect(first).toMatchObject({ CallStatus: 'ringing', Direction: 'inbound', ApiVersion: '2010-04-01', AccountSid: SIMULATED_ACCOUNT_SID });
    expect(first?.CallSid).toMatch(/^CA[0-9a-f]{32}$/);
    for (const fields of rest) {
      expect(fields.CallStatus).toBe('in-progress');
      for (const key of ['CallSid', 'AccountSid', 'From', 'To', 'Caller', 'Called', 'Direction', 'ApiVersion', 'FromCity', 'ToCountry']) {
        expect(fields[key]).toBe(first?.[key]);
      }
    }
  });

  it('falls through on silence, follows the Redirect, and drives a keypad menu answered by GET', async () => {
    line = await voiceLine();
    const steps = await call(line, [{ kind: 'silence' }, { kind: 'digits', keys: '1#' }, { kind: 'digits', keys: '2' }]);
    expect(line.received.map((r) => `${r.method} ${r.path.replace(/&.*$/, '')}`)).toEqual([
      'POST /voice',
      'POST /voice',
      'POST /voice/gather?step=1',
      expect.stringMatching(/^GET \/voice\/menu\?from=gather$/),
    ]);
    const get = line.received[3];
    expect(get?.fields).toMatchObject({ from: 'gather', Digits: '2', CallStatus: 'in-progress' });
    expect(get?.signed).toBe(true);
    expect(line.received[2]?.fields.Digits).toBe('1');
    expect(steps.map((s) => s.kind)).toContain('no-input');
    expect(steps.at(-1)).toEqual({ kind: 'ended', reason: 'end-of-document', requests: 4 });
  });

  it('carries the cookies the line sets from one request of the call to the next', async () => {
    line = await voiceLine();
    await call(line, [{ kind: 'speech', text: 'goodbye' }]);
    expect(line.received[0]?.cookie).toBeUndefined();
    expect(line.received[1]?.cookie).toBe('seen=1');
  });

  it('ends the call when the caller hangs up, with no further request', async () => {
    line = await voiceLine();
    const steps = await call(line, [{ kind: 'hangup' }]);
    expect(line.received).toHaveLength(1);
    expect(steps.at(-1)).toEqual({ kind: 'ended', reason: 'caller-hung-up', requests: 1 });
  });

  it('stops a Redirect loop at the request cap', async () => {
    line = await fakeLine((app) => app.post('/voice', (_req, res) => res.type('text/xml').send(twiml('<Pause/><Redirect>/voice</Redirect>'))));
    const failure = await call(line, [], 5).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(LineError);
    expect((failure as LineError).code).toBe('TOO_MANY_REQUESTS');
    expect(line.received).toHaveLength(5);
  });

  it('fails the call on a document Twilio could not run', async () => {
    line = await fakeLine((app) => app.post('/voice', (_req, res) => res.type('text/xml').send(twiml('<Message>hi</Message>'))));
    await expect(call(line, [])).rejects.toMatchObject({ code: 'NOT_TWIML' });
  });
});

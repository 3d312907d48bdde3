import fc from 'fast-check';
import request from 'supertest';
import { beforeAll, describe, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { parseVoiceTwiml } from '../voice/call.js';
import { contentType, encode, expectTwimlOrClear4xx, formPairs, rawBody } from './arbitraries.js';

/** Property-based tests of POST /voice and its action route /voice/turn: never a 5xx; voice TwiML or a clear 4xx. */

const CALL_FIELDS = ['CallSid', 'AccountSid', 'From', 'To', 'CallStatus', 'Direction', 'Caller', 'Called', 'SpeechResult', 'Confidence', 'Digits'];
const RUNS = { numRuns: 50 };

let local: TestApp;
beforeAll(async () => {
  local = await testApp({ BODY_LIMIT: '256kb' });
});

/** Call-state queries: well-formed, out of range, malformed, and arbitrary text. */
const stateQuery: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({
      t: fc.oneof(fc.nat(10_000_000), fc.constantFrom('-1', 'x', '1e9', '')),
      m: fc.oneof(fc.nat(20), fc.constant('NaN')),
      s: fc.nat(20),
      x: fc.nat(20),
      e: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constant('')),
      p: fc.integer({ min: -2, max: 50 }),
      k: fc.oneof(fc.constantFrom('t0', 't9', 't0.0', 't99.3', 'c1.2', 'c', 'c1.999', 'zz', ''), fc.string({ maxLength: 12 })),
    }, { requiredKeys: [] })
    .map((r) => new URLSearchParams(Object.entries(r).map(([k, v]): [string, string] => [k, String(v)])).toString()),
  fc.string({ unit: 'grapheme', maxLength: 60 }).map((s) => encodeURIComponent(s)),
  fc.constantFrom('', 't=0', 't=0&t=5&e=1&e=2', 'k=t0.0&k=c1.2', '%', '%zz', 'e=1&p=999999999'),
);

const post = (path: string, body: string | Buffer, type: string | undefined = 'application/x-www-form-urlencoded') => {
  const req = request(local.app).post(path);
  if (type !== undefined) req.set('Content-Type', type);
  return req.send(body);
};

describe('fuzzing the voice webhooks', () => {
  it('answers any form at POST /voice with valid voice TwiML', async () => {
    await fc.assert(
      fc.asyncProperty(formPairs(CALL_FIELDS), async (pairs) => {
        const res = await post('/voice', encode(pairs));
        expectTwimlOrClear4xx(res, parseVoiceTwiml);
        if (res.status !== 200) throw new Error(`a valid form got ${res.status}`);
      }),
      RUNS,
    );
  });

  it('answers any form and any call state at POST /voice/turn with valid voice TwiML', async () => {
    await fc.assert(
      fc.asyncProperty(stateQuery, formPairs(CALL_FIELDS), async (query, pairs) => {
        const res = await post(`/voice/turn?${query}`, encode(pairs));
        expectTwimlOrClear4xx(res, parseVoiceTwiml);
        if (res.status !== 200) throw new Error(`a valid form got ${res.status}`);
      }),
      RUNS,
    );
  });

  it('answers 100 KB speech and any bytes under any content type with TwiML or a clear 4xx', async () => {
    const big = fc.constantFrom('a', 'where are backups stored ', '🙂', '1').map((c) => c.repeat(Math.ceil(100_000 / c.length)).slice(0, 100_000));
    await fc.assert(
      fc.asyncProperty(big, fc.constantFrom('SpeechResult', 'Digits', 'Confidence'), async (text, field) => {
        expectTwimlOrClear4xx(await post('/voice/turn?t=1', encode([[field, text], ['Confidence', '0.9']])), parseVoiceTwiml);
      }),
      { numRuns: 6 },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/voice', '/voice/turn?t=2'), rawBody, contentType, async (path, body, type) => {
        expectTwimlOrClear4xx(await post(path, body, type), parseVoiceTwiml);
      }),
      RUNS,
    );
  });
});

import fc from 'fast-check';
import request from 'supertest';
import { beforeAll, describe, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { signedPost } from '../helpers/sign.js';
import { smsMessages } from '../helpers/twiml.js';
import { contentType, encode, expectTwimlOrClear4xx, formPairs, params, rawBody } from './arbitraries.js';

/** Property-based tests of POST /sms: whatever arrives, never a 5xx; TwiML or a clear 4xx. */

const SMS_FIELDS = ['Body', 'From', 'To', 'MessageSid', 'SmsSid', 'AccountSid', 'NumMedia', 'NumSegments', 'MediaUrl0', 'MediaContentType0', 'OptOutType'];
const RUNS = { numRuns: 60 };
const TOKEN = 'fuzz-token';

let local: TestApp;
let limited: TestApp;
let signed: TestApp;
beforeAll(async () => {
  [local, limited, signed] = await Promise.all([
    testApp({ BODY_LIMIT: '256kb' }),
    testApp({ RATE_LIMIT_PER_MINUTE: '2' }),
    testApp({ TWILIO_AUTH_TOKEN: TOKEN }),
  ]);
});

const post = (app: TestApp['app'], body: string | Buffer, type: string | undefined = 'application/x-www-form-urlencoded') => {
  const req = request(app).post('/sms');
  if (type !== undefined) req.set('Content-Type', type);
  return req.send(body);
};

describe('fuzzing POST /sms', () => {
  it('answers any form (random Unicode, missing, duplicated and unknown fields, wrong types) with valid SMS TwiML', async () => {
    await fc.assert(
      fc.asyncProperty(formPairs(SMS_FIELDS), async (pairs) => {
        const res = await post(local.app, encode(pairs));
        expectTwimlOrClear4xx(res, smsMessages);
        if (res.status !== 200) throw new Error(`a valid form got ${res.status}`);
      }),
      RUNS,
    );
  });

  it('answers any bytes under any content type with TwiML or a clear 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(rawBody, contentType, async (body, type) => {
        expectTwimlOrClear4xx(await post(local.app, body, type), smsMessages);
      }),
      RUNS,
    );
  });

  it('answers 100 KB bodies: TwiML within BODY_LIMIT, 413 beyond it', async () => {
    const hundredKb = fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
      fc.constantFrom('a', 'backups', 'Where are backups stored? ', '🙂', 'ß'),
    ).map((chunk) => chunk.repeat(Math.ceil(100_000 / chunk.length)).slice(0, 100_000));
    const small = await testApp();
    await fc.assert(
      fc.asyncProperty(hundredKb, fc.boolean(), async (text, asName) => {
        const body = encode(asName ? [[text, 'x']] : [['Body', text], ['From', '+14155551567']]);
        expectTwimlOrClear4xx(await post(local.app, body), smsMessages);
        const tooBig = await post(small.app, body);
        expectTwimlOrClear4xx(tooBig, smsMessages);
        if (tooBig.status !== 413) throw new Error(`a body over BODY_LIMIT got ${tooBig.status}`);
      }),
      { numRuns: 8 },
    );
  });

  it('answers any form with TwiML when the per-sender limit is on, silent or not', async () => {
    await fc.assert(
      fc.asyncProperty(formPairs(['From', 'From', 'Body']), async (pairs) => {
        expectTwimlOrClear4xx(await post(limited.app, encode(pairs)), smsMessages);
      }),
      RUNS,
    );
  });

  it('answers any correctly signed form with TwiML, and the same form tampered with a clear 403', async () => {
    await fc.assert(
      fc.asyncProperty(formPairs(SMS_FIELDS).map(asTwilioSends), fc.string({ minLength: 1, maxLength: 5 }), async (pairs, extra) => {
        const options = { token: TOKEN, url: 'http://line.example/sms' };
        const good = await signedPost(signed.app, '/sms', params(pairs), options);
        expectTwimlOrClear4xx(good, smsMessages);
        if (good.status !== 200) throw new Error(`a signed form got ${good.status}: ${good.text}`);
        const tampered = await signedPost(signed.app, '/sms', params(pairs), options).send(`&Tampered=${encodeURIComponent(extra)}`);
        expectTwimlOrClear4xx(tampered, smsMessages);
        if (tampered.status !== 403) throw new Error(`a tampered form got ${tampered.status}`);
      }),
      { numRuns: 80 },
    );
  });
});

/**
 * Pairs as Twilio could send and sign them: valid UTF-8 (a lone surrogate arrives as U+FFFD), no field
 * named '' or __proto__ (the form parser drops them), and no field repeated (Twilio never repeats one,
 * and the line refuses a signed form that does: see test/http/signed-url.test.ts).
 */
function asTwilioSends(pairs: Array<[string, string]>): Array<[string, string]> {
  const seen = new Set<string>();
  return [...new URLSearchParams(encode(pairs))].filter(([k]) => {
    if (k === '' || k === '__proto__' || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

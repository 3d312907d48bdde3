import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { WORDS } from '../../src/render/voice-words.js';
import { formPost, signedPost } from '../helpers/sign.js';
import { testApp } from '../helpers/app.js';
import { TOKEN, voiceApp, type VoiceApp } from './app.js';
import { allSays, parseVoiceTwiml } from './call.js';

const CALL = { CallSid: 'CA0123456789abcdef0123456789abcdef', From: '+14155551567', To: '+18005551212' };
const URL_BASE = 'http://line.example';

let t: VoiceApp;
beforeAll(async () => {
  t = await voiceApp();
});

/** A signed post to /voice/turn with `query` and `fields`; returns the status and the <Say>s. */
async function turn(fields: Record<string, string>, query = 't=0'): Promise<{ status: number; says: string[]; twiml: string }> {
  const path = `/voice/turn?${query}`;
  const res = await signedPost(t.app, path, { ...CALL, ...fields }, { token: TOKEN, url: URL_BASE + path });
  if (res.status !== 200) return { status: res.status, says: [], twiml: res.text };
  expect(res.headers['content-type']).toMatch(/^text\/xml/);
  return { status: res.status, says: allSays(parseVoiceTwiml(res.text)), twiml: res.text };
}

describe('bad input on the voice line', () => {
  it('treats a missing SpeechResult (and no Digits) as silence', async () => {
    const { status, says } = await turn({});
    expect(status).toBe(200);
    expect(says.join(' ')).toContain(WORDS.stillThere);
  });

  it('treats an empty or blank SpeechResult as silence', async () => {
    expect((await turn({ SpeechResult: '   ', Confidence: '0.0' })).says.join(' ')).toContain(WORDS.stillThere);
  });

  it.each(['12ab', '#', '99999', 'x'.repeat(500), '<Say>', '-1'])('answers garbage Digits %j with "that key does nothing" and valid TwiML', async (digits) => {
    const { status, says } = await turn({ Digits: digits });
    expect(status).toBe(200);
    expect(says.join(' ')).toContain(WORDS.badKey);
  });

  it.each(['high', '', 'NaN', '-3', '7', '1e400'])('ignores a Confidence of %j and answers the transcript', async (confidence) => {
    const { says } = await turn({ SpeechResult: 'do you have insurance', Confidence: confidence });
    expect(says[0]).toContain('We carry Technology Errors and Omissions Liability insurance');
  });

  it('answers a 10,000-character transcript with valid TwiML', async () => {
    const { status, says } = await turn({ SpeechResult: 'where are backups stored '.repeat(400).slice(0, 10_000), Confidence: '0.9' });
    expect(status).toBe(200);
    expect(says.length).toBeGreaterThan(0);
  });

  it('never reflects markup from the transcript', async () => {
    const { twiml, status } = await turn({ SpeechResult: '</Say><Hangup/> & <Play>x</Play>', Confidence: '0.9' });
    expect(status).toBe(200);
    expect(twiml).not.toContain('<Play>');
  });

  it('starts over from a state it cannot read (local mode lets anyone post any URL)', async () => {
    const local = await testApp();
    for (const query of ['t=abc&m=-1&k=zz&e=999999', 'e=0&p=7', 'k=t99.99', 'k=c1.2.3.4.5.6.7.8.9.10', 't=99999999999']) {
      const res = await formPost(local.app, `/voice/turn?${query}`, { ...CALL, Digits: '1' });
      expect(res.status).toBe(200);
      expect(() => parseVoiceTwiml(res.text)).not.toThrow();
    }
  });

  it('rejects an unsigned request with 400 and a wrong signature with 403', async () => {
    const unsigned = await formPost(t.app, '/voice', CALL);
    expect(unsigned.status).toBe(400);
    expect(unsigned.headers['content-type']).toMatch(/^text\/plain/);
    const wrong = await signedPost(t.app, '/voice', CALL, { token: 'another-token', url: `${URL_BASE}/voice` });
    expect(wrong.status).toBe(403);
  });

  it('rejects a signed turn whose state in the URL was changed on the way', async () => {
    const fields = { ...CALL, SpeechResult: 'do you have insurance' };
    const signature = (await import('../helpers/sign.js')).twilioSignature(TOKEN, `${URL_BASE}/voice/turn?t=0`, fields);
    const res = await formPost(t.app, '/voice/turn?t=0&x=0&e=3', fields).set('Host', 'line.example').set('X-Twilio-Signature', signature);
    expect(res.status).toBe(403);
  });

  it('answers a replayed turn with the same TwiML: the state is in the URL, not in memory', async () => {
    const first = await turn({ SpeechResult: 'covid', Confidence: '0.9' }, 't=2&e=6&p=1');
    const again = await turn({ SpeechResult: 'covid', Confidence: '0.9' }, 't=2&e=6&p=1');
    expect(again.twiml).toBe(first.twiml);
  });

  it('answers GET /voice with 405 and Allow: POST', async () => {
    const res = await request(t.app).get('/voice');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
  });

  it('answers with an apology and a hang-up, never a 5xx, when the line fails', async () => {
    const broken = { ...t.line, call: () => { throw new Error('boom'); } };
    const b = await voiceApp({}, undefined, broken);
    const res = await signedPost(b.app, '/voice/turn?t=0', { ...CALL, SpeechResult: 'hi' }, { token: TOKEN, url: `${URL_BASE}/voice/turn?t=0` });
    expect(res.status).toBe(200);
    const verbs = parseVoiceTwiml(res.text);
    expect(verbs.map((v) => v.name)).toEqual(['Say', 'Hangup']);
    expect(verbs[0]!.text).toMatch(/^Sorry/);
  });
});

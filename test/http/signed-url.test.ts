import { describe, expect, it } from 'vitest';
import { formPost, signedPost, twilioSignature } from '../helpers/sign.js';
import { testApp } from '../helpers/app.js';
import { allSays, parseVoiceTwiml } from '../voice/call.js';

/** Signed URLs cannot be stretched: a query or form Twilio would never send is refused before any state is read. */

const TOKEN = 'test-auth-token-0123456789abcdef';
const BASE = 'http://line.example';
const CALL = { CallSid: 'CA0123456789abcdef0123456789abcdef', From: '+14155551567', To: '+18005551212', Digits: '2' };

/** A post to `path` carrying the signature Twilio made for `signedPath`. */
function postSignedFor(app: Parameters<typeof formPost>[0], path: string, signedPath: string, fields: Record<string, string>) {
  return formPost(app, path, fields).set('Host', 'line.example').set('X-Twilio-Signature', twilioSignature(TOKEN, BASE + signedPath, fields));
}

describe('signed URLs and forms', () => {
  it('rejects /voice/turn?t=0 stretched with 1,000 empty parameters and a menu state, which passes the signature of /voice/turn?t=0', async () => {
    const { app, logs } = await testApp({ TWILIO_AUTH_TOKEN: TOKEN });
    const res = await postSignedFor(app, `/voice/turn?t=0${'&'.repeat(1000)}&k=m0`, '/voice/turn?t=0', CALL);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/query parameters/);
    expect(logs.some((l) => l.level === 40 && String(l.msg).includes('rejected'))).toBe(true);
  });

  it('rejects more query parameters than any URL the line signs carries', async () => {
    const { app } = await testApp({ TWILIO_AUTH_TOKEN: TOKEN });
    const path = '/voice/turn?t=1&m=1&s=1&x=1&e=1&p=1&k=m0&z=1';
    const res = await signedPost(app, path, CALL, { token: TOKEN, url: BASE + path });
    expect(res.status).toBe(400);
  });

  it('rejects a query key given twice, even correctly signed', async () => {
    const { app } = await testApp({ TWILIO_AUTH_TOKEN: TOKEN });
    const path = '/voice/turn?t=1&k=m0&k=t1.0';
    const res = await signedPost(app, path, CALL, { token: TOKEN, url: BASE + path });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/more than once/);
  });

  it('rejects a correctly signed turn whose state is not as the line writes it', async () => {
    const { app } = await testApp({ TWILIO_AUTH_TOKEN: TOKEN });
    for (const path of ['/voice/turn?k=m0&t=1', '/voice/turn?t=1&m=0', '/voice/turn?t=01', '/voice/turn?t=1&zz=3']) {
      const res = await signedPost(app, path, CALL, { token: TOKEN, url: BASE + path });
      expect(res.status, path).toBe(400);
      expect(res.text).toMatch(/call state/);
    }
  });

  it('answers a turn whose state is as the line wrote it', async () => {
    const { app } = await testApp({ TWILIO_AUTH_TOKEN: TOKEN });
    const path = '/voice/turn?t=3&k=m0';
    const res = await signedPost(app, path, CALL, { token: TOKEN, url: BASE + path });
    expect(res.status).toBe(200);
    expect(allSays(parseVoiceTwiml(res.text)).join(' ')).toMatch(/press 1/);
  });

  it('still reads a hand-written state in local mode (no signatures to stretch)', async () => {
    const { app } = await testApp();
    const res = await formPost(app, '/voice/turn?k=m0&t=1&m=0', CALL);
    expect(res.status).toBe(200);
  });
});

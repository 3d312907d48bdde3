import { describe, expect, it } from 'vitest';
import { signedPost } from '../helpers/sign.js';
import { testApp } from '../helpers/app.js';

/** With LOG_UTTERANCES=false no caller- or texter-supplied content reaches a log line. */

const TOKEN = 'test-auth-token-0123456789abcdef';
const BASE = 'http://line.example';
const CALL = { CallSid: 'CA0123456789abcdef0123456789abcdef', From: '+14155551567', To: '+18005551212' };

describe('privacy with LOG_UTTERANCES=false', () => {
  it('logs how many keys a caller pressed, never the keys (a caller may type a phone or card number)', async () => {
    const { app, logs } = await testApp({ TWILIO_AUTH_TOKEN: TOKEN, LOG_UTTERANCES: 'false' });
    const path = '/voice/turn?t=0';
    const res = await signedPost(app, path, { ...CALL, Digits: '4155550199' }, { token: TOKEN, url: BASE + path });
    expect(res.status).toBe(200);
    const line = logs.find((l) => l.msg === 'voice');
    expect(line).toMatchObject({ keys: 10 });
    expect(JSON.stringify(logs)).not.toContain('5550199');
  });

  it('keeps the keys in the log when utterances are logged', async () => {
    const { app, logs } = await testApp({ TWILIO_AUTH_TOKEN: TOKEN });
    const path = '/voice/turn?t=0';
    await signedPost(app, path, { ...CALL, Digits: '7' }, { token: TOKEN, url: BASE + path });
    expect(logs.find((l) => l.msg === 'voice')).toMatchObject({ digits: '7' });
  });

  it('never logs the URL of a rejected request (it is attacker text)', async () => {
    const { app, logs } = await testApp({ TWILIO_AUTH_TOKEN: TOKEN, LOG_UTTERANCES: 'false' });
    const path = '/sms?note=call-me-on-4155550199';
    const res = await signedPost(app, path, { Body: 'hi' }, { token: 'wrong-token', url: BASE + path });
    expect(res.status).toBe(403);
    expect(logs.some((l) => l.level === 40)).toBe(true);
    expect(JSON.stringify(logs)).not.toContain('call-me');
  });
});

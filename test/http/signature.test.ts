import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { isTwilioSignature } from '../../src/http/signature.js';
import { testApp } from '../helpers/app.js';
import { formPost, signedPost, twilioSignature } from '../helpers/sign.js';
import { smsMessages } from '../helpers/twiml.js';

const TOKEN = 'test-auth-token-0123456789abcdef';
const SMS = { MessageSid: 'SM00000000000000000000000000000002', From: '+14155551567', To: '+18005551212', Body: 'HELP' };

describe('the Twilio signature', () => {
  const vector = {
    token: '12345',
    url: 'https://mycompany.com/myapp.php?foo=1&bar=2',
    params: { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' },
    signature: '0/KCTR6DLpKmkAf8muzZqo1nDgQ=',
  };

  it("matches the test vector in Twilio's documentation, in the test helper and the app's check", () => {
    expect(twilioSignature(vector.token, vector.url, vector.params)).toBe(vector.signature);
    expect(isTwilioSignature(vector.token, vector.signature, vector.url, vector.params)).toBe(true);
    expect(isTwilioSignature(vector.token, vector.signature, vector.url, { ...vector.params, Digits: '1235' })).toBe(false);
  });

  it('accepts a correctly signed webhook', async () => {
    const { app } = await testApp({ TWILIO_AUTH_TOKEN: TOKEN });
    const res = await signedPost(app, '/sms', SMS, { token: TOKEN, url: 'http://line.example/sms' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    expect(smsMessages(res.text).length).toBeGreaterThan(0);
  });

  it('rejects a signed webhook whose Body was given twice, in either order, with 400 (Twilio never repeats a field)', async () => {
    const { app } = await testApp({ TWILIO_AUTH_TOKEN: TOKEN });
    for (const Body of [['HELP', 'STOP'], ['STOP', 'HELP']]) {
      const res = await signedPost(app, '/sms', { ...SMS, Body }, { token: TOKEN, url: 'http://line.example/sms' });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toMatch(/more than once/);
    }
  });

  it('rejects a webhook without X-Twilio-Signature with 400 and a short message', async () => {
    const { app } = await testApp({ TWILIO_AUTH_TOKEN: TOKEN });
    const res = await formPost(app, '/sms', SMS);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/X-Twilio-Signature/);
    expect(res.text.length).toBeLessThan(100);
  });

  it('rejects a wrong signature with 403 and a short message', async () => {
    const { app, logs } = await testApp({ TWILIO_AUTH_TOKEN: TOKEN });
    const res = await signedPost(app, '/sms', SMS, { token: 'another-token', url: 'http://line.example/sms' });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/signature/i);
    expect(logs.some((l) => l.level === 40 && String(l.msg).includes('signature'))).toBe(true);
  });

  it('rejects a signed webhook whose fields were changed on the way', async () => {
    const { app } = await testApp({ TWILIO_AUTH_TOKEN: TOKEN });
    const signature = twilioSignature(TOKEN, 'http://line.example/sms', SMS);
    const res = await formPost(app, '/sms', { ...SMS, Body: 'STOP' }).set('Host', 'line.example').set('X-Twilio-Signature', signature);
    expect(res.status).toBe(403);
  });

  it('checks the signature against PUBLIC_URL + the path when it is set (behind a tunnel)', async () => {
    const { app } = await testApp({ TWILIO_AUTH_TOKEN: TOKEN, PUBLIC_URL: 'https://abc.ngrok.app/' });
    const tunnel = { host: 'localhost:3000', headers: { 'X-Forwarded-Host': 'abc.ngrok.app', 'X-Forwarded-Proto': 'https' } };
    const publicSigned = await signedPost(app, '/sms?x=1', SMS, { token: TOKEN, url: 'https://abc.ngrok.app/sms?x=1', ...tunnel });
    expect(publicSigned.status).toBe(200);
    const localSigned = await signedPost(app, '/sms?x=1', SMS, { token: TOKEN, url: 'http://localhost:3000/sms?x=1', ...tunnel });
    expect(localSigned.status).toBe(403);
  });

  it('builds the URL from the Host header when PUBLIC_URL is not set, never from X-Forwarded-Host', async () => {
    const { app } = await testApp({ TWILIO_AUTH_TOKEN: TOKEN });
    const forwarded = { host: 'localhost:3000', headers: { 'X-Forwarded-Host': 'abc.ngrok.app' } };
    const res = await signedPost(app, '/sms', SMS, { token: TOKEN, url: 'http://abc.ngrok.app/sms', ...forwarded });
    expect(res.status).toBe(403);
  });

  it('accepts unsigned webhooks in local mode (no TWILIO_AUTH_TOKEN) and warns once at start', async () => {
    const { app, logs } = await testApp();
    const res = await formPost(app, '/sms', SMS);
    expect(res.status).toBe(200);
    const warnings = logs.filter((l) => l.level === 40);
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]?.msg)).toMatch(/signatures are NOT checked/);
  });

  it('does not warn about local mode when a token is set', async () => {
    const { logs } = await testApp({ TWILIO_AUTH_TOKEN: TOKEN });
    expect(logs.filter((l) => l.level === 40)).toHaveLength(0);
  });

  it('never answers 5xx to a Host header that makes no URL', async () => {
    const { app } = await testApp({ TWILIO_AUTH_TOKEN: TOKEN });
    const res = await request(app).post('/sms').type('form').send('Body=HELP').set('Host', '[bad').set('X-Twilio-Signature', 'x');
    expect(res.status).toBe(403);
  });
});

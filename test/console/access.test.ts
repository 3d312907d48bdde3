import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_WRONG_TOKENS } from '../../src/console/access.js';
import { testApp } from '../helpers/app.js';
import { startLine, type RunningLine } from './server.js';
import request from 'supertest';

const TOKEN = 'console-token-for-tests-0123456789';

describe('console access', () => {
  it('is off when the line checks signatures and no CONSOLE_TOKEN is set', async () => {
    const { app } = await testApp({ TWILIO_AUTH_TOKEN: 'twilio-token' });
    const res = await request(app).get('/console');
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('console');
  });

  it('asks for the token with a login form, not the console, when CONSOLE_TOKEN is set', async () => {
    const { app } = await testApp({ TWILIO_AUTH_TOKEN: 'twilio-token', CONSOLE_TOKEN: TOKEN });
    const page = await request(app).get('/console');
    expect(page.status).toBe(401);
    expect(page.text).toContain('<form class="login" method="post" action="/console/login">');
    expect(page.text).not.toContain('id="thread"');
    const api = await request(app).post('/console/api/text').send({ conversation: 'a', text: 'hi' });
    expect(api.status).toBe(401);
    const csv = await request(app).get('/console/unanswered.csv');
    expect(csv.status).toBe(401);
  });

  it('logs in with the right token: a Secure, HttpOnly, SameSite=Strict cookie that opens the console', async () => {
    const { app } = await testApp({ TWILIO_AUTH_TOKEN: 'twilio-token', CONSOLE_TOKEN: TOKEN });
    const login = await request(app).post('/console/login').type('form').send({ token: TOKEN });
    expect(login.status).toBe(303);
    const cookie = login.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/^faq_console=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain(TOKEN);
    const page = await request(app).get('/console').set('Cookie', cookie.split(';')[0] ?? '');
    expect(page.status).toBe(200);
    expect(page.text).toContain('id="thread"');
  });

  it('refuses a forged or tampered session cookie', async () => {
    const { app } = await testApp({ TWILIO_AUTH_TOKEN: 'twilio-token', CONSOLE_TOKEN: TOKEN });
    const far = Date.now() + 3_600_000;
    for (const value of [`${far}.AAAA`, 'x', `${far}.${'A'.repeat(43)}`]) {
      const page = await request(app).get('/console').set('Cookie', `faq_console=${value}`);
      expect(page.status).toBe(401);
    }
  });

  it('says a wrong token is wrong, and refuses an address after too many wrong tokens even with the right one', async () => {
    const { app } = await testApp({ TWILIO_AUTH_TOKEN: 'twilio-token', CONSOLE_TOKEN: TOKEN });
    for (let i = 0; i < MAX_WRONG_TOKENS; i++) {
      const wrong = await request(app).post('/console/login').type('form').send({ token: `wrong-${i}` });
      expect(wrong.status).toBe(401);
      expect(wrong.text).toContain('That is not the console token.');
      expect(wrong.headers['set-cookie']).toBeUndefined();
    }
    const blocked = await request(app).post('/console/login').type('form').send({ token: TOKEN });
    expect(blocked.status).toBe(429);
    expect(blocked.text).toContain('Too many wrong tokens');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.headers['set-cookie']).toBeUndefined();
  });

  it('accepts the token as a bearer token, for scripts that fetch the CSV', async () => {
    const { app } = await testApp({ TWILIO_AUTH_TOKEN: 'twilio-token', CONSOLE_TOKEN: TOKEN });
    const csv = await request(app).get('/console/unanswered.csv').set('Authorization', `Bearer ${TOKEN}`);
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n')[0]).toBe('table,question,times,entry,score');
    const wrong = await request(app).get('/console/unanswered.csv').set('Authorization', 'Bearer nope');
    expect(wrong.status).toBe(401);
  });

  it('sends a strict Content-Security-Policy with no inline script on every console page', async () => {
    const { app } = await testApp({ TWILIO_AUTH_TOKEN: 'twilio-token', CONSOLE_TOKEN: TOKEN });
    for (const path of ['/console', '/console/login', '/console/faq']) {
      const res = await request(app).get(path).set('Authorization', `Bearer ${TOKEN}`);
      const csp = res.headers['content-security-policy'] ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)/);
      expect(res.text).not.toMatch(/\son[a-z]+=/i);
    }
  });

  it('refuses a login posted from another site', async () => {
    const { app } = await testApp({ TWILIO_AUTH_TOKEN: 'twilio-token', CONSOLE_TOKEN: TOKEN });
    const res = await request(app).post('/console/login').set('Origin', 'https://evil.example').type('form').send({ token: TOKEN });
    expect(res.status).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('console in local mode', () => {
  let line: RunningLine;
  beforeAll(async () => {
    line = await startLine();
  });
  afterAll(() => line.close());

  it('opens without a token on 127.0.0.1', async () => {
    const res = await fetch(`${line.url}/console`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('id="thread"');
  });

  it('answers a texted question through the real /sms webhook, with each message measured and the turn explained', async () => {
    const res = await fetch(`${line.url}/console/api/text`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ conversation: 'local-1', text: 'Does Twilio have insurance?' }),
    });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { messages: { body: string; chars: number; encoding: string; segments: number }[]; why: { outcome: string; entry: string; candidates: { id: string; shared: string[] }[] } };
    expect(answer.messages).toEqual([
      {
        body: 'We carry Technology Errors and Omissions Liability insurance under our cyber liability insurance program.',
        chars: 105,
        encoding: 'GSM-7',
        segments: 1,
      },
    ]);
    expect(answer.why.outcome).toBe('answered');
    expect(answer.why.entry).toBe('insurance');
    expect(answer.why.candidates[0]?.id).toBe('insurance');
    expect(answer.why.candidates[0]?.shared).toContain('insur');
  });

  it('refuses a malformed API request with a 400 and a message', async () => {
    const res = await fetch(`${line.url}/console/api/text`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"text": 5}' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('conversation');
  });
});

describe('console in production', () => {
  it('sends its turns signed, so the line that checks signatures (behind PUBLIC_URL) answers them', async () => {
    const line = await startLine({ NODE_ENV: 'production', TWILIO_AUTH_TOKEN: 'twilio-token-0123', PUBLIC_URL: 'https://line.example.com', CONSOLE_TOKEN: TOKEN });
    try {
      const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` };
      const text = await fetch(`${line.url}/console/api/text`, { method: 'POST', headers, body: JSON.stringify({ conversation: 'prod', text: 'Insurance' }) });
      expect(text.status).toBe(200);
      expect(((await text.json()) as { messages: { body: string }[] }).messages[0]?.body).toContain('Technology Errors and Omissions Liability insurance');
      const call = await fetch(`${line.url}/console/api/call`, { method: 'POST', headers, body: JSON.stringify({ call: 'prod-call' }) });
      expect(((await call.json()) as { steps: { kind: string; text?: string }[] }).steps.find((s) => s.kind === 'say')?.text).toBe("Hello, you've reached the Twilio F A Q line.");
      const unsigned = await fetch(`${line.url}/sms`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'Body=Insurance' });
      expect(unsigned.status).toBe(400);
    } finally {
      await line.close();
    }
  });
});

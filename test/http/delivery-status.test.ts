import type { Express } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { twilioTextSender } from '../../src/channels/text-sender.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { sample } from '../ops/ops-app.js';
import { realLine } from '../helpers/app.js';
import { formPost, signedPost, type FormParams } from '../helpers/sign.js';
import { ACCOUNT_SID, FakeSender, TOKEN } from '../voice/app.js';
import { SimulatedCall } from '../voice/call.js';

const BASE = 'https://faq.example.org';
const SID = `SM${'ab'.repeat(16)}`;

async function line(env: Readonly<Record<string, string>> = {}) {
  const config = loadConfig({ NODE_ENV: 'test', TWILIO_AUTH_TOKEN: TOKEN, TWILIO_ACCOUNT_SID: ACCOUNT_SID, PUBLIC_URL: BASE, ...env });
  const logs: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const logger = createLogger({ level: 'info' }, { write: (l: string) => void (raw.push(l), logs.push(JSON.parse(l) as Record<string, unknown>)) });
  const metrics = createMetrics();
  const sender = new FakeSender();
  const real = await realLine();
  const app = createApp({ config, line: () => real, logger, metrics, textSender: sender });
  return { app, logs, raw, metrics, sender };
}

/** A status callback as Twilio posts it, signed for PUBLIC_URL/status. */
function status(app: Express, fields: FormParams) {
  return signedPost(app, '/status', fields, { token: TOKEN, url: `${BASE}/status` });
}

const delivered = { AccountSid: ACCOUNT_SID, ApiVersion: '2010-04-01', From: '+18005551212', To: '+14155551567', MessageSid: SID, SmsSid: SID };

describe('delivery status of texts the line sends', () => {
  it('asks Twilio to post each "text me that" text\'s status to PUBLIC_URL/status', async () => {
    const t = await line();
    const [call] = await SimulatedCall.dial(t.app, { token: TOKEN, base: BASE });
    await call.say('do you have insurance');
    await call.say('text me that');
    expect(t.sender.sent.length).toBe(1);
    expect(t.sender.sent[0]!.statusCallback).toBe(`${BASE}/status`);
  });

  it('sends no statusCallback without PUBLIC_URL (Twilio could not reach a guessed URL)', async () => {
    const t = await line({ PUBLIC_URL: '' });
    const [call] = await SimulatedCall.dial(t.app, { token: TOKEN });
    await call.say('do you have insurance');
    await call.say('text me that');
    expect(t.sender.sent.length).toBe(1);
    expect(t.sender.sent[0]!.statusCallback).toBeUndefined();
  });

  it("passes the statusCallback to Twilio's REST API as StatusCallback", async () => {
    const posted: Array<Record<string, unknown>> = [];
    const httpClient = {
      request: (opts: { data?: Record<string, unknown> }) => {
        posted.push(opts.data ?? {});
        return Promise.resolve({ statusCode: 201, body: JSON.stringify({ sid: SID, status: 'queued' }), headers: {} });
      },
    };
    const sender = twilioTextSender({ accountSid: ACCOUNT_SID, username: ACCOUNT_SID, password: TOKEN }, 4000, httpClient);
    await sender.send({ to: '+14155551567', from: '+18005551212', body: 'hello', statusCallback: `${BASE}/status` });
    expect(posted).toEqual([expect.objectContaining({ To: '+14155551567', From: '+18005551212', Body: 'hello', StatusCallback: `${BASE}/status` })]);
  });

  it('answers a signed status with 204 and logs its sid and status, the number masked', async () => {
    const t = await line();
    const res = await status(t.app, { ...delivered, MessageStatus: 'delivered', SmsStatus: 'delivered' });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const logged = t.logs.find((l) => l.msg === 'text status');
    expect(logged).toMatchObject({ level: 30, messageSid: SID, status: 'delivered', to: '+*******1567' });
    expect(t.raw.join('')).not.toContain('4155551567');
  });

  it('counts failed and undelivered texts and logs them as warnings with the error code', async () => {
    const t = await line();
    expect((await status(t.app, { ...delivered, MessageStatus: 'sent' })).status).toBe(204);
    expect((await status(t.app, { ...delivered, MessageStatus: 'undelivered', ErrorCode: '30003' })).status).toBe(204);
    expect((await status(t.app, { ...delivered, MessageStatus: 'failed', ErrorCode: '30007' })).status).toBe(204);
    const text = await t.metrics.registry.metrics();
    expect(sample(text, 'faq_line_text_status_total{status="sent"}')).toBe(1);
    expect(sample(text, 'faq_line_text_status_total{status="undelivered"}')).toBe(1);
    expect(sample(text, 'faq_line_text_status_total{status="failed"}')).toBe(1);
    const warnings = t.logs.filter((l) => l.msg === 'a text the line sent was not delivered');
    expect(warnings).toEqual([
      expect.objectContaining({ level: 40, status: 'undelivered', errorCode: 30003 }),
      expect.objectContaining({ level: 40, status: 'failed', errorCode: 30007 }),
    ]);
  });

  it('counts a status Twilio adds later as "other", so a signed post cannot invent label values', async () => {
    const t = await line();
    expect((await status(t.app, { ...delivered, MessageStatus: 'Some New Status' })).status).toBe(204);
    const text = await t.metrics.registry.metrics();
    expect(sample(text, 'faq_line_text_status_total{status="other"}')).toBe(1);
    expect(text).not.toContain('some_new_status');
  });

  it('refuses unsigned, wrongly signed and incomplete posts with 4xx, never 5xx', async () => {
    const t = await line();
    expect((await formPost(t.app, '/status', { ...delivered, MessageStatus: 'failed' })).status).toBe(400);
    const forged = await signedPost(t.app, '/status', { ...delivered, MessageStatus: 'failed' }, { token: 'not-the-token', url: `${BASE}/status` });
    expect(forged.status).toBe(403);
    expect((await status(t.app, { ...delivered })).status).toBe(400);
    expect((await status(t.app, { ...delivered, MessageSid: 'nonsense', SmsSid: 'nonsense', MessageStatus: 'failed' })).status).toBe(400);
    expect((await status(t.app, { ...delivered, MessageStatus: ['failed', 'delivered'] })).status).toBe(400);
    expect((await request(t.app).get('/status')).status).toBe(405);
    const text = await t.metrics.registry.metrics();
    expect(text).not.toMatch(/faq_line_text_status_total\{/);
  });
});

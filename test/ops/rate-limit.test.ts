import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/ops/rate-limit.js';
import { formPost, signedPost } from '../helpers/sign.js';
import { smsMessages } from '../helpers/twiml.js';
import { opsApp, sample } from './ops-app.js';

/** A limiter on a clock the test moves. */
function limiter(perMinute: number, maxSenders?: number) {
  let t = 1_000_000;
  const l = createRateLimiter({ perMinute, now: () => t, ...(maxSenders ? { maxSenders } : {}) });
  return { l, advance: (ms: number) => void (t += ms) };
}

describe('the per-sender limiter', () => {
  it('allows perMinute messages in any 60 s and refuses the next, counting refusals in a row', () => {
    const { l, advance } = limiter(3);
    for (let i = 0; i < 3; i++) {
      expect(l.take('+1555').allowed).toBe(true);
      advance(1_000);
    }
    expect(l.take('+1555')).toEqual({ allowed: false, refusedInARow: 1 });
    expect(l.take('+1555')).toEqual({ allowed: false, refusedInARow: 2 });
    expect(l.take('+1666').allowed).toBe(true);
  });

  it('slides: a message is allowed again as soon as the oldest one is 60 s old', () => {
    const { l, advance } = limiter(2);
    l.take('a');
    advance(30_000);
    l.take('a');
    advance(29_999);
    expect(l.take('a').allowed).toBe(false);
    advance(1);
    expect(l.take('a').allowed).toBe(true);
  });

  it('does not count refused messages, so a flood never locks a sender out for longer than a minute', () => {
    const { l, advance } = limiter(1);
    l.take('bot');
    for (let i = 0; i < 59; i++) {
      advance(1_000);
      l.take('bot');
    }
    advance(1_000);
    expect(l.take('bot').allowed).toBe(true);
  });

  it('forgets senders idle for a minute and never remembers more than maxSenders', () => {
    const { l, advance } = limiter(5, 100);
    for (let i = 0; i < 250; i++) l.take(`+1555${i}`);
    expect(l.size).toBe(100);
    advance(61_000);
    l.take('late');
    expect(l.size).toBe(1);
  });
});

describe('POST /sms with RATE_LIMIT_PER_MINUTE', () => {
  const sms = (From: string, Body = 'Where are backups stored?') => ({ From, Body, MessageSid: 'SM123' });

  it('answers a sender over the limit with an empty <Response/> and one log line, other senders as usual', async () => {
    const t = await opsApp({ RATE_LIMIT_PER_MINUTE: '2' });
    for (let i = 0; i < 2; i++) expect(smsMessages((await formPost(t.app, '/sms', sms('+14155551567'))).text).length).toBeGreaterThan(0);
    t.logs.length = 0;
    const over = await formPost(t.app, '/sms', sms('+14155551567'));
    expect(over.status).toBe(200);
    expect(over.headers['content-type']).toMatch(/^text\/xml/);
    expect(smsMessages(over.text)).toEqual([]);
    expect(t.logs).toHaveLength(1);
    expect(t.logs[0]).toMatchObject({ level: 40, outcome: 'rate-limited', from: '+*******1567', limitPerMinute: 2, messageSid: 'SM123' });
    expect(JSON.stringify(t.logs)).not.toContain('5551567');

    await formPost(t.app, '/sms', sms('+14155551567'));
    expect(t.logs[1]).toMatchObject({ level: 30, outcome: 'rate-limited' });
    expect(smsMessages((await formPost(t.app, '/sms', sms('+14155550000'))).text).length).toBeGreaterThan(0);
  });

  it('counts limited messages in the metrics as outcome "rate_limited"', async () => {
    const t = await opsApp({ RATE_LIMIT_PER_MINUTE: '1' });
    for (let i = 0; i < 3; i++) await formPost(t.app, '/sms', sms('+14155551567', 'HELP'));
    const text = (await request(t.app).get('/metrics')).text;
    expect(sample(text, 'faq_line_requests_total{channel="sms",outcome="rate_limited"}')).toBe(2);
    expect(sample(text, 'faq_line_requests_total{channel="sms",outcome="menu"}')).toBe(1);
  });

  it('does not limit messages without From, nor any message when the limit is 0', async () => {
    const limited = await opsApp({ RATE_LIMIT_PER_MINUTE: '1' });
    for (let i = 0; i < 3; i++) expect(smsMessages((await formPost(limited.app, '/sms', { Body: 'HELP' })).text).length).toBeGreaterThan(0);
    const off = await opsApp({ RATE_LIMIT_PER_MINUTE: '0' });
    for (let i = 0; i < 20; i++) expect(smsMessages((await formPost(off.app, '/sms', sms('+14155551567', 'HELP'))).text).length).toBeGreaterThan(0);
  });

  it("checks the signature before counting, so forged requests cannot use up a sender's allowance", async () => {
    const t = await opsApp({ RATE_LIMIT_PER_MINUTE: '1', TWILIO_AUTH_TOKEN: 'tok' });
    for (let i = 0; i < 3; i++) expect((await formPost(t.app, '/sms', sms('+14155551567')).set('X-Twilio-Signature', 'forged')).status).toBe(403);
    const signed = await signedPost(t.app, '/sms', sms('+14155551567'), { token: 'tok', url: 'http://line.example/sms' });
    expect(smsMessages(signed.text).length).toBeGreaterThan(0);
    expect(t.logs.some((l) => l.outcome === 'rate-limited')).toBe(false);
  });
});

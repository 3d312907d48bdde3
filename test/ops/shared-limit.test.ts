import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createMetrics, type Metrics } from '../../src/ops/metrics.js';
import { createRateLimiter } from '../../src/ops/rate-limit.js';
import { createSharedLimiter, type SharedLimiter } from '../../src/ops/shared-limit.js';
import { realLine } from '../helpers/app.js';
import { formPost } from '../helpers/sign.js';
import { smsMessages } from '../helpers/twiml.js';
import { sample } from './ops-app.js';
import { startRedis, type TestRedis } from './redis.js';

/** The per-sender limit with REDIS_URL: one count for every instance, and no reply lost when Redis goes away. */

const PER_MINUTE = 4;
let redis: TestRedis;
const limiters: SharedLimiter[] = [];

interface Instance {
  readonly app: Express;
  readonly metrics: Metrics;
  readonly logs: Record<string, unknown>[];
}

async function instance(keyPrefix: string): Promise<Instance> {
  const config = loadConfig({ NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: String(PER_MINUTE), REDIS_URL: redis.url });
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'info' }, { write: (l: string) => void logs.push(JSON.parse(l) as Record<string, unknown>) });
  const metrics = createMetrics();
  const line = await realLine();
  const rateLimiter = createSharedLimiter({
    redisUrl: config.redisUrl!,
    perMinute: PER_MINUTE,
    fallback: createRateLimiter({ perMinute: PER_MINUTE }),
    logger,
    onStoreError: () => metrics.storeError('redis'),
    keyPrefix,
  });
  limiters.push(rateLimiter);
  return { app: createApp({ config, line: () => line, logger, metrics, rateLimiter }), metrics, logs };
}

/** Whether the text got a reply (a message) or the limit's empty <Response/>; the HTTP status must be 200 either way. */
async function replied(app: Express, from: string, n: number): Promise<boolean> {
  const res = await formPost(app, '/sms', { Body: 'Do you have insurance?', From: from, MessageSid: `SM${n}` });
  expect(res.status).toBe(200);
  return smsMessages(res.text).length > 0;
}

beforeAll(async () => {
  redis = await startRedis();
}, 30_000);

afterAll(async () => {
  await Promise.all(limiters.map((l) => l.close()));
  await redis.stop();
});

async function connected(i: Instance): Promise<void> {
  // the first message may come before the connection is up; a throwaway sender waits for it
  for (let n = 0; n < 50; n += 1) {
    await replied(i.app, `+1555000${String(n).padStart(4, '0')}`, n);
    if (!i.logs.some((l) => String(l.msg).startsWith('Redis unreachable'))) return;
    i.logs.length = 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the per-sender limit in Redis', () => {
  it('is shared by two instances: a sender alternating between them gets the limit once, not twice', async () => {
    const [a, b] = [await instance('t1'), await instance('t1')];
    await connected(a);
    await connected(b);
    const answers: boolean[] = [];
    for (let n = 0; n < PER_MINUTE * 2; n += 1) answers.push(await replied(n % 2 ? b.app : a.app, '+14155551567', 100 + n));
    expect(answers.filter(Boolean)).toHaveLength(PER_MINUTE);
    expect(answers.slice(PER_MINUTE).every((r) => !r)).toBe(true);
  }, 60_000);

  it('keeps answering every message when Redis stops mid-test, logs it once and counts it', async () => {
    const i = await instance('t2');
    await connected(i);
    const before: boolean[] = [];
    for (let n = 0; n < 3; n += 1) before.push(await replied(i.app, `+1415555${2000 + n}`, 200 + n));
    await redis.stop();
    const after: boolean[] = [];
    for (let n = 0; n < 20; n += 1) after.push(await replied(i.app, `+1415555${3000 + n}`, 300 + n));
    expect([...before, ...after].every(Boolean)).toBe(true);
    expect(i.logs.filter((l) => String(l.msg).startsWith('Redis unreachable'))).toHaveLength(1);
    const text = await i.metrics.registry.metrics();
    expect(sample(text, 'faq_line_store_errors_total{store="redis"}')).toBeGreaterThanOrEqual(20);
    // and the limit still holds, counted in this process
    const one: boolean[] = [];
    for (let n = 0; n < PER_MINUTE + 2; n += 1) one.push(await replied(i.app, '+14155559999', 400 + n));
    expect(one.filter(Boolean)).toHaveLength(PER_MINUTE);
  }, 60_000);
});

import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Line } from '../../src/line.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { formPost } from '../helpers/sign.js';
import { opsApp, sample } from './ops-app.js';
import { scriptedLine } from './scripted-line.js';

let line: Line;
beforeAll(async () => {
  line = await scriptedLine();
});

async function scrape(app: Parameters<typeof request>[0]): Promise<string> {
  const res = await request(app).get('/metrics');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text;
}

describe('GET /metrics', () => {
  it('counts webhook turns by channel and outcome', async () => {
    const t = await opsApp({}, () => line);
    for (const Body of ['answer 1 0.8', 'answer 2 0.5', 'apology 0.2', 'clarify', 'HELP']) await formPost(t.app, '/sms', { Body });
    const text = await scrape(t.app);
    expect(sample(text, 'faq_line_requests_total{channel="sms",outcome="answered"}')).toBe(2);
    expect(sample(text, 'faq_line_requests_total{channel="sms",outcome="apology"}')).toBe(1);
    expect(sample(text, 'faq_line_requests_total{channel="sms",outcome="clarify"}')).toBe(1);
    expect(sample(text, 'faq_line_requests_total{channel="sms",outcome="menu"}')).toBe(1);
  });

  it('counts answers by entry id', async () => {
    const t = await opsApp({}, () => line);
    for (const Body of ['answer 1 0.8', 'answer 1 0.9', 'answer 2 0.5']) await formPost(t.app, '/sms', { Body });
    const [first, second] = line.faq.entries;
    const text = await scrape(t.app);
    expect(sample(text, `faq_line_answers_total{channel="sms",entry="${first?.id}"}`)).toBe(2);
    expect(sample(text, `faq_line_answers_total{channel="sms",entry="${second?.id}"}`)).toBe(1);
  });

  it('gives the apology rate as apologies over questions, leaving out menus and small talk', async () => {
    const t = await opsApp({}, () => line);
    for (const Body of ['answer 1 0.8', 'apology 0.2', 'apology', 'clarify', 'HELP', 'HELP']) await formPost(t.app, '/sms', { Body });
    expect(sample(await scrape(t.app), 'faq_line_apology_ratio{channel="sms"}')).toBe(0.5);
  });

  it("histograms the classifier's score by outcome, an apology's nearest miss included", async () => {
    const t = await opsApp({}, () => line);
    for (const Body of ['answer 1 0.82', 'apology 0.12', 'apology']) await formPost(t.app, '/sms', { Body });
    const text = await scrape(t.app);
    expect(sample(text, 'faq_line_classifier_score_count{channel="sms",outcome="answered"}')).toBe(1);
    expect(sample(text, 'faq_line_classifier_score_bucket{le="0.8",channel="sms",outcome="answered"}')).toBe(0);
    expect(sample(text, 'faq_line_classifier_score_bucket{le="0.9",channel="sms",outcome="answered"}')).toBe(1);
    expect(sample(text, 'faq_line_classifier_score_count{channel="sms",outcome="apology"}')).toBe(1);
    expect(sample(text, 'faq_line_classifier_score_sum{channel="sms",outcome="apology"}')).toBeCloseTo(0.12);
  });

  it('histograms turn latency by channel and every request by route and status', async () => {
    const t = await opsApp({}, () => line);
    await formPost(t.app, '/sms', { Body: 'HELP' });
    await formPost(t.app, '/sms', { Body: 'HELP' });
    await request(t.app).get('/nowhere');
    await request(t.app).post('/sms').set('Content-Type', 'application/json').send('{}');
    const text = await scrape(t.app);
    expect(sample(text, 'faq_line_turn_duration_seconds_count{channel="sms"}')).toBe(2);
    expect(sample(text, 'faq_line_turn_duration_seconds_bucket{le="+Inf",channel="sms"}')).toBe(2);
    expect(sample(text, 'faq_line_http_request_duration_seconds_count{method="POST",route="/sms",status="200"}')).toBe(2);
    expect(sample(text, 'faq_line_http_request_duration_seconds_count{method="POST",route="/sms",status="415"}')).toBe(1);
    expect(sample(text, 'faq_line_http_request_duration_seconds_count{method="GET",route="unmatched",status="404"}')).toBe(1);
  });

  it('keeps each app its own registry, so two apps never share counts', async () => {
    const a = await opsApp({}, () => line);
    const b = await opsApp({}, () => line);
    await formPost(a.app, '/sms', { Body: 'HELP' });
    expect(sample(await scrape(a.app), 'faq_line_requests_total{channel="sms",outcome="menu"}')).toBe(1);
    expect(sample(await scrape(b.app), 'faq_line_requests_total{channel="sms",outcome="menu"}')).toBeUndefined();
  });

  it('reports FAQ loads and the entries served', async () => {
    const metrics = createMetrics();
    metrics.faqLoaded({ ok: true, entries: 12 });
    metrics.faqLoaded({ ok: false });
    const text = await metrics.registry.metrics();
    expect(sample(text, 'faq_line_faq_loads_total{result="ok"}')).toBe(1);
    expect(sample(text, 'faq_line_faq_loads_total{result="rejected"}')).toBe(1);
    expect(sample(text, 'faq_line_faq_entries')).toBe(12);
  });

  it('adds Node process metrics when asked', async () => {
    const text = await createMetrics({ processMetrics: true }).registry.metrics();
    expect(text).toContain('process_resident_memory_bytes');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });
});

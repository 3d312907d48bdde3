import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/ops/metrics.js';
import { countedSender, createMetricsApp } from '../../src/ops/metrics-access.js';
import { formPost } from '../helpers/sign.js';
import { opsApp, sample } from './ops-app.js';

const TOKEN = 'metrics-token-0123456789';

describe('metrics for operators', () => {
  it('gives every outcome label in snake_case (no spaces or hyphens)', async () => {
    const t = await opsApp();
    for (const Body of ['thanks', 'STOP', 'START', 'Do you have insurance?']) await formPost(t.app, '/sms', { Body, From: '+14155551567' });
    const text = (await request(t.app).get('/metrics')).text;
    const outcomes = [...text.matchAll(/faq_line_requests_total\{[^}]*outcome="([^"]*)"/g)].map((m) => m[1]);
    expect(outcomes).toEqual(expect.arrayContaining(['small_talk', 'opt_out', 'answered']));
    for (const o of outcomes) expect(o).toMatch(/^[a-z0-9_]+$/);
  });

  it('exports faq_line_build_info with the version and Node version', async () => {
    const text = await createMetrics({ version: '1.2.3' }).registry.metrics();
    expect(sample(text, `faq_line_build_info{version="1.2.3",node_version="${process.versions.node}"}`)).toBe(1);
  });

  it('counts texts sent through the REST API by result', async () => {
    const metrics = createMetrics();
    let fail = false;
    const sender = countedSender({ send: async () => { if (fail) throw new Error('21610'); } }, metrics);
    await sender.send({ to: '+14155551567', from: '+18005551212', body: 'x' });
    fail = true;
    await expect(sender.send({ to: '+14155551567', from: '+18005551212', body: 'x' })).rejects.toThrow('21610');
    const text = await metrics.registry.metrics();
    expect(sample(text, 'faq_line_texts_sent_total{result="sent"}')).toBe(1);
    expect(sample(text, 'faq_line_texts_sent_total{result="failed"}')).toBe(1);
  });

  it('puts /metrics behind METRICS_TOKEN when it is set', async () => {
    const t = await opsApp({ METRICS_TOKEN: TOKEN });
    expect((await request(t.app).get('/metrics')).status).toBe(401);
    expect((await request(t.app).get('/metrics').set('Authorization', 'Bearer wrong-token-0123456789')).status).toBe(401);
    const ok = await request(t.app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('faq_line_requests_total');
  });

  it('serves /metrics only on METRICS_PORT when it is set, not on the webhook port', async () => {
    const t = await opsApp({ METRICS_PORT: '9464' });
    expect((await request(t.app).get('/metrics')).status).toBe(404);
    const own = createMetricsApp(t.metrics, undefined);
    const res = await request(own).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toContain('faq_line_build_info');
    expect((await request(own).post('/sms')).status).toBe(404);
  });
});

import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Line } from '../../src/line.js';
import { realLine } from '../helpers/app.js';
import { formPost } from '../helpers/sign.js';
import { opsApp } from './ops-app.js';

describe('GET /healthz', () => {
  it('answers 200 while the process runs, even when it is not ready', async () => {
    const t = await opsApp();
    t.readiness.draining = true;
    const res = await request(t.app).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('GET /readyz', () => {
  it('answers 200 with the number of entries once the FAQ is loaded and its classifier answers', async () => {
    const t = await opsApp();
    const res = await request(t.app).get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', entries: (await realLine()).faq.entries.length });
  });

  it('answers 503 while shutting down, and every response then asks to close the connection', async () => {
    const t = await opsApp();
    t.readiness.draining = true;
    const res = await request(t.app).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'not ready', reason: 'shutting down' });
    const sms = await formPost(t.app, '/sms', { Body: 'HELP' });
    expect(sms.status).toBe(200);
    expect(sms.headers.connection).toBe('close');
  });

  it('answers 503 naming the problem when the line cannot answer', async () => {
    const broken: Line = {
      ...(await realLine()),
      reply: () => {
        throw new Error('classifier not built');
      },
    };
    const t = await opsApp({}, () => broken);
    const res = await request(t.app).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.body.reason).toContain('classifier not built');
  });

  it('needs no Twilio signature, even when webhooks do', async () => {
    const t = await opsApp({ TWILIO_AUTH_TOKEN: 'secret' });
    expect((await request(t.app).get('/readyz')).status).toBe(200);
    expect((await formPost(t.app, '/sms', { Body: 'HELP' })).status).toBe(400);
  });
});

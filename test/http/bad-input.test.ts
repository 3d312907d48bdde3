import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ BODY_LIMIT: '16kb' });
});

/** A short plain-text client error: no stack trace, no HTML, no 5xx. */
function expectShortPlain(res: request.Response, status: number): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^text\/plain/);
  expect(res.text.length).toBeLessThan(100);
  expect(res.text).not.toMatch(/\bat .+:\d+:\d+|<html|Error:/i);
}

describe('malformed webhook requests', () => {
  it('rejects a JSON body with 415', async () => {
    const res = await request(t.app).post('/sms').set('Content-Type', 'application/json').send('{"Body":"HELP"}');
    expectShortPlain(res, 415);
  });

  it('rejects a plain-text body with 415', async () => {
    const res = await request(t.app).post('/sms').set('Content-Type', 'text/plain').send('Body=HELP');
    expectShortPlain(res, 415);
  });

  it('rejects invalid percent-encoding with 400', async () => {
    const res = await request(t.app).post('/sms').type('form').send('Body=100%25%20sure%E0%A4%A&From=%2B14155551567');
    expectShortPlain(res, 400);
  });

  it('rejects percent-encoded bytes that are not UTF-8 with 400', async () => {
    const res = await request(t.app).post('/sms').type('form').send('Body=%FF%FE');
    expectShortPlain(res, 400);
  });

  it('rejects a body over BODY_LIMIT with 413', async () => {
    const res = await request(t.app).post('/sms').type('form').send(`Body=${'a'.repeat(17 * 1024)}`);
    expectShortPlain(res, 413);
  });

  it('rejects an unsupported charset with 415', async () => {
    const res = await request(t.app).post('/sms').set('Content-Type', 'application/x-www-form-urlencoded; charset=klingon').send('Body=HELP');
    expectShortPlain(res, 415);
  });

  it('logs each rejected request as one warning, without its body', async () => {
    const before = t.logs.length;
    await request(t.app).post('/sms').type('form').send('Body=secret%zz');
    const lines = t.logs.slice(before);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe(40);
    expect(JSON.stringify(lines)).not.toContain('secret');
  });
});

describe('other routes', () => {
  it('answers GET / with a short plain description', async () => {
    const res = await request(t.app).get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toContain('POST /sms');
  });

  it('answers an unknown route with 404 and a short message', async () => {
    const res = await request(t.app).post('/voice/nope').type('form').send('Body=x');
    expectShortPlain(res, 404);
  });

  it('answers GET /sms with 405 and Allow: POST', async () => {
    const res = await request(t.app).get('/sms');
    expectShortPlain(res, 405);
    expect(res.headers.allow).toBe('POST');
  });
});

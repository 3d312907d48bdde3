import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';
import { formPost } from '../helpers/sign.js';
import { smsMessages } from '../helpers/twiml.js';

/** Twilio gives WhatsApp senders as whatsapp:+1...: they are their own channel in logs and metrics. */

describe('WhatsApp senders', () => {
  it('are answered, logged as channel whatsapp with the number masked, and counted as whatsapp', async () => {
    const { app, logs } = await testApp();
    const res = await formPost(app, '/sms', { Body: 'Do you have insurance?', From: 'whatsapp:+14155551567', To: 'whatsapp:+18005551212', MessageSid: 'SMwa1' });
    expect(res.status).toBe(200);
    expect(smsMessages(res.text).join(' ')).toContain('insurance');
    const line = logs.find((l) => l.msg === 'sms');
    expect(line).toMatchObject({ channel: 'whatsapp', from: 'whatsapp:+*******1567' });
    const metrics = (await request(app).get('/metrics')).text;
    expect(metrics).toMatch(/faq_line_requests_total\{channel="whatsapp",outcome="answered"\} 1/);
    expect(metrics).not.toMatch(/faq_line_requests_total\{channel="sms"/);
  });

  it('leaves plain numbers on the sms channel', async () => {
    const { app, logs } = await testApp();
    await formPost(app, '/sms', { Body: 'HELP', From: '+14155551567' });
    expect(logs.find((l) => l.msg === 'sms')).toMatchObject({ channel: 'sms' });
  });
});

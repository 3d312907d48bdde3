import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';
import { formPost, signedPost } from '../helpers/sign.js';
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

describe('replies to WhatsApp senders, as Twilio documents WhatsApp', () => {
  const TOKEN = 'whatsapp-test-token-0123456789ab';
  const URL = 'https://faq.example.org/sms';
  const fields = (Body: string, From: string) => ({
    MessageSid: `SM${'c'.repeat(32)}`,
    AccountSid: `AC${'d'.repeat(32)}`,
    From,
    To: From.startsWith('whatsapp:') ? 'whatsapp:+18005551212' : '+18005551212',
    Body,
    NumMedia: '0',
    ...(From.startsWith('whatsapp:') ? { ProfileName: 'Ada', WaId: '14155551567' } : {}),
  });
  async function ask(Body: string, From: string): Promise<string[]> {
    const { app } = await testApp({ TWILIO_AUTH_TOKEN: TOKEN, PUBLIC_URL: 'https://faq.example.org' });
    const res = await signedPost(app, '/sms', fields(Body, From), { token: TOKEN, url: URL });
    expect(res.status).toBe(200);
    return smsMessages(res.text);
  }
  const covid = async () => (await testApp()).line.faq.entries.find((e) => e.id === 'covid-19')!;

  it('split a long answer only at 1,600 characters, with no "(1/2)" numbering, and keep its own characters', async () => {
    const entry = await covid();
    expect(entry.answer.length).toBeGreaterThan(1600);
    const parts = await ask('covid', 'whatsapp:+14155551567');
    expect(parts.length).toBe(Math.ceil(entry.answer.length / 1600));
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(1600);
      expect(part).not.toMatch(/\(\d+\/\d+\)$/);
    }
    expect(parts[0]!.length).toBeGreaterThan(1500); // as full as it can be: WhatsApp has no segments to balance
    expect(parts.join(' ')).toBe(entry.answer); // nothing transliterated: "Twilio’s" keeps its apostrophe
    expect(parts.join(' ')).toContain('Twilio’s');
  });

  it('still number the parts and use GSM-7 for the same answer by SMS', async () => {
    const parts = await ask('covid', '+14155551567');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0]).toMatch(/ \(1\/\d\)$/);
    expect(parts.join(' ')).not.toContain('’');
  });

  it('set the menu\'s topic names in WhatsApp bold, and only on WhatsApp', async () => {
    const [help] = await ask('HELP', 'whatsapp:+14155551567');
    expect(help).toContain('A) *Business Continuity and Disaster Recovery*, B) *Cloud Security*.');
    const [topic] = await ask('b', 'whatsapp:+14155551567');
    expect(topic).toMatch(/^\*Cloud Security\*: \d+\) /);
    const [sms] = await ask('HELP', '+14155551567');
    expect(sms).not.toContain('*');
  });
});

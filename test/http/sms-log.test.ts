import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';
import { formPost } from '../helpers/sign.js';

const SMS = { MessageSid: 'SM00000000000000000000000000000003', From: '+14155551567', To: '+18005551212', Body: 'Where is my llama?' };

/** The app's log lines about SMS turns. */
function smsLines(logs: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return logs.filter((l) => l.channel === 'sms');
}

describe('the SMS log line', () => {
  it('writes exactly one line per webhook, bound to the MessageSid', async () => {
    const { app, logs } = await testApp({ LOG_LEVEL: 'trace', TWILIO_AUTH_TOKEN: 'x' });
    logs.length = 0;
    await formPost(app, '/sms', { ...SMS, MessageSid: 'SM1' }).set('X-Twilio-Signature', 'wrong');
    await formPost(app, '/sms', { ...SMS, MessageSid: 'SM2' }).set('X-Twilio-Signature', 'wrong');
    expect(logs.filter((l) => l.level === 40)).toHaveLength(2);

    const local = await testApp({ LOG_LEVEL: 'trace' });
    local.logs.length = 0;
    await formPost(local.app, '/sms', { ...SMS, MessageSid: 'SM1' });
    await formPost(local.app, '/sms', { ...SMS, MessageSid: 'SM2' });
    expect(local.logs).toHaveLength(2);
    expect(local.logs.map((l) => l.messageSid)).toEqual(['SM1', 'SM2']);
  });

  it('gives channel, outcome, latency, and the sender masked to its last 4 digits', async () => {
    const { app, logs } = await testApp();
    await formPost(app, '/sms', SMS);
    const [line] = smsLines(logs);
    expect(line).toMatchObject({ level: 30, msg: 'sms', channel: 'sms', messageSid: SMS.MessageSid, from: '+*******1567' });
    expect(['answered', 'apology', 'clarify', 'menu', 'small talk', 'opt-out', 'opt-in']).toContain(line?.outcome);
    expect(typeof line?.latencyMs).toBe('number');
    expect(JSON.stringify(logs)).not.toContain('5551567');
  });

  it('gives the entry id and score when the line answers from the FAQ', async () => {
    const { app, logs } = await testApp();
    await formPost(app, '/sms', { ...SMS, Body: 'Insurance' });
    expect(smsLines(logs)[0]).toMatchObject({ outcome: 'answered', entry: 'insurance', score: expect.any(Number) });
  });

  it('includes the texted words by default', async () => {
    const { app, logs } = await testApp();
    await formPost(app, '/sms', SMS);
    expect(smsLines(logs)[0]?.text).toBe(SMS.Body);
  });

  it('keeps the texted words out of every log line when LOG_UTTERANCES=false', async () => {
    const { app, logs } = await testApp({ LOG_UTTERANCES: 'false', LOG_LEVEL: 'trace' });
    await formPost(app, '/sms', SMS);
    expect(smsLines(logs)).toHaveLength(1);
    expect(smsLines(logs)[0]).not.toHaveProperty('text');
    expect(JSON.stringify(logs)).not.toContain('llama');
  });

  it('never logs the signature header or the auth token', async () => {
    const { app, logs } = await testApp({ TWILIO_AUTH_TOKEN: 'sekrit-token-value' });
    await formPost(app, '/sms', SMS).set('X-Twilio-Signature', 'sekrit-signature');
    const text = JSON.stringify(logs);
    expect(text).not.toContain('sekrit');
  });
});

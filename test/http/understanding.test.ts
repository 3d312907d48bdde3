import { beforeAll, describe, expect, it } from 'vitest';
import { formPost } from '../helpers/sign.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { smsMessages } from '../helpers/twiml.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

async function text(body: string): Promise<string> {
  const res = await formPost(t.app, '/sms', { MessageSid: 'SM00000000000000000000000000000002', From: '+14155551567', Body: body });
  expect(res.status).toBe(200);
  // The words of every <Message>, without the "(1/2)" part numbers at their ends.
  return smsMessages(res.text)
    .map((m) => m.replace(/\s*\(\d+\/\d+\)$/, ''))
    .join(' ')
    .replace(/\s+/g, ' ');
}

const APOLOGY = "Sorry, I can't answer that. I can only answer questions from the Twilio FAQ. Text MENU to see the topics.";

describe('what the line understands, over the SMS webhook', () => {
  it('answers two questions in one message with both answers, in the order asked', async () => {
    const reply = await text('where are backups stored and do you have insurance?');
    const backups = reply.indexOf('Backups are located in AWS US West Region');
    const insurance = reply.indexOf('Technology Errors and Omissions');
    expect(backups).toBeGreaterThanOrEqual(0);
    expect(insurance).toBeGreaterThan(backups);
  });

  it('names the part of a message the FAQ does not cover, after the answer it does', async () => {
    const reply = await text('where are backups stored? also can you recommend a good pizza place near the office');
    expect(reply).toContain('Backups are located in AWS US West Region');
    expect(reply).toMatch(/Sorry, the Twilio FAQ does not cover "can you recommend a good pizza place near the office"\.$/);
  });

  it.each([
    'does plivo have a business continuity plan i can download',
    'where are google drive’s backups stored',
    'does my health insurance cover the ER if im abroad',
    "what is aws's own rto and rpo for us-east-1",
    'is aws us-east-1 having an outage right now',
    'how should my team plan for a hard down of our own datacenter',
    'how do i set up disaster recovery for my bakery',
    'can i whitelist an ip on my router',
  ])('declines a question about another subject: %s', async (q) => {
    expect(await text(q)).toBe(APOLOGY);
  });

  it.each(["what's the dollar limit on your cyber insurance policy", 'who underwrites your E&O policy', 'how much extra do static IPs cost', "what's the T-SIRT email address"])(
    'declines a question for a detail the FAQ does not give: %s',
    async (q) => {
      expect(await text(q)).toBe(APOLOGY);
    },
  );

  it.each(['is aws multi-tenant', 'where are your backups stored', 'do you have insurance', 'our auditors want to know where your backups are stored'])('still answers the FAQ’s own subject: %s', async (q) => {
    expect(await text(q)).not.toBe(APOLOGY);
  });
});

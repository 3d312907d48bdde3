import { beforeAll, describe, expect, it } from 'vitest';
import type { Reply, TextInput } from '../../src/dialog/reply.js';
import type { Line } from '../../src/line.js';
import { realLine, testApp } from '../helpers/app.js';
import { formPost } from '../helpers/sign.js';
import { smsMessages } from '../helpers/twiml.js';

/** A line that records what it was asked and gives a fixed reply (or throws). */
async function spyLine(reply: Reply | Error): Promise<Line & { inputs: TextInput[] }> {
  const inputs: TextInput[] = [];
  return {
    ...(await realLine()),
    inputs,
    reply(input) {
      inputs.push(input);
      if (reply instanceof Error) throw reply;
      return reply;
    },
  };
}

describe('the SMS channel', () => {
  let line: Awaited<ReturnType<typeof spyLine>>;
  beforeAll(async () => {
    line = await spyLine({ kind: 'help' });
  });

  it('hands the line the Body text and NumMedia as a number', async () => {
    const { app } = await testApp({}, line);
    await formPost(app, '/sms', { Body: 'Where are backups stored?', NumMedia: '2' });
    expect(line.inputs.at(-1)).toEqual({ text: 'Where are backups stored?', numMedia: 2 });
  });

  it('hands the line an empty text and no media when those fields are missing or odd', async () => {
    const { app } = await testApp({}, line);
    await formPost(app, '/sms', { NumMedia: 'lots' });
    expect(line.inputs.at(-1)).toEqual({ text: '', numMedia: 0 });
  });

  it('hands the line the first value of a Body given twice', async () => {
    const { app } = await testApp({}, line);
    await formPost(app, '/sms', { Body: ['first', 'second'] });
    expect(line.inputs.at(-1)?.text).toBe('first');
  });

  it('asks the line getter on every message, so a reload can swap the line', async () => {
    let current: Line = line;
    const { app } = await testApp({}, () => current);
    const before = await formPost(app, '/sms', { Body: 'x' });
    current = await spyLine({ kind: 'silent', reason: 'opt-out' });
    const after = await formPost(app, '/sms', { Body: 'x' });
    expect(smsMessages(before.text).length).toBeGreaterThan(0);
    expect(smsMessages(after.text)).toEqual([]);
  });

  it('answers a silent reply with an empty <Response/>', async () => {
    const { app } = await testApp({}, await spyLine({ kind: 'silent', reason: 'opt-out' }));
    const res = await formPost(app, '/sms', { Body: 'STOP' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    expect(smsMessages(res.text)).toEqual([]);
  });

  it('answers the apology as TwiML, never a 5xx, when the line fails unexpectedly', async () => {
    const failing = await spyLine(new Error('classifier exploded'));
    const { app, logs } = await testApp({}, failing);
    const res = await formPost(app, '/sms', { Body: 'anything', From: '+14155551567' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    expect(smsMessages(res.text)).toEqual(["Sorry, I can't answer that. I can only answer questions from the Twilio FAQ. Text MENU to see the topics."]);
    expect(res.text).not.toContain('classifier exploded');
    expect(logs.filter((l) => l.level === 50)).toHaveLength(1);
  });
});

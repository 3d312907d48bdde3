import type { Express } from 'express';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { loadFaq } from '../../src/faq/load.js';
import { createLine } from '../../src/line.js';
import { formPost } from '../helpers/sign.js';
import { smsMessages } from '../helpers/twiml.js';
import { TOKEN } from '../voice/app.js';
import { SimulatedCall } from '../voice/call.js';
import { opsApp } from './ops-app.js';

/** Instances as they run behind a load balancer: each its own process state, its own line built from the same file. */
async function instance(env: Record<string, string> = {}): Promise<Express> {
  const line = createLine(await loadFaq(loadConfig({}).faqFile));
  return (await opsApp(env, () => line)).app;
}

/** A round-robin load balancer in front of instances: each request goes to the next one; `served` counts them. */
function balancer(instances: readonly Express[]): { app: Express; served: number[] } {
  const served = instances.map(() => 0);
  let next = 0;
  const route = (req: Parameters<Express>[0], res: Parameters<Express>[1]): void => {
    const i = next++ % instances.length;
    served[i] = (served[i] ?? 0) + 1;
    instances[i]?.(req, res);
  };
  return { app: route as unknown as Express, served };
}

const CONVERSATION = [
  'hello',
  'MENU',
  'B',
  '3',
  'Where are backups stored?',
  'and what insurance do you carry',
  'what is the best pizza in Naples',
  '#2',
  'thanks',
  'STOP',
  'START',
  'bye',
];

let a: Express;
let b: Express;
let single: Express;
beforeAll(async () => {
  [a, b, single] = await Promise.all([instance(), instance(), instance()]);
});

/** Text the conversation from one number, each message to the instance `pick` chooses; the replies and headers. */
async function converse(pick: (turn: number) => Express): Promise<{ replies: string[][]; cookies: unknown[] }> {
  const replies: string[][] = [];
  const cookies: unknown[] = [];
  for (const [i, Body] of CONVERSATION.entries()) {
    const res = await formPost(pick(i), '/sms', { Body, From: '+14155551567', To: '+18005551212', MessageSid: `SM${i}` });
    expect(res.status).toBe(200);
    replies.push(smsMessages(res.text));
    if (res.headers['set-cookie'] !== undefined) cookies.push(res.headers['set-cookie']);
  }
  return { replies, cookies };
}

describe('scale-out', () => {
  it('answers an SMS conversation alternated between two instances exactly as one instance does', async () => {
    const alternated = await converse((turn) => (turn % 2 === 0 ? a : b));
    const alone = await converse(() => single);
    expect(alternated.replies).toEqual(alone.replies);
    // the conversation is not trivially the same reply over and over
    expect(new Set(alone.replies.map((r) => r.join('\n'))).size).toBeGreaterThan(CONVERSATION.length / 2);
  });

  it('keeps no conversation state in a cookie or in the instance: the reply depends on the message alone', async () => {
    const alternated = await converse((turn) => (turn % 2 === 0 ? b : a));
    expect(alternated.cookies).toEqual([]);
    // the same message asked cold, on a fresh instance, gets the reply it got mid-conversation
    const fresh = await instance();
    for (const [i, Body] of CONVERSATION.entries()) {
      const res = await formPost(fresh, '/sms', { Body, From: '+14155550000' });
      expect(smsMessages(res.text)).toEqual(alternated.replies[i]);
    }
  });
});

/** Play a call, turn by turn, until it ends or the script does; what the caller heard at each step. */
async function playCall(app: Express): Promise<string[]> {
  const [call, greeting] = await SimulatedCall.dial(app, { token: TOKEN });
  const heard = [greeting.text];
  const steps: Array<(c: SimulatedCall) => ReturnType<SimulatedCall['silence']>> = [
    (c) => c.say('where are backups stored'),
    (c) => c.press('1'),
    (c) => c.say('do you have insurance'),
    (c) => c.press('0'),
    (c) => c.press('1'),
    (c) => c.say('what is the best pizza in Naples'),
    (c) => c.silence(),
    (c) => c.say('goodbye'),
  ];
  for (const step of steps) {
    if (call.ended) break;
    heard.push((await step(call)).text);
  }
  return heard;
}

describe('scale-out of a call', () => {
  it('plays a call alternated between two instances exactly as on one (the state travels in the action URL)', async () => {
    const [x, y, one] = await Promise.all([instance({ TWILIO_AUTH_TOKEN: TOKEN }), instance({ TWILIO_AUTH_TOKEN: TOKEN }), instance({ TWILIO_AUTH_TOKEN: TOKEN })]);
    const lb = balancer([x, y]);
    const alternated = await playCall(lb.app);
    const alone = await playCall(one);
    expect(Math.min(...lb.served)).toBeGreaterThanOrEqual(3);
    expect(alternated).toEqual(alone);
    expect(alone.length).toBeGreaterThan(5);
    expect(new Set(alone).size).toBeGreaterThan(4);
  });
});

describe('the per-sender limit with several instances', () => {
  it('is counted per instance: alternating two instances lets a sender through up to twice the limit', async () => {
    const [x, y] = await Promise.all([opsApp({ RATE_LIMIT_PER_MINUTE: '2' }), opsApp({ RATE_LIMIT_PER_MINUTE: '2' })]);
    let answered = 0;
    for (let i = 0; i < 8; i++) {
      const res = await formPost(i % 2 === 0 ? x.app : y.app, '/sms', { Body: 'HELP', From: '+14155551567' });
      if (smsMessages(res.text).length > 0) answered += 1;
    }
    expect(answered).toBe(4);
  });
});

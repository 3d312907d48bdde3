import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { batched } from '../../src/channels/batch.js';
import { testApp } from '../helpers/app.js';
import { formPost } from '../helpers/sign.js';
import { smsMessages } from '../helpers/twiml.js';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('requests answered back to back', () => {
  it('runs every request that arrived in one turn, in order, once that turn is over', async () => {
    const seen: number[] = [];
    const handler = batched((req) => void seen.push((req as unknown as { n: number }).n));
    const next = (() => undefined) as NextFunction;
    for (const n of [1, 2, 3]) handler({ n } as unknown as Request, {} as Response, next);
    expect(seen).toEqual([]);
    await turn();
    expect(seen).toEqual([1, 2, 3]);
    handler({ n: 4 } as unknown as Request, {} as Response, next);
    await turn();
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it("hands an error thrown for one request to that request's next, and still runs the others", async () => {
    const errors: unknown[] = [];
    const ran: number[] = [];
    const handler = batched((req) => {
      const n = (req as unknown as { n: number }).n;
      if (n === 1) throw new Error('boom');
      ran.push(n);
    });
    handler({ n: 1 } as unknown as Request, {} as Response, ((err: unknown) => void errors.push(err)) as NextFunction);
    handler({ n: 2 } as unknown as Request, {} as Response, (() => undefined) as NextFunction);
    await turn();
    expect(errors).toHaveLength(1);
    expect(ran).toEqual([2]);
  });

  it('gives each of a burst of texts sent at once the reply it gets when sent alone', async () => {
    const t = await testApp();
    const questions = ['HELP', 'Where are backups stored?', 'what is the weather on mars', 'A', 'how is my data encrypted', 'MENU', 'hi', '2'];
    const post = (Body: string, i: number) => formPost(t.app, '/sms', { MessageSid: `SM${String(i).padStart(32, '0')}`, From: `+1415555${String(1000 + i)}`, Body });
    const alone: string[][] = [];
    for (const [i, q] of questions.entries()) alone.push(smsMessages((await post(q, i)).text));
    const together = await Promise.all(questions.map((q, i) => post(q, i)));
    expect(together.map((r) => r.status)).toEqual(questions.map(() => 200));
    expect(together.map((r) => smsMessages(r.text))).toEqual(alone);
    expect(alone[0]?.join(' ')).toContain('I answer questions from the Twilio FAQ');
  });
});

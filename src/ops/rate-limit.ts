import type { RequestHandler } from 'express';
import { recordTurn, textChannel } from '../channels/turn.js';
import { loggedTurn, type Turn } from '../turn/record.js';
import { EMPTY_TWIML } from '../http/errors.js';
import { formFields } from '../http/form.js';
import type { Logger } from '../log.js';

const WINDOW_MS = 60_000;

export interface RateLimiterOptions {
  /** Messages allowed per sender in any 60-second window. */
  readonly perMinute: number;
  /**
   * Senders remembered at most (default 10,000); past it the least recently seen are forgotten, so
   * memory stays small even when every message comes from a new number. A sender is only forgotten
   * within its minute when 10,000 others texted after it: a flood a per-sender limit cannot stop anyway.
   */
  readonly maxSenders?: number;
  readonly now?: () => number;
}

/** One message counted: allowed, or refused with how many in a row have been refused (1 = the first). */
export type Taken = { readonly allowed: true } | { readonly allowed: false; readonly refusedInARow: number };

export interface RateLimiter {
  /** Count one message from `sender`. In this process at once; a shared limiter (Redis) answers later. */
  take(sender: string): Taken | Promise<Taken>;
  /** Senders currently remembered. */
  readonly size: number;
}

interface SenderWindow {
  /** Times of the messages allowed in the last 60 s, oldest first (at most perMinute). */
  times: number[];
  refusedInARow: number;
}

/**
 * A sliding-window limit per sender: at most `perMinute` answered messages in any 60 s (refused ones
 * do not count, so a sender is never locked out longer than a minute). Counters live in this process
 * only: with N instances behind a load balancer a sender can get up to N times the limit.
 */
/** The in-process limiter: it answers at once. */
export interface MemoryRateLimiter extends RateLimiter {
  take(sender: string): Taken;
}

export function createRateLimiter(options: RateLimiterOptions): MemoryRateLimiter {
  const { perMinute, maxSenders = 10_000, now = Date.now } = options;
  /** In insertion order = least recently seen first, so the first key is the one to forget. */
  const senders = new Map<string, SenderWindow>();
  let lastSweep = now();

  const sweep = (t: number): void => {
    for (const [sender, w] of senders) if ((w.times.at(-1) ?? -Infinity) <= t - WINDOW_MS) senders.delete(sender);
    lastSweep = t;
  };

  return {
    take(sender) {
      const t = now();
      if (t - lastSweep >= WINDOW_MS) sweep(t);
      const w = senders.get(sender) ?? { times: [], refusedInARow: 0 };
      senders.delete(sender);
      senders.set(sender, w);
      if (senders.size > maxSenders) {
        const oldest = senders.keys().next();
        if (!oldest.done) senders.delete(oldest.value);
      }
      while (w.times.length > 0 && (w.times[0] ?? 0) <= t - WINDOW_MS) w.times.shift();
      if (w.times.length < perMinute) {
        w.times.push(t);
        w.refusedInARow = 0;
        return { allowed: true };
      }
      w.refusedInARow += 1;
      return { allowed: false, refusedInARow: w.refusedInARow };
    },
    get size() {
      return senders.size;
    },
  };
}

export interface SmsRateLimitOptions {
  readonly limiter: RateLimiter;
  readonly perMinute: number;
  readonly logger: Logger;
}

/**
 * Middleware for POST /sms, after the form is parsed and the signature checked: a sender (From) over
 * the limit gets an empty <Response/> (no reply, which also ends reply loops with other bots) and one
 * log line. Messages without From are not limited.
 */
export function smsRateLimit({ limiter, perMinute, logger }: SmsRateLimitOptions): RequestHandler {
  return (req, res, next) => {
    const fields = formFields(req.body);
    const from = fields.From;
    if (from === undefined || from === '') {
      next();
      return;
    }
    const taken = limiter.take(from);
    if (taken instanceof Promise) taken.then(answer, next);
    else answer(taken);

    function answer(result: Taken): void {
      if (result.allowed) {
        next();
        return;
      }
      const turn: Turn = { channel: textChannel(from), outcome: 'rate-limited' };
      recordTurn(res, turn);
      res.type('text/xml').send(EMPTY_TWIML);
      // the first message over the limit is a warning; the rest of a flood are plain info lines
      const level = result.refusedInARow === 1 ? 'warn' : 'info';
      logger[level]({ messageSid: fields.MessageSid, ...loggedTurn(turn, false), from, limitPerMinute: perMinute }, 'sms sender over the rate limit: not replying');
    }
  };
}

import type { RequestHandler } from 'express';
import { recordedTurn } from '../channels/turn.js';
import type { Turn } from '../turn/record.js';

/**
 * One webhook turn as the console keeps it: the turn's record (its `text` never kept with
 * LOG_UTTERANCES=false), WhatsApp shown as texts, numbered and timed.
 */
export interface RecentTurn extends Omit<Turn, 'channel'> {
  readonly seq: number;
  /** ISO time the turn was answered. */
  readonly time: string;
  readonly channel: 'sms' | 'voice';
  /** The console's own tag for a turn it sent, to show the turn's explanation beside its reply. */
  readonly tag?: string;
}

/** The header the console puts on the webhooks it sends itself, so it can find their turns. */
export const TAG_HEADER = 'x-faq-console-turn';

export interface RecentTurns {
  /** Oldest first. */
  all(): readonly RecentTurn[];
  /** The turn the console tagged `tag`, once it is recorded (undefined after `timeoutMs`). */
  tagged(tag: string, timeoutMs?: number): Promise<RecentTurn | undefined>;
  /** Whether turns keep their text (LOG_UTTERANCES). */
  readonly keepsText: boolean;
  readonly capacity: number;
  /** Feeds the buffer: put it before the webhook routes; it reads each turn when its response is sent. */
  readonly feed: RequestHandler;
}

/** A bounded in-memory buffer of the line's last `capacity` turns, fed from the webhook routes. */
export function createRecentTurns(options: { readonly capacity: number; readonly keepText: boolean; readonly now?: () => Date }): RecentTurns {
  const { capacity, keepText, now = () => new Date() } = options;
  const turns: RecentTurn[] = [];
  const waiting = new Map<string, (turn: RecentTurn) => void>();
  let seq = 0;

  const add = (turn: RecentTurn): void => {
    turns.push(turn);
    if (turns.length > capacity) turns.splice(0, turns.length - capacity);
    if (turn.tag !== undefined) waiting.get(turn.tag)?.(turn);
  };

  const feed: RequestHandler = (req, res, next) => {
    res.once('finish', () => {
      const turn = recordedTurn(res);
      if (!turn) return;
      const { text, ...rest } = turn;
      const tag = req.get(TAG_HEADER);
      add({
        ...rest,
        seq: ++seq,
        time: now().toISOString(),
        channel: turn.channel === 'voice' ? 'voice' : 'sms', // the console shows WhatsApp texts as texts
        ...(keepText && text ? { text } : {}),
        ...(tag ? { tag: tag.slice(0, 64) } : {}),
      });
    });
    next();
  };

  return {
    all: () => turns,
    tagged(tag, timeoutMs = 2000) {
      for (let i = turns.length - 1; i >= 0; i--) if (turns[i]?.tag === tag) return Promise.resolve(turns[i]);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(tag);
          resolve(undefined);
        }, timeoutMs);
        waiting.set(tag, (turn) => {
          clearTimeout(timer);
          waiting.delete(tag);
          resolve(turn);
        });
      });
    },
    keepsText: keepText,
    capacity,
    feed,
  };
}

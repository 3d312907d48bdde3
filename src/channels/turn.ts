import type { Response } from 'express';

/**
 * What one webhook turn did, recorded on the response for whoever watches (metrics, tests).
 * Every channel handler calls `recordTurn` once per answered webhook.
 */
export interface TurnRecord {
  readonly channel: 'sms' | 'whatsapp' | 'voice';
  /** From `outcomeOf` (answered, apology, clarify, menu, small talk, opt-out, opt-in) or a channel's own (goodbye, reprompt, more, texted...). */
  readonly outcome: string;
  /** The entry answered (or the apology's nearest miss). */
  readonly entry?: string;
  /** The classifier's score behind `entry`. */
  readonly score?: number;
}

export function recordTurn(res: Response, turn: TurnRecord): void {
  res.locals.turn = turn;
}

export function recordedTurn(res: Response): TurnRecord | undefined {
  return res.locals.turn as TurnRecord | undefined;
}

/** The channel of a text: Twilio gives WhatsApp senders as `whatsapp:+1...`; everything else is SMS. */
export function textChannel(from: string | undefined): 'sms' | 'whatsapp' {
  return from !== undefined && from.startsWith('whatsapp:') ? 'whatsapp' : 'sms';
}

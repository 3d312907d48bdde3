import type { Response } from 'express';
import type { Logger } from '../log.js';
import { loggedTurn, type Turn, type TurnResult } from '../turn/record.js';

/** Record the turn on the response for whoever watches (metrics, the console, tests). */
export function recordTurn(res: Response, turn: Turn): void {
  res.locals.turn = turn;
}

export function recordedTurn(res: Response): Turn | undefined {
  return res.locals.turn as Turn | undefined;
}

/** The channel of a text: Twilio gives WhatsApp senders as `whatsapp:+1...`; everything else is SMS. */
export function textChannel(from: string | undefined): 'sms' | 'whatsapp' {
  return from !== undefined && from.startsWith('whatsapp:') ? 'whatsapp' : 'sms';
}

/** Where the log line of a turn goes, and what it may say. */
export interface TurnLog {
  readonly logger: Logger;
  /** False keeps what was texted or said out of the log line. */
  readonly logUtterances: boolean;
}

/**
 * Answer a webhook with a turn: record it, send its TwiML, and write its one log line with the
 * request's own fields (`ids`: the Message or Call SID) and the sender, which the logger masks.
 */
export function sendTurn(res: Response, result: TurnResult, log: TurnLog, msg: 'sms' | 'voice', ids: Readonly<Record<string, string | undefined>>, started: number): void {
  recordTurn(res, result.turn);
  res.type('text/xml').send(result.twiml);
  log.logger.info({ ...ids, ...loggedTurn(result.turn, log.logUtterances), latencyMs: Math.round((performance.now() - started) * 10) / 10 }, msg);
}

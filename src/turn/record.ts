import type { CallReply } from '../dialog/call-reply.js';
import type { Reply } from '../dialog/reply.js';

/**
 * One webhook turn, in the one shape everything reads: metrics (through res.locals), the log line,
 * the unanswered-question report (which parses the log line back) and the console's recent turns.
 */
export interface Turn {
  readonly channel: 'sms' | 'whatsapp' | 'voice';
  /** From `outcomeOf` (answered, apology, clarify, menu, small talk, opt-out, opt-in) or `callOutcome` (welcome, more, reprompt, goodbye, texted, ...). */
  readonly outcome: string;
  /** The entry answered (or the apology's nearest miss, or the entry texted). */
  readonly entry?: string;
  /** The classifier's score behind `entry`, to 3 decimals. */
  readonly score?: number;
  /** The entries a clarification offered. */
  readonly options?: readonly string[];
  /** What was texted, or the caller's transcript. */
  readonly text?: string;
  /** Keys the caller pressed. */
  readonly digits?: string;
  /** The recogniser's confidence in `text`. */
  readonly confidence?: number;
  /** Attachments on an MMS. */
  readonly numMedia?: number;
  /** SMS: the messages the reply sent. */
  readonly parts?: number;
  /** Voice: the turn's number in the call, the <Say> verbs it spoke, and whether it hung up. */
  readonly turn?: number;
  readonly says?: number;
  readonly hangup?: boolean;
}

/** A turn's TwiML and its record: what every turn function returns. */
export interface TurnResult {
  readonly twiml: string;
  readonly turn: Turn;
}

/** The entry and score behind a reply, texted or spoken: an answer's, the apology's nearest miss, the entry texted. */
export function scoreOf(reply: Reply | CallReply): { entry?: string; score?: number } {
  if (reply.kind === 'answer') return reply.score === undefined ? { entry: reply.entry.id } : { entry: reply.entry.id, score: round(reply.score) };
  if (reply.kind === 'apology' && reply.nearest) return { entry: reply.nearest.entry.id, score: round(reply.nearest.score) };
  if (reply.kind === 'texted') return { entry: reply.entry.id };
  return {};
}

/** A score to 3 decimals, as logged and counted. */
export function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/** The longest transcript and the most keys a log line keeps. */
const LOGGED_SPEECH = 500;
const LOGGED_DIGITS = 20;

/**
 * A turn as its log line writes it. Without `logUtterances` nothing said or texted is written, and keys
 * pressed (a caller may type a phone or card number) only as a count. A call's words are `speech`.
 */
export function loggedTurn(turn: Turn, logUtterances: boolean): Record<string, unknown> {
  const { text, digits, hangup, ...rest } = turn;
  const voice = turn.channel === 'voice';
  return {
    ...rest,
    ...(hangup ? { hangup } : {}),
    ...(logUtterances && text !== undefined && (!voice || text) ? (voice ? { speech: text.slice(0, LOGGED_SPEECH) } : { text }) : {}),
    ...(digits ? (logUtterances ? { digits: digits.slice(0, LOGGED_DIGITS) } : { keys: digits.length }) : {}),
  };
}

/** A turn read back from its log line (`loggedTurn`'s fields, with the line's time), for the report. */
export type LoggedTurn = Turn & { readonly time?: string };

/**
 * The turn a log line records, or undefined for any other line (start-up messages, warnings, text
 * that is not JSON, a pretty-printed log). Never throws.
 */
export function turnOf(line: string): LoggedTurn | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return undefined;
  let record: unknown;
  try {
    record = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  if (typeof record !== 'object' || record === null) return undefined;
  const r = record as Record<string, unknown>;
  if (typeof r.channel !== 'string' || typeof r.outcome !== 'string') return undefined;
  const channel = r.channel === 'voice' || r.channel === 'whatsapp' ? r.channel : 'sms';
  const text = typeof r.text === 'string' ? r.text : typeof r.speech === 'string' ? r.speech : undefined;
  const options = Array.isArray(r.options) ? r.options.filter((o): o is string => typeof o === 'string') : undefined;
  const number = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  return {
    channel,
    outcome: r.outcome,
    ...(typeof r.entry === 'string' ? { entry: r.entry } : {}),
    ...(number(r.score) ? { score: r.score } : {}),
    ...(options && options.length ? { options } : {}),
    ...(text !== undefined ? { text } : {}),
    ...(typeof r.digits === 'string' ? { digits: r.digits } : {}),
    ...(number(r.confidence) ? { confidence: r.confidence } : {}),
    ...(number(r.numMedia) ? { numMedia: r.numMedia } : {}),
    ...(number(r.parts) ? { parts: r.parts } : {}),
    ...(number(r.turn) ? { turn: r.turn } : {}),
    ...(number(r.says) ? { says: r.says } : {}),
    ...(r.hangup === true ? { hangup: true } : {}),
    ...(typeof r.time === 'string' ? { time: r.time } : {}),
  };
}

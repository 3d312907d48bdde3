import express, { Router, type Response } from 'express';
import type { Line } from '../line.js';
import type { CallerInput } from '../sim/call.js';
import { LineError } from '../errors.js';
import { webhookUrl } from '../sim/session.js';
import { sendText } from '../sim/text.js';
import type { ApiError, CallAnswer, TextAnswer, WhyView } from './api-types.js';
import type { RecentTurns } from './recent.js';
import { createSessions } from './sessions.js';
import { consoleClient, lineAddress } from './webhooks.js';
import { whyOf } from './why.js';

export interface ApiOptions {
  readonly config: { readonly publicUrl: string | undefined; readonly twilioAuthToken: string | undefined };
  readonly line: () => Line;
  readonly recent: RecentTurns;
}

/** Longest message the console sends: what Twilio delivers in one Body. */
const MAX_TEXT = 1600;

/**
 * The console's API. Each turn goes through the line's real webhooks on this same server (signed,
 * cookies carried, rate limit and all), so the console shows exactly what a texter or caller gets.
 */
export function consoleApi(options: ApiOptions): Router {
  const router = Router();
  const sessions = createSessions({ max: 200, idleMs: 30 * 60 * 1000 });
  router.use(express.json({ limit: '8kb' }));

  router.post('/text', async (req, res) => {
    const conversation = idOf(req.body, 'conversation');
    const text = stringOf(req.body, 'text');
    if (conversation === undefined || text === undefined || text.length > MAX_TEXT) {
      return fail(res, 400, `send JSON {"conversation": an id of 1 to 64 letters, digits or dashes, "text": at most ${MAX_TEXT} characters}`);
    }
    const address = lineAddress(req, options.config);
    const { parties, cookies } = sessions.conversation(conversation);
    const tags: string[] = [];
    try {
      const messages = await sendText(consoleClient(address, cookies, tags), text, { ...parties, url: webhookUrl(address.signedBase, 'sms') });
      const whys = await whysOf(tags, options);
      const answer: TextAnswer = { messages: messages.map((m) => ({ body: m.body, chars: m.chars, encoding: m.encoding, segments: m.segments })), ...(whys[0] ? { why: whys[0] } : {}) };
      res.json(answer);
    } catch (err) {
      webhookFailed(res, err);
    }
  });

  router.post('/call', async (req, res) => {
    const id = idOf(req.body, 'call');
    const input = inputOf((req.body as Record<string, unknown> | undefined)?.input);
    if (id === undefined || input === null) {
      return fail(res, 400, 'send JSON {"call": an id, "input": {"kind": "speech", "text"} | {"kind": "digits", "keys"} | {"kind": "silence"} | {"kind": "hangup"}}');
    }
    const address = lineAddress(req, options.config);
    const { call, placed } = sessions.call(id, address, webhookUrl(address.signedBase, 'voice'));
    try {
      const batch = await call.next(placed ? undefined : input);
      if (!batch.listening) sessions.endCall(id);
      const answer: CallAnswer = { steps: batch.steps, listening: batch.listening, whys: await whysOf(batch.tags, options) };
      res.json(answer);
    } catch (err) {
      webhookFailed(res, err);
    }
  });

  router.use((_req, res) => fail(res, 404, 'no such console API: POST /console/api/text or /console/api/call'));
  return router;
}

async function whysOf(tags: readonly string[], options: ApiOptions): Promise<WhyView[]> {
  const whys: WhyView[] = [];
  for (const tag of tags) {
    const turn = await options.recent.tagged(tag);
    if (turn) whys.push(whyOf(turn, options.line()));
  }
  return whys;
}

function idOf(body: unknown, name: string): string | undefined {
  const value = stringOf(body, name);
  return value !== undefined && /^[A-Za-z0-9-]{1,64}$/.test(value) ? value : undefined;
}

function stringOf(body: unknown, name: string): string | undefined {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The caller's input, undefined when there is none (placing the call), null when it is malformed. */
function inputOf(value: unknown): CallerInput | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.kind === 'silence' || v.kind === 'hangup') return { kind: v.kind };
  if (v.kind === 'speech' && typeof v.text === 'string' && v.text.length <= 500) return { kind: 'speech', text: v.text };
  if (v.kind === 'digits' && typeof v.keys === 'string' && /^[0-9*#]{1,40}$/.test(v.keys)) return { kind: 'digits', keys: v.keys };
  return null;
}

function fail(res: Response, status: number, error: string): void {
  const body: ApiError = { error };
  res.status(status).json(body);
}

function webhookFailed(res: Response, err: unknown): void {
  fail(res, 502, err instanceof LineError ? `${err.message} (${err.hint})` : `the line could not be reached: ${(err as Error).message}`);
}


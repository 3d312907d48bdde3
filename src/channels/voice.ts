import { Router, type Request, type RequestHandler, type Response } from 'express';
import { callOutcome, type CallDecision, type CallReply } from '../dialog/call-reply.js';
import { decodeCallState, encodeCallState, type CallState } from '../dialog/call-state.js';
import { startCall, type CallInput, type CallSettings } from '../dialog/call-turn.js';
import { formFields } from '../http/form.js';
import { rawQuery } from '../http/shape.js';
import type { Line } from '../line.js';
import type { Logger } from '../log.js';
import { smsMessages } from '../render/sms.js';
import { renderVoiceError, type VoiceSettings } from '../render/voice.js';
import type { TextSender } from './text-sender.js';
import { recordTurn } from './turn.js';

/** Where Twilio posts an incoming call (the number's Voice URL), and each turn after it. */
export const VOICE_PATH = '/voice';
export const TURN_PATH = '/voice/turn';
/** Texts one call may send. */
export const MAX_TEXTS_PER_CALL = 3;

export interface VoiceOptions {
  readonly line: () => Line;
  readonly logger: Logger;
  /** False keeps what callers say out of the log lines. */
  readonly logUtterances: boolean;
  readonly settings: VoiceSettings;
  readonly maxTurns: number;
  readonly minConfidence: number;
  /** Sends "text me that"; without it the option is not offered. */
  readonly sender: TextSender | undefined;
  /**
   * True when signatures are checked: the state in a turn's URL must then be exactly as the line wrote
   * it (what was signed), or the turn gets 400. Local mode reads any state, clamped.
   */
  readonly strictState?: boolean;
  /** The app's webhook middleware (form parsing, signature check) with the TwiML to answer errors with. */
  readonly webhook: (twiml: () => string) => RequestHandler[];
}

/** POST /voice starts a call; POST /voice/turn answers each turn. Only HTTP here: decisions and words are elsewhere. */
export function voiceRoutes(options: VoiceOptions): Router {
  const router = Router();
  const webhook = options.webhook(() => renderVoiceError(options.settings));
  router.post(VOICE_PATH, ...webhook, (req, res) => answer(req, res, options, options.line(), startCall()));
  router.post(TURN_PATH, ...webhook, async (req, res) => {
    const query = rawQuery(req.originalUrl);
    const state = decodeCallState(new URLSearchParams(query));
    if (options.strictState && encodeCallState(state) !== query) {
      options.logger.warn({ path: req.path }, 'rejected a turn whose call state is not one the line wrote');
      res.status(400).type('text/plain').send('The call state in the URL is not one this line wrote.\n');
      return;
    }
    const fields = formFields(req.body);
    const line = options.line();
    const settings: CallSettings = {
      texting: options.sender !== undefined && isPhone(fields.From) && isPhone(fields.To),
      maxTurns: options.maxTurns,
      maxTexts: MAX_TEXTS_PER_CALL,
      minConfidence: options.minConfidence,
    };
    const input = callInput(fields);
    const decision = line.call(input, state, settings);
    const reply = decision.reply.kind === 'text' ? await textAnswer(decision.reply, fields, options) : decision.reply;
    answer(req, res, options, line, { ...decision, reply }, settings.texting, input);
  });
  router.all([VOICE_PATH, TURN_PATH], (_req, res) => {
    res.status(405).set('Allow', 'POST').type('text/plain').send('Method not allowed: Twilio posts to /voice.\n');
  });
  return router;
}

/** Render the decision as TwiML, record the turn and write one log line. */
function answer(req: Request, res: Response, options: VoiceOptions, line: Line, decision: CallDecision, texting = false, input?: CallInput): void {
  const started = performance.now();
  const fields = formFields(req.body);
  const { twiml, says, hangup } = line.callTwiml(decision, {
    texting,
    maxTexts: MAX_TEXTS_PER_CALL,
    settings: options.settings,
    action: (state: CallState) => `${TURN_PATH}?${encodeCallState(state)}`,
  });
  const outcome = callOutcome(decision.reply);
  const scored = scoreOf(decision.reply);
  recordTurn(res, { channel: 'voice', outcome, ...scored });
  res.type('text/xml').send(twiml);
  options.logger.info(
    {
      callSid: fields.CallSid,
      channel: 'voice',
      outcome,
      ...scored,
      turn: decision.next.turn,
      says: says.length,
      ...(hangup ? { hangup } : {}),
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
      from: fields.From,
      // keys pressed can be a phone or card number: only their count unless utterances are logged
      ...(input?.digits ? (options.logUtterances ? { digits: input.digits.slice(0, 20) } : { keys: input.digits.length }) : {}),
      ...(input?.confidence !== undefined ? { confidence: input.confidence } : {}),
      ...(options.logUtterances && input?.speech ? { speech: input.speech.slice(0, 500) } : {}),
    },
    'voice',
  );
}

/** Form fields -> what Twilio heard. A Confidence that is not a number from 0 to 1 is ignored. */
export function callInput(fields: Readonly<Record<string, string>>): CallInput {
  const confidence = Number(fields.Confidence);
  const known = fields.Confidence !== undefined && fields.Confidence.trim() !== '' && Number.isFinite(confidence) && confidence >= 0 && confidence <= 1;
  return {
    speech: (fields.SpeechResult ?? '').trim(),
    digits: (fields.Digits ?? '').trim().slice(0, 40),
    ...(known ? { confidence } : {}),
  };
}

/** Send the entry's full written answer, split as SMS replies are, from the number called to the caller. */
async function textAnswer(reply: Extract<CallReply, { kind: 'text' }>, fields: Readonly<Record<string, string>>, options: VoiceOptions): Promise<CallReply> {
  const { sender, logger } = options;
  if (!sender || !fields.From || !fields.To) return { kind: 'texted', entry: reply.entry, ok: false };
  try {
    for (const body of smsMessages([reply.entry.answer])) await sender.send({ to: fields.From, from: fields.To, body });
    return { kind: 'texted', entry: reply.entry, ok: true };
  } catch (err) {
    logger.child({ callSid: fields.CallSid }).error({ err: { message: (err as Error)?.message, code: (err as { code?: unknown })?.code }, entry: reply.entry.id }, 'could not text the answer');
    return { kind: 'texted', entry: reply.entry, ok: false };
  }
}

function scoreOf(reply: CallReply): { entry?: string; score?: number } {
  if (reply.kind === 'answer') return reply.score === undefined ? { entry: reply.entry.id } : { entry: reply.entry.id, score: round(reply.score) };
  if (reply.kind === 'apology' && reply.nearest) return { entry: reply.nearest.entry.id, score: round(reply.nearest.score) };
  if (reply.kind === 'texted') return { entry: reply.entry.id };
  return {};
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/** An E.164 phone number, the only kind a text can go to or come from (not "client:", "sip:" or "anonymous"). */
function isPhone(value: string | undefined): boolean {
  return value !== undefined && /^\+[1-9]\d{6,14}$/.test(value);
}

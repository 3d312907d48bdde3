import { Router, type RequestHandler } from 'express';
import { decodeCallState, encodeCallState, type CallState } from '../dialog/call-state.js';
import type { CallInput } from '../dialog/call-turn.js';
import { lineError } from '../errors.js';
import { postOnly } from '../http/errors.js';
import { formFields } from '../http/form.js';
import { rawQuery } from '../http/shape.js';
import type { Line } from '../line.js';
import type { VoiceSettings } from '../render/voice.js';
import { callFailed, callStart, callTurn, handoffEnded, type CallOptions, type Texter } from '../turn/call.js';
import type { TextSender } from './text-sender.js';
import { sendTurn, type TurnLog } from './turn.js';

/** Where Twilio posts an incoming call (the number's Voice URL), and each turn after it. */
export const VOICE_PATH = '/voice';
export const TURN_PATH = '/voice/turn';
/** Where Twilio posts when a call put through to a person (HANDOFF_NUMBER) ends. */
export const HANDOFF_PATH = '/voice/handoff';

export interface VoiceOptions extends TurnLog {
  readonly line: () => Line;
  readonly settings: VoiceSettings;
  readonly maxTurns: number;
  readonly minConfidence: number;
  /** HANDOFF_NUMBER: callers who ask for a person are put through to it; without it the option is not offered. */
  readonly handoffNumber?: string;
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

/** POST /voice starts a call; POST /voice/turn answers each turn. Only HTTP here: form -> input, turn -> TwiML. */
export function voiceRoutes(options: VoiceOptions): Router {
  const router = Router();
  const webhook = options.webhook(() => callFailed(options));
  const handoff = options.handoffNumber ? { handoff: { number: options.handoffNumber, action: HANDOFF_PATH } } : {};
  const call: CallOptions = { ...options, action: (state: CallState) => `${TURN_PATH}?${encodeCallState(state)}`, ...handoff };
  const ids = (fields: Readonly<Record<string, string>>) => ({ callSid: fields.CallSid, from: fields.From });
  router.post(VOICE_PATH, ...webhook, (req, res) => {
    sendTurn(res, callStart(options.line(), call), options, 'voice', ids(formFields(req.body)), performance.now());
  });
  router.post(TURN_PATH, ...webhook, async (req, res, next) => {
    const started = performance.now();
    const query = rawQuery(req.originalUrl);
    const state = decodeCallState(new URLSearchParams(query));
    if (options.strictState && encodeCallState(state) !== query) {
      next(lineError('CALL_STATE_FORGED'));
      return;
    }
    const fields = formFields(req.body);
    const result = await callTurn(options.line(), callInput(fields), state, call, texter(fields, options));
    sendTurn(res, result, options, 'voice', ids(fields), started);
  });
  router.post(HANDOFF_PATH, ...webhook, (req, res) => {
    const fields = formFields(req.body);
    const answered = fields.DialCallStatus === 'completed';
    options.logger.info({ callSid: fields.CallSid, dialStatus: fields.DialCallStatus, ...(answered ? { seconds: Number(fields.DialCallDuration) || 0 } : {}) }, 'handoff ended');
    res.type('text/xml').send(handoffEnded(answered, options));
  });
  router.all([VOICE_PATH, TURN_PATH, HANDOFF_PATH], postOnly('to /voice'));
  return router;
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

/** Texts from the number called to the caller, when both are phone numbers and the line can send; failures logged. */
function texter(fields: Readonly<Record<string, string>>, options: VoiceOptions): Texter | undefined {
  const { sender, logger } = options;
  const { From: to, To: from } = fields;
  if (!sender || !isPhone(to) || !isPhone(from)) return undefined;
  return async (bodies, entry) => {
    try {
      for (const body of bodies) await sender.send({ to, from, body });
      return true;
    } catch (err) {
      logger.child({ callSid: fields.CallSid }).error({ err: { message: (err as Error)?.message, code: (err as { code?: unknown })?.code }, entry }, 'could not text the answer');
      return false;
    }
  };
}

/** An E.164 phone number, the only kind a text can go to or come from (not "client:", "sip:" or "anonymous"). */
function isPhone(value: string | undefined): value is string {
  return value !== undefined && /^\+[1-9]\d{6,14}$/.test(value);
}

import { callOutcome, type CallDecision, type CallReply } from '../dialog/call-reply.js';
import type { CallState } from '../dialog/call-state.js';
import { startCall, type CallInput } from '../dialog/call-turn.js';
import type { CallTurnView, Line } from '../line.js';
import { smsMessages } from '../render/sms.js';
import { renderHandoffEnd, renderVoiceError } from '../render/voice.js';
import { scoreOf, type TurnResult } from './record.js';

/** Texts one call may send. */
export const MAX_TEXTS_PER_CALL = 3;

/** What a call's turns depend on besides the line: the configuration, and where the next turn goes. */
export interface CallOptions extends Omit<CallTurnView, 'texting' | 'maxTexts'> {
  readonly maxTurns: number;
  readonly minConfidence: number;
}

/**
 * Sends the given SMS bodies (entry `entry`'s answer) to the caller, in order; resolves whether all
 * were accepted (it reports its own failures). Undefined when this call cannot be texted.
 */
export type Texter = (bodies: readonly string[], entry: string) => Promise<boolean>;

/** What a caller hears when the line fails unexpectedly (the webhook's error answer): an apology, then the call ends. */
export function callFailed(options: Pick<CallOptions, 'settings'>): string {
  return renderVoiceError(options.settings);
}

/** The TwiML after a handoff's <Dial> ends: goodbye when someone answered, a short sorry when no one did. */
export function handoffEnded(answered: boolean, options: Pick<CallOptions, 'settings'>): string {
  return renderHandoffEnd(answered, options.settings);
}

/** The first turn of a call: the greeting, and its record. */
export function callStart(line: Line, options: CallOptions): TurnResult {
  return rendered(line, startCall(), options, false);
}

/**
 * Answer one voice turn from what Twilio heard and the call's state: the TwiML and the turn's record.
 * "Text me that" sends the entry's full written answer, split as SMS replies are, through `texter`;
 * everything else is pure for a given line. Never throws.
 */
export async function callTurn(line: Line, input: CallInput, state: CallState, options: CallOptions, texter?: Texter): Promise<TurnResult> {
  const texting = texter !== undefined;
  const handoff = options.handoff !== undefined;
  const decision = line.call(input, state, { texting, maxTurns: options.maxTurns, maxTexts: MAX_TEXTS_PER_CALL, minConfidence: options.minConfidence, handoff });
  const reply: CallReply =
    decision.reply.kind === 'text' && texter ? { kind: 'texted', entry: decision.reply.entry, ok: await texter(smsMessages([decision.reply.entry.answer]), decision.reply.entry.id) } : decision.reply;
  return rendered(line, { ...decision, reply }, options, texting, input);
}

function rendered(line: Line, decision: CallDecision, options: CallOptions, texting: boolean, input?: CallInput): TurnResult {
  const view = { settings: options.settings, action: options.action, texting, maxTexts: MAX_TEXTS_PER_CALL, ...(options.handoff ? { handoff: options.handoff } : {}) };
  const { twiml, says, hangup } = line.callTwiml(decision, view);
  return {
    twiml,
    turn: {
      channel: 'voice',
      outcome: callOutcome(decision.reply),
      ...scoreOf(decision.reply),
      turn: decision.next.turn,
      says: says.length,
      ...(hangup ? { hangup } : {}),
      ...(input?.speech ? { text: input.speech } : {}),
      ...(input?.digits ? { digits: input.digits } : {}),
      ...(input?.confidence !== undefined ? { confidence: input.confidence } : {}),
    },
  };
}

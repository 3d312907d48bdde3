import { outcomeOf, type TextInput } from '../dialog/reply.js';
import type { Line } from '../line.js';
import { scoreOf, type Turn, type TurnResult } from './record.js';

/** A texted turn as a channel hands it over: the message and the channel it came on. */
export interface TextTurnInput extends TextInput {
  readonly channel: 'sms' | 'whatsapp';
}

/**
 * Answer one texted message: the line's reply as TwiML, and the turn's record. Pure for a given line:
 * the same message gets the same TwiML and record; never throws for any text.
 */
export function textTurn(line: Line, input: TextTurnInput): TurnResult {
  const reply = line.reply({ text: input.text, numMedia: input.numMedia, ...(input.handoff !== undefined ? { handoff: input.handoff } : {}) });
  const { twiml, messages } = input.channel === 'whatsapp' ? line.whatsappTwiml(reply) : line.smsTwiml(reply);
  const turn: Turn = {
    channel: input.channel,
    outcome: outcomeOf(reply),
    ...scoreOf(reply),
    ...(reply.kind === 'clarify' ? { options: reply.options.map((e) => e.id) } : {}),
    parts: messages.length,
    text: input.text,
    ...(input.numMedia ? { numMedia: input.numMedia } : {}),
  };
  return { twiml, turn };
}

/** What a texter gets when the line fails unexpectedly (the webhook's error answer): the apology. */
export function textFailed(line: Line): string {
  return line.smsTwiml({ kind: 'apology' }).twiml;
}

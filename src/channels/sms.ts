import type { RequestHandler } from 'express';
import { formFields } from '../http/form.js';
import type { Line } from '../line.js';
import { textTurn } from '../turn/text.js';
import { sendTurn, textChannel, type TurnLog } from './turn.js';

/**
 * Twilio delivers at most 1,600 characters in Body; anything longer did not come from Twilio. Clipping
 * bounds the classifier's work (its cost grows with the square of a word's length) and the log line.
 */
export const MAX_BODY_CHARS = 1600;

export interface SmsOptions extends TurnLog {
  readonly line: () => Line;
  /** HANDOFF_NUMBER: a texter who asks for a person is given it. */
  readonly handoff?: string;
}

/** The inbound-SMS webhook: form fields -> the text turn -> TwiML. One log line per message. */
export function smsHandler(options: SmsOptions): RequestHandler {
  return (req, res) => {
    const started = performance.now();
    const fields = formFields(req.body);
    const input = { channel: textChannel(fields.From), text: clip(fields.Body ?? ''), numMedia: Number(fields.NumMedia) || 0, ...(options.handoff ? { handoff: options.handoff } : {}) };
    sendTurn(res, textTurn(options.line(), input), options, 'sms', { messageSid: fields.MessageSid, from: fields.From }, started);
  };
}

/** At most MAX_BODY_CHARS, never ending in half a surrogate pair. */
function clip(text: string): string {
  return text.length <= MAX_BODY_CHARS ? text : text.slice(0, MAX_BODY_CHARS).replace(/[\uD800-\uDBFF]$/, '');
}

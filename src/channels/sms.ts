import type { RequestHandler } from 'express';
import type { Reply, TextInput } from '../dialog/reply.js';
import { outcomeOf } from '../dialog/reply.js';
import { formFields } from '../http/form.js';
import type { Line } from '../line.js';
import type { Logger } from '../log.js';
import { recordTurn, textChannel } from './turn.js';

/**
 * Twilio delivers at most 1,600 characters in Body; anything longer did not come from Twilio. Clipping
 * bounds the classifier's work (its cost grows with the square of a word's length) and the log line.
 */
export const MAX_BODY_CHARS = 1600;

export interface SmsOptions {
  readonly line: () => Line;
  readonly logger: Logger;
  /** False keeps the texted words out of the log line. */
  readonly logUtterances: boolean;
}

/** The inbound-SMS webhook: form fields -> TextInput -> the line's reply -> TwiML. One log line per message. */
export function smsHandler(options: SmsOptions): RequestHandler {
  const { logger, logUtterances } = options;
  return (req, res) => {
    const started = performance.now();
    const fields = formFields(req.body);
    const input: TextInput = { text: clip(fields.Body ?? ''), numMedia: Number(fields.NumMedia) || 0 };
    const line = options.line();
    const reply = line.reply(input);
    const channel = textChannel(fields.From);
    const { twiml, messages } = channel === 'whatsapp' ? line.whatsappTwiml(reply) : line.smsTwiml(reply);
    const score = scoreOf(reply);
    recordTurn(res, { channel, outcome: outcomeOf(reply), ...score });
    res.type('text/xml').send(twiml);
    logger.info(
      {
        messageSid: fields.MessageSid,
        channel,
        ...score,
        outcome: outcomeOf(reply),
        ...optionsOf(reply),
        parts: messages.length,
        latencyMs: Math.round((performance.now() - started) * 10) / 10,
        from: fields.From,
        ...(logUtterances ? { text: input.text } : {}),
        ...(input.numMedia ? { numMedia: input.numMedia } : {}),
      },
      'sms',
    );
  };
}

/** The entry and score behind a reply, for the log: an answer's, or the apology's nearest miss. */
function scoreOf(reply: Reply): { entry?: string; score?: number } {
  if (reply.kind === 'answer') return { entry: reply.entry.id, score: round(reply.score) };
  if (reply.kind === 'apology' && reply.nearest) return { entry: reply.nearest.entry.id, score: round(reply.nearest.score) };
  return {};
}

/** The entries a clarification offered, for the log (the unanswered-question report lists them). */
function optionsOf(reply: Reply): { options?: string[] } {
  return reply.kind === 'clarify' ? { options: reply.options.map((e) => e.id) } : {};
}

/** At most MAX_BODY_CHARS, never ending in half a surrogate pair. */
function clip(text: string): string {
  return text.length <= MAX_BODY_CHARS ? text : text.slice(0, MAX_BODY_CHARS).replace(/[\uD800-\uDBFF]$/, '');
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

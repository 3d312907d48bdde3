import type { RequestHandler } from 'express';
import { lineError } from '../errors.js';
import { formFields } from '../http/form.js';
import { maskPhone, type Logger } from '../log.js';
import type { Metrics } from '../ops/metrics.js';
import type { TextSender } from './text-sender.js';

/** Where Twilio posts the delivery status of each text the line sends (the texts' statusCallback). */
export const STATUS_PATH = '/status';

/**
 * The statuses Twilio reports for an outgoing message (Messaging docs, "Message status values"); any
 * other value is counted as `other`, so a signed request cannot grow the metric's label set.
 */
const STATUSES = new Set([
  'accepted',
  'scheduled',
  'canceled',
  'queued',
  'sending',
  'sent',
  'failed',
  'delivered',
  'undelivered',
  'receiving',
  'received',
  'read',
  'partially_delivered',
]);
/** The statuses that mean the text did not reach the phone. */
const FAILED = new Set(['failed', 'undelivered']);
const MESSAGE_SID = /^(SM|MM)[0-9a-f]{32}$/i;

/** The statusCallback URL for texts: PUBLIC_URL + /status, or none without PUBLIC_URL (Twilio needs a public URL). */
export function statusCallbackUrl(publicUrl: string | undefined): string | undefined {
  return publicUrl === undefined ? undefined : publicUrl + STATUS_PATH;
}

/** `sender`, asking Twilio to post each text's delivery status to `url`. */
export function withStatusCallback(sender: TextSender, url: string | undefined): TextSender {
  if (url === undefined) return sender;
  return { send: (text) => sender.send({ ...text, statusCallback: url }) };
}

export interface StatusOptions {
  readonly logger: Logger;
  readonly metrics: Metrics;
}

/**
 * POST /status (after the webhook checks): one log line per status, counted in
 * faq_line_text_status_total; failed and undelivered are logged as warnings with Twilio's ErrorCode.
 * A post without a MessageSid or MessageStatus gets 400; anything else 204, which is all Twilio reads.
 * Status callbacks carry no message body; the recipient is masked.
 */
export function statusHandler({ logger, metrics }: StatusOptions): RequestHandler {
  return (req, res, next) => {
    const fields = formFields(req.body);
    const sid = fields.MessageSid ?? fields.SmsSid ?? '';
    const given = (fields.MessageStatus ?? fields.SmsStatus ?? '').trim().toLowerCase();
    if (!MESSAGE_SID.test(sid) || given === '') {
      next(lineError('STATUS_INCOMPLETE'));
      return;
    }
    const status = STATUSES.has(given) ? given : 'other';
    metrics.textStatus(status);
    const errorCode = /^\d{1,6}$/.test(fields.ErrorCode ?? '') ? Number(fields.ErrorCode) : undefined;
    const line = {
      messageSid: sid,
      status,
      ...(errorCode !== undefined ? { errorCode } : {}),
      ...(fields.To ? { to: maskPhone(fields.To) } : {}),
    };
    if (FAILED.has(status)) logger.warn(line, 'a text the line sent was not delivered');
    else logger.info(line, 'text status');
    res.status(204).end();
  };
}

import express, { type RequestHandler } from 'express';

const FORM = 'application/x-www-form-urlencoded';

/** A 415 (for the error handler) unless the request is a form post, which is what Twilio sends. No body passes. */
export const requireForm: RequestHandler = (req, _res, next) => {
  if (req.is(FORM) === false) {
    next(Object.assign(new Error(`content type is not ${FORM}`), { status: 415, type: 'content-type.unsupported' }));
    return;
  }
  next();
};

/**
 * Parse a form body up to `limit`. Values keep their raw shape (a repeated field is an array)
 * because Twilio signs them that way; read them through formFields() afterwards.
 * Invalid percent-encoding or UTF-8 is a 400, never silently kept as literal text.
 */
export function formParser(limit: string): RequestHandler {
  return express.urlencoded({ extended: false, limit, verify: rejectBadEncoding });
}

function rejectBadEncoding(_req: unknown, _res: unknown, buf: Buffer, encoding: string): void {
  if (encoding !== 'utf-8' || buf.indexOf(0x25) === -1) return; // no '%': nothing to decode
  // The whole body in one pass: '&' and '=' are plain ASCII, so no escape sequence spans them, and the
  // body fails to decode exactly when one of its names or values does.
  try {
    decodeURIComponent(buf.toString('latin1'));
  } catch {
    throw Object.assign(new Error('invalid percent-encoding in the form body'), {
      status: 400,
      type: 'entity.encoding.invalid',
    });
  }
}

/**
 * The fields of a parsed form as plain strings: a field given more than once keeps its first value;
 * anything that is not a string is dropped.
 */
export function formFields(body: unknown): Readonly<Record<string, string>> {
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  if (typeof body !== 'object' || body === null) return fields;
  for (const [key, value] of Object.entries(body)) {
    const first: unknown = Array.isArray(value) ? value.find((v) => typeof v === 'string') : value;
    if (typeof first === 'string') fields[key] = first;
  }
  return fields;
}

import type { RequestHandler } from 'express';
import { lineError, type LineError } from '../errors.js';
import { byteSize, charsetOf, parseForm } from './form-parse.js';

const FORM = 'application/x-www-form-urlencoded';
/** What may follow the media type in a Content-Type Twilio sends: nothing, or a plain charset. */
const PARAMS = /^(?:\s*;\s*charset=[\w-]+\s*)?$/i;

/** CONTENT_TYPE_UNSUPPORTED (415, for the error handler) unless the request is a form post, which is what Twilio sends. No body passes. */
export const requireForm: RequestHandler = (req, _res, next) => {
  // Twilio's own header, checked without parsing it; anything else goes through type-is.
  const type = req.headers['content-type'];
  if (type !== undefined && type.length >= FORM.length && type.slice(0, FORM.length).toLowerCase() === FORM && PARAMS.test(type.slice(FORM.length))) {
    next();
    return;
  }
  if (req.is(FORM) === false) {
    next(lineError('CONTENT_TYPE_UNSUPPORTED'));
    return;
  }
  next();
};

/**
 * Parse a form body up to `limit` into `req.body` (see parseForm). Values keep their raw shape (a
 * repeated field is an array) because Twilio signs them that way; read them through formFields()
 * afterwards. Invalid percent-encoding is a 400, never silently kept as literal text; a body over the
 * limit a 413; a charset other than UTF-8 or ISO-8859-1, or a compressed body (Twilio sends neither),
 * a 415. A request without a body passes with `req.body` unset. An error is passed on once the whole
 * request has been read, so the connection stays usable.
 */
export function formParser(limit: string): RequestHandler {
  const max = byteSize(limit);
  return (req, _res, next) => {
    const headers = req.headers;
    if (req.body !== undefined || (headers['transfer-encoding'] === undefined && headers['content-length'] === undefined)) {
      next();
      return;
    }
    const charset = charsetOf(headers['content-type']);
    const encoding = headers['content-encoding']?.toLowerCase() ?? 'identity';
    let failed: LineError | undefined =
      charset !== 'utf-8' && charset !== 'iso-8859-1'
        ? lineError('CHARSET_UNSUPPORTED', [charset.toUpperCase()])
        : encoding !== 'identity'
          ? lineError('CONTENT_ENCODING_UNSUPPORTED', [encoding])
          : Number(headers['content-length']) > max
            ? lineError('BODY_TOO_LARGE')
            : undefined;
    let first: Buffer | undefined;
    let more: Buffer[] | undefined;
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > max) {
        failed = lineError('BODY_TOO_LARGE');
        first = more = undefined;
      } else if (first === undefined) first = chunk;
      else (more ??= [first]).push(chunk);
    });
    req.once('end', () => {
      if (done) return;
      done = true;
      if (failed) {
        next(failed);
        return;
      }
      const body = more ? Buffer.concat(more, size) : (first ?? EMPTY);
      try {
        req.body = parseForm(body.toString(charset === 'utf-8' ? 'utf8' : 'latin1'), charset !== 'utf-8');
      } catch (err) {
        next(err);
        return;
      }
      next();
    });
    req.once('error', () => {
      if (done) return;
      done = true;
      next(lineError('BODY_ABORTED'));
    });
  };
}

const EMPTY = Buffer.alloc(0);

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

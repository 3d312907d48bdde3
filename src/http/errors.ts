import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { LineError, lineError, type ErrorCode } from '../errors.js';
import type { Logger } from '../log.js';

/** The empty TwiML document: valid, and says nothing. */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

/**
 * Mark a webhook route: if it fails unexpectedly, the error handler answers with this TwiML
 * (an apology) instead of a 5xx, so Twilio always gets a document it can use.
 */
export function answerErrorsWith(twiml: () => string): RequestHandler {
  return (_req, res, next) => {
    res.locals.errorTwiml = twiml;
    next();
  };
}

/**
 * A client error (a LineError with an HTTP status, or Express's own 4xx) gets its status and the
 * table's short plain message; anything else gets the route's TwiML on webhooks, 500 elsewhere.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const client = clientError(err);
    if (client !== undefined) {
      const { error, status } = client;
      logger.warn({ path: req.path, status, code: error.code, ...error.context }, `rejected a request: ${error.message}${error.hint ? ` (${error.hint})` : ''}`);
      sendError(res, error, status);
      return;
    }
    logger.error({ err, path: req.path }, 'unexpected error while answering a request');
    const twiml = fallbackTwiml(res);
    if (twiml !== undefined) res.status(200).type('text/xml').send(twiml);
    else res.status(500).type('text/plain').send('Internal error.\n');
  };
}

/** Answer with a client error from the table: its status (or `status`), headers and message as plain text. */
export function sendError(res: Response, error: LineError, status = error.status ?? 400): void {
  res.status(status).set(error.headers).type('text/plain').send(`${error.message}\n`);
}

/** A route's answer to any method but POST: 405 with Allow: POST, naming what Twilio posts there. */
export function postOnly(what: string): RequestHandler {
  const error = lineError('METHOD_NOT_ALLOWED', [what]);
  return (_req, res) => sendError(res, error);
}

/** The answer to a path nothing serves: 404 saying what is served. */
export function notFound(served: string): RequestHandler {
  const error = lineError('NOT_FOUND', [served]);
  return (_req, res) => sendError(res, error);
}

/** Express's own client errors (the console's JSON parser), by status. */
const BY_STATUS: Readonly<Record<number, ErrorCode>> = { 400: 'BODY_MALFORMED', 413: 'BODY_TOO_LARGE', 415: 'CONTENT_TYPE_UNSUPPORTED' };

function clientError(err: unknown): { error: LineError; status: number } | undefined {
  if (err instanceof LineError) return err.status === undefined ? undefined : { error: err, status: err.status };
  const status = (err as { status?: unknown } | null)?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  const type = (err as { type?: unknown }).type;
  return { error: lineError(BY_STATUS[status] ?? 'BAD_REQUEST', [], { context: typeof type === 'string' ? { type } : {} }), status };
}

function fallbackTwiml(res: Response): string | undefined {
  const make: unknown = res.locals.errorTwiml;
  if (typeof make !== 'function') return undefined;
  try {
    return String((make as () => string)());
  } catch {
    return EMPTY_TWIML;
  }
}

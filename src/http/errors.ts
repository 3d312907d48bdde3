import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from '../log.js';

/** Short answers for the client errors body-parser reports; the status is theirs. */
const CLIENT_MESSAGES: Readonly<Record<number, string>> = {
  400: 'Malformed request body.',
  413: 'Request body too large.',
  415: 'Unsupported content type or charset: send application/x-www-form-urlencoded in UTF-8.',
};

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

/** 4xx with a short plain message for bad requests; TwiML on webhooks, 500 elsewhere, for the rest. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const status = clientStatus(err);
    if (status !== undefined) {
      logger.warn({ path: req.path, status, type: (err as { type?: unknown }).type }, 'rejected a malformed request');
      res.status(status).type('text/plain').send(`${CLIENT_MESSAGES[status] ?? 'Bad request.'}\n`);
      return;
    }
    logger.error({ err, path: req.path }, 'unexpected error while answering a request');
    const twiml = fallbackTwiml(res);
    if (twiml !== undefined) res.status(200).type('text/xml').send(twiml);
    else res.status(500).type('text/plain').send('Internal error.\n');
  };
}

function clientStatus(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
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

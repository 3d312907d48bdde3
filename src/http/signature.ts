import type { Request, RequestHandler } from 'express';
// The webhook helpers alone: importing 'twilio' would load the whole REST client (~85 ms).
import { validateRequest } from 'twilio/lib/webhooks/webhooks.js';
import type { Logger } from '../log.js';
import { unsignableShape } from './shape.js';

export interface SignatureOptions {
  readonly authToken: string;
  /** The public base URL Twilio calls; without it the URL is built from the request's protocol and Host. */
  readonly publicUrl: string | undefined;
  readonly logger: Logger;
  /** False keeps the rejected URL (attacker text) out of the log: only the path is logged. */
  readonly logUtterances?: boolean;
}

/** The URL Twilio signed: PUBLIC_URL + the path and query, or what the request itself says. */
export function signedUrl(req: Request, publicUrl: string | undefined): string {
  const base = publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  return base + req.originalUrl;
}

/** True when `signature` is Twilio's signature of `url` and `params` with `authToken`. Never throws. */
export function isTwilioSignature(authToken: string, signature: string, url: string, params: object): boolean {
  try {
    return validateRequest(authToken, signature, url, params as Record<string, unknown>);
  } catch {
    return false; // a Host header that makes no URL
  }
}

/**
 * Reject requests that Twilio did not sign: 400 without X-Twilio-Signature or with a query or form
 * Twilio never sends (see unsignableShape), 403 with a wrong signature.
 * Runs after express.urlencoded() and before anything reads the fields or the URL's state.
 */
export function requireTwilioSignature(options: SignatureOptions): RequestHandler {
  const { authToken, publicUrl, logger, logUtterances = true } = options;
  return (req, res, next) => {
    const shape = unsignableShape(req);
    if (shape !== undefined) {
      logger.warn({ path: req.path, problem: shape }, 'rejected a webhook Twilio would not send');
      res.status(400).type('text/plain').send(`${shape}\n`);
      return;
    }
    const signature = req.get('x-twilio-signature');
    if (!signature) {
      logger.warn({ path: req.path }, 'rejected a webhook without X-Twilio-Signature');
      res.status(400).type('text/plain').send('Missing X-Twilio-Signature header.\n');
      return;
    }
    const url = signedUrl(req, publicUrl);
    if (!isTwilioSignature(authToken, signature, url, (req.body as object | undefined) ?? {})) {
      logger.warn({ path: req.path, ...(logUtterances ? { url } : {}) }, 'rejected a webhook whose signature does not match (is PUBLIC_URL the URL Twilio calls?)');
      res.status(403).type('text/plain').send('Twilio signature does not match.\n');
      return;
    }
    next();
  };
}

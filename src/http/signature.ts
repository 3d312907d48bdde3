import type { Request, RequestHandler } from 'express';
// The webhook helpers alone: importing 'twilio' would load the whole REST client (~85 ms).
import { validateRequest } from 'twilio/lib/webhooks/webhooks.js';
import type { Logger } from '../log.js';

export interface SignatureOptions {
  readonly authToken: string;
  /** The public base URL Twilio calls; without it the URL is built from the request's protocol and Host. */
  readonly publicUrl: string | undefined;
  readonly logger: Logger;
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
 * Reject requests that Twilio did not sign: 400 without X-Twilio-Signature, 403 with a wrong one.
 * Runs after express.urlencoded() and before anything reads the fields.
 */
export function requireTwilioSignature(options: SignatureOptions): RequestHandler {
  const { authToken, publicUrl, logger } = options;
  return (req, res, next) => {
    const signature = req.get('x-twilio-signature');
    if (!signature) {
      logger.warn({ path: req.path }, 'rejected a webhook without X-Twilio-Signature');
      res.status(400).type('text/plain').send('Missing X-Twilio-Signature header.\n');
      return;
    }
    const url = signedUrl(req, publicUrl);
    if (!isTwilioSignature(authToken, signature, url, (req.body as object | undefined) ?? {})) {
      logger.warn({ path: req.path, url }, 'rejected a webhook whose signature does not match (is PUBLIC_URL the URL Twilio calls?)');
      res.status(403).type('text/plain').send('Twilio signature does not match.\n');
      return;
    }
    next();
  };
}

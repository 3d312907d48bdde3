import type { Request, RequestHandler } from 'express';
import { lineError } from '../errors.js';
// The webhook helpers alone: importing 'twilio' would load the whole REST client (~85 ms).
import { validateRequest } from 'twilio/lib/webhooks/webhooks.js';
import { unsignableShape } from './shape.js';

export interface SignatureOptions {
  readonly authToken: string;
  /** The public base URL Twilio calls; without it the URL is built from the request's protocol and Host. */
  readonly publicUrl: string | undefined;
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
 * Pass on (to the error handler) requests that Twilio did not sign: 400 without X-Twilio-Signature or with a query or form
 * Twilio never sends (see unsignableShape), 403 with a wrong signature.
 * Runs after express.urlencoded() and before anything reads the fields or the URL's state.
 */
export function requireTwilioSignature(options: SignatureOptions): RequestHandler {
  const { authToken, publicUrl, logUtterances = true } = options;
  return (req, res, next) => {
    const shape = unsignableShape(req);
    if (shape !== undefined) {
      next(lineError('REQUEST_UNSIGNABLE', [shape]));
      return;
    }
    const signature = req.get('x-twilio-signature');
    if (!signature) {
      next(lineError('SIGNATURE_MISSING'));
      return;
    }
    const url = signedUrl(req, publicUrl);
    if (!isTwilioSignature(authToken, signature, url, (req.body as object | undefined) ?? {})) {
      next(lineError('SIGNATURE_INVALID', [], { context: logUtterances ? { url } : {} }));
      return;
    }
    next();
  };
}

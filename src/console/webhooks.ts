import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { CookieJar } from '../sim/cookies.js';
import { SIMULATED_ACCOUNT_SID, type Parties } from '../sim/fields.js';
import { createWebhookClient, type WebhookClient } from '../sim/webhook.js';
import { TAG_HEADER } from './recent.js';

/** How the console reaches the line it runs in: the same server, through its real webhook routes. */
export interface LineAddress {
  /** Where requests go: this server's own address on the connection the console's request came in on. */
  readonly origin: string;
  /** The base URL webhooks are signed for: PUBLIC_URL, or `origin` when it is unset. */
  readonly signedBase: string;
  readonly token: string | undefined;
}

/** This server as seen from inside it: the local end of the console request's own connection. */
export function lineAddress(req: Request, config: { readonly publicUrl: string | undefined; readonly twilioAuthToken: string | undefined }): LineAddress {
  const address = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:(\d+\.)/i, '$1');
  const host = address.includes(':') ? `[${address}]` : address;
  const origin = `http://${host}:${req.socket.localPort ?? 80}`;
  return { origin, signedBase: config.publicUrl ?? origin, token: config.twilioAuthToken };
}

/**
 * A Twilio-like client for one conversation or call: the simulator's own (every field, signed as
 * Twilio signs, cookies carried), sending to this server. Each request is tagged so the console can
 * find the turn it made; `tags` lists them in order.
 */
export function consoleClient(address: LineAddress, cookies: CookieJar, tags: string[]): WebhookClient {
  const toLine: typeof fetch = (input, init) => {
    const url = String(input);
    // Only the line itself: a TwiML action or redirect elsewhere is not followed from inside the server.
    if (!url.startsWith(`${address.signedBase}/`)) return Promise.reject(new Error(`not this line's URL: ${url}`));
    const target = address.origin + url.slice(address.signedBase.length);
    const tag = randomUUID();
    tags.push(tag);
    const headers = new Headers(init?.headers);
    headers.set(TAG_HEADER, tag);
    return fetch(target, { ...init, headers });
  };
  return createWebhookClient({ token: address.token, cookies, fetch: toLine });
}

/** A texter or caller of the console's own: a number in the range Twilio reserves for fiction. */
export function consoleParties(): Parties {
  const from = `+1555010${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
  return { from, to: '+15550100000', accountSid: SIMULATED_ACCOUNT_SID };
}

export { CookieJar };

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';

/** Who may open the console: nobody, anyone on this machine (local mode), or whoever has the token. */
export type ConsoleAccess = { readonly kind: 'off' } | { readonly kind: 'loopback' } | { readonly kind: 'token'; readonly token: string };

/** Off unless CONSOLE_TOKEN is set, except in local mode (no TWILIO_AUTH_TOKEN), where it is on for 127.0.0.1 only. */
export function consoleAccess(config: { readonly consoleToken: string | undefined; readonly twilioAuthToken: string | undefined }): ConsoleAccess {
  if (config.consoleToken !== undefined) return { kind: 'token', token: config.consoleToken };
  return config.twilioAuthToken === undefined ? { kind: 'loopback' } : { kind: 'off' };
}

export const COOKIE = 'faq_console';
const SESSION_MS = 12 * 60 * 60 * 1000;
/** Wrong tokens allowed per client address per window, before 429. */
export const MAX_WRONG_TOKENS = 5;
const WRONG_WINDOW_MS = 15 * 60 * 1000;
const MAX_ADDRESSES = 10_000;

/** Equal strings, compared in constant time (both are hashed first, so their lengths do not show either). */
export function sameToken(given: string, token: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

/** A session cookie value: its expiry and an HMAC of it keyed by the token (the token itself never leaves). */
export function sessionValue(token: string, expires: number): string {
  return `${expires}.${createHmac('sha256', token).update(`faq-console.${expires}`).digest('base64url')}`;
}

export function validSession(token: string, value: string | undefined, now: number): boolean {
  if (!value) return false;
  const expires = Number(value.split('.')[0]);
  if (!Number.isSafeInteger(expires) || expires <= now) return false;
  const expected = Buffer.from(sessionValue(token, expires));
  const got = Buffer.from(value);
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/** The Set-Cookie header that logs a browser in: Secure, HttpOnly, SameSite=Strict, for /console only. */
export function sessionCookie(token: string, now: number): string {
  return `${COOKIE}=${sessionValue(token, now + SESSION_MS)}; Path=/console; Max-Age=${SESSION_MS / 1000}; HttpOnly; Secure; SameSite=Strict`;
}

export const LOGOUT_COOKIE = `${COOKIE}=; Path=/console; Max-Age=0; HttpOnly; Secure; SameSite=Strict`;

export function cookieOf(req: Request, name: string): string | undefined {
  for (const pair of (req.get('cookie') ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  return undefined;
}

/** Whether this request may use the console (a session cookie or `Authorization: Bearer <token>`). */
export function allowed(access: ConsoleAccess, req: Request, now: number = Date.now()): boolean {
  switch (access.kind) {
    case 'off':
      return false;
    case 'loopback':
      return isLoopback(req.socket.localAddress);
    case 'token': {
      const bearer = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
      return bearer !== undefined ? sameToken(bearer, access.token) : validSession(access.token, cookieOf(req, COOKIE), now);
    }
  }
}

/** An address on the loopback interface: 127.0.0.0/8 or ::1, IPv4-mapped or not. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.replace(/^::ffff:/i, '');
  return v4.startsWith('127.') || address === '::1';
}

/** Counts wrong tokens per client address; an address with MAX_WRONG_TOKENS in the window is refused until it ends. */
export function createWrongTokenLimit(now: () => number = Date.now): { blocked(address: string): number; wrong(address: string): void } {
  const seen = new Map<string, { count: number; since: number }>();
  const current = (address: string): { count: number; since: number } | undefined => {
    const s = seen.get(address);
    if (s && now() - s.since >= WRONG_WINDOW_MS) {
      seen.delete(address);
      return undefined;
    }
    return s;
  };
  return {
    /** Seconds until the address may try again; 0 when it may now. */
    blocked(address) {
      const s = current(address);
      return s && s.count >= MAX_WRONG_TOKENS ? Math.ceil((s.since + WRONG_WINDOW_MS - now()) / 1000) : 0;
    },
    wrong(address) {
      const s = current(address) ?? { count: 0, since: now() };
      s.count += 1;
      seen.delete(address);
      seen.set(address, s);
      if (seen.size > MAX_ADDRESSES) seen.delete(seen.keys().next().value as string);
    },
  };
}

/**
 * Headers on every console response: a strict Content-Security-Policy (only the line's own script
 * and style, no inline script, no framing), no caching, no referrer to other sites, no MIME sniffing.
 */
export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    'Content-Security-Policy':
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin', // not no-referrer: with it Chromium posts forms with Origin: null
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
  });
  next();
};

/** A POST from another site is refused: its Origin (when sent) must be this host's. */
export function sameOrigin(req: Request): boolean {
  const origin = req.get('origin');
  if (origin === undefined) return req.get('sec-fetch-site') === undefined || req.get('sec-fetch-site') === 'same-origin';
  try {
    return new URL(origin).host === req.get('host');
  } catch {
    return false;
  }
}

export function refuse(res: Response, status: number, message: string): void {
  res.status(status).type('text/plain').send(`${message}\n`);
}

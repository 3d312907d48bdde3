import type { Request } from 'express';

/** The most query parameters a URL the line signs ever carries: the call state's t, m, s, x, e, p and k. */
export const MAX_QUERY_KEYS = 7;

/**
 * Why a signed webhook cannot be trusted as it stands, or undefined when it can. Twilio never repeats a
 * field or a query key and never sends empty query parts; an attacker does, because the signature check
 * tolerates them: twilio's validateRequest retries with Node's querystring, which keeps 1,000 keys (so
 * `?t=0` followed by 1,000 `&` and `&k=m0` passes with the signature of `?t=0`), and a repeated field is
 * signed as a set of values while the line reads one of them.
 */
export function unsignableShape(req: Request): string | undefined {
  const query = rawQuery(req.originalUrl);
  if (query !== '') {
    const parts = query.split('&');
    if (parts.length > MAX_QUERY_KEYS) return `Too many query parameters: this line's URLs carry at most ${MAX_QUERY_KEYS}.`;
    const keys = new Set<string>();
    for (const part of parts) {
      const key = part.split('=', 1)[0] ?? '';
      if (key === '') return 'Empty query parameter.';
      if (keys.has(key)) return 'A query parameter is given more than once.';
      keys.add(key);
    }
  }
  const body: unknown = req.body;
  if (typeof body === 'object' && body !== null && Object.values(body).some(Array.isArray)) return 'A form field is given more than once.';
  return undefined;
}

/** The query string of a request URL as received, without the '?'. */
export function rawQuery(originalUrl: string): string {
  const at = originalUrl.indexOf('?');
  return at === -1 ? '' : originalUrl.slice(at + 1);
}

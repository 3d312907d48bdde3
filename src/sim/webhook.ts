import { randomUUID } from 'node:crypto';
// The webhook helpers alone: importing 'twilio' would load the whole REST client.
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import type { CookieJar } from './cookies.js';
import { LineError } from '../errors.js';
import type { Fields } from './fields.js';

export type HttpMethod = 'GET' | 'POST';

/** One webhook request as Twilio makes it: the URL, the method, and the call or message fields. */
export interface WebhookRequest {
  readonly url: string;
  readonly method: HttpMethod;
  readonly fields: Fields;
}

/** The line's answer, already checked to be a successful XML response. */
export interface WebhookAnswer {
  /** The URL requested (with the fields in the query for GET): what was signed. */
  readonly url: string;
  readonly status: number;
  readonly body: string;
}

export interface WebhookClientOptions {
  /** Signs every request with it; without it requests carry no X-Twilio-Signature. */
  readonly token: string | undefined;
  /** Cookies carried between requests, as Twilio carries them through a conversation or call. */
  readonly cookies: CookieJar;
  /** Twilio gives up on a webhook after 15 s. */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

export type WebhookClient = (request: WebhookRequest) => Promise<WebhookAnswer>;

/** Twilio waits 15 s in all for a webhook's answer. */
const TWILIO_TIMEOUT_MS = 15_000;

/**
 * Post webhooks the way Twilio does: form-encoded fields (in the query for GET), signed for the
 * exact URL requested, with the conversation's cookies. Throws LineError for anything Twilio could
 * not use: no answer, a 4xx or 5xx, or a body that is not XML.
 */
export function createWebhookClient(options: WebhookClientOptions): WebhookClient {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? TWILIO_TIMEOUT_MS;
  return async ({ url, method, fields }) => {
    const form = new URLSearchParams(Object.entries(fields));
    const target = method === 'GET' ? withQuery(url, form) : url;
    const headers: Record<string, string> = {
      'User-Agent': 'TwilioProxy/1.1',
      'I-Twilio-Idempotency-Token': randomUUID(),
    };
    if (method === 'POST') headers['Content-Type'] = 'application/x-www-form-urlencoded';
    if (options.token !== undefined) {
      headers['X-Twilio-Signature'] = getExpectedTwilioSignature(options.token, target, method === 'POST' ? { ...fields } : {});
    }
    const cookie = options.cookies.header(target);
    if (cookie) headers.Cookie = cookie;

    let response: Response;
    try {
      response = await doFetch(target, {
        method,
        headers,
        ...(method === 'POST' ? { body: form.toString() } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw unreachable(target, err, timeoutMs);
    }
    const body = await response.text();
    options.cookies.store(target, response.headers.getSetCookie());
    checkAnswer(target, response, body, options.token);
    return { url: target, status: response.status, body };
  };
}

/** The URL with the fields appended to its query, as Twilio requests a GET webhook. */
export function withQuery(url: string, form: URLSearchParams): string {
  const parsed = new URL(url);
  for (const [key, value] of form) parsed.searchParams.append(key, value);
  return parsed.href;
}

function unreachable(url: string, err: unknown, timeoutMs: number): LineError {
  const name = (err as { name?: unknown }).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new LineError(
      'LINE_UNREACHABLE',
      `${url} did not answer within ${timeoutMs / 1000} s (Twilio gives up after 15 s and uses the fallback URL)`,
      'is the line stuck, or very slow to start? Check its log.',
    );
  }
  const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const detail = code ?? (typeof cause?.message === 'string' ? cause.message : String(err));
  const local = /^https?:\/\/(localhost|127\.|\[::1\])/.test(url);
  const hint =
    code === 'ECONNREFUSED'
      ? local
        ? 'is the line running? Start it with `npm start` in another terminal, or use --local to run it in-process.'
        : 'is the line running there, and is the tunnel up?'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'check the host name in --url.'
        : 'check --url and that the line is running.';
  return new LineError('LINE_UNREACHABLE', `could not reach ${url} (${detail})`, hint);
}

function checkAnswer(url: string, response: Response, body: string, token: string | undefined): void {
  const { status } = response;
  const excerpt = body.trim().slice(0, 200);
  if (status === 403) {
    throw new LineError(
      'SIGNATURE_REJECTED',
      `${url} answered 403: the line rejected the request's X-Twilio-Signature${excerpt ? ` (${excerpt})` : ''}`,
      `the simulator signed exactly ${url} with ${token === undefined ? 'no token' : 'the token from --token or TWILIO_AUTH_TOKEN'}. ` +
        "Check that this token is the line's TWILIO_AUTH_TOKEN, and that the line's PUBLIC_URL (if set) is the base of --url: " +
        'the line checks the signature against PUBLIC_URL + the path, or against its own Host when PUBLIC_URL is unset.',
    );
  }
  if (status === 400 && token === undefined && /signature/i.test(body)) {
    throw new LineError(
      'SIGNATURE_REJECTED',
      `${url} answered 400: ${excerpt}`,
      'the line checks signatures (it has TWILIO_AUTH_TOKEN set): give the simulator the same token with --token or TWILIO_AUTH_TOKEN.',
    );
  }
  if (status < 200 || status >= 300) {
    throw new LineError(
      'HTTP_ERROR',
      `${url} answered ${status}${excerpt ? `: ${excerpt}` : ''}`,
      status === 404
        ? 'check the path: the line answers POST /sms (and POST /voice once voice is built), under the base given with --url.'
        : status >= 500
          ? 'the line failed: check its log. Twilio would use the fallback URL, or say "an application error has occurred".'
          : 'Twilio would treat this as a failed webhook (error 11200) and use the fallback URL.',
    );
  }
  const type = response.headers.get('content-type') ?? '';
  if (!/^(text|application)\/xml\b/i.test(type)) {
    throw new LineError(
      'NOT_TWIML',
      `${url} answered ${status} with Content-Type "${type || 'none'}", not text/xml${excerpt ? `: ${excerpt}` : ''}`,
      'Twilio needs TwiML sent as text/xml or application/xml (error 12300).',
    );
  }
}

import { createHmac } from 'node:crypto';
import request from 'supertest';
import type { Express } from 'express';

/** Form fields as Twilio posts them; an array is a field given more than once. */
export type FormParams = Readonly<Record<string, string | readonly string[]>>;

/**
 * Twilio's X-Twilio-Signature, computed independently of the twilio package:
 * base64(HMAC-SHA1(token, url + each field name and value, sorted by name)).
 */
export function twilioSignature(token: string, url: string, params: FormParams): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => {
      const value = params[key] ?? '';
      const values = typeof value === 'string' ? [value] : [...value].sort();
      return acc + values.map((v) => key + v).join('');
    }, url);
  return createHmac('sha1', token).update(data, 'utf8').digest('base64');
}

/** The fields as an application/x-www-form-urlencoded body, repeated fields repeated. */
export function formBody(params: FormParams): string {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of typeof value === 'string' ? [value] : value) body.append(key, v);
  }
  return body.toString();
}

/** An unsigned form post, as curl or a local test sends it. */
export function formPost(app: Express, path: string, params: FormParams): request.Test {
  return request(app).post(path).set('Content-Type', 'application/x-www-form-urlencoded').send(formBody(params));
}

export interface SignOptions {
  readonly token: string;
  /** The full URL Twilio would have called (and signed). */
  readonly url: string;
  /** The Host header the app sees; by default the host of `url` (a proxy or tunnel sends another). */
  readonly host?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A form post signed the way Twilio signs webhooks. */
export function signedPost(app: Express, path: string, params: FormParams, options: SignOptions): request.Test {
  const test = formPost(app, path, params)
    .set('Host', options.host ?? new URL(options.url).host)
    .set('X-Twilio-Signature', twilioSignature(options.token, options.url, params));
  for (const [name, value] of Object.entries(options.headers ?? {})) test.set(name, value);
  return test;
}

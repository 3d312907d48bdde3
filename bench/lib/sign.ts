import { createHmac } from 'node:crypto';

/** The benchmark's auth token and public URL: the app under test runs with them, so signatures are checked. */
export const BENCH_TOKEN = 'bench-auth-token-0123456789abcdef';
export const BENCH_PUBLIC_URL = 'https://faq-line.bench.example';

/** Twilio's X-Twilio-Signature: base64(HMAC-SHA1(token, url + each name and value, sorted by name)). */
export function twilioSignature(url: string, fields: Readonly<Record<string, string>>, token = BENCH_TOKEN): string {
  let data = url;
  for (const key of Object.keys(fields).sort()) data += key + (fields[key] ?? '');
  return createHmac('sha1', token).update(data, 'utf8').digest('base64');
}

/** A signed form post for `path` (and its query), as Twilio would send it to BENCH_PUBLIC_URL. */
export function signedForm(path: string, fields: Readonly<Record<string, string>>): { body: string; headers: Record<string, string> } {
  return {
    body: new URLSearchParams(fields).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilioSignature(BENCH_PUBLIC_URL + path, fields),
    },
  };
}

import fc from 'fast-check';
import type request from 'supertest';
import { XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';

/** Field names Twilio sends, and anything else. */
export const fieldName = (known: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...known) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
    { weight: 1, arbitrary: fc.constantFrom('', '__proto__', 'constructor', 'Body[]', 'Body[0]', 'Body.x', 'hasOwnProperty', 'toString') },
  );

/** Field values: random Unicode (lone surrogates and control characters included), keywords, numbers as text, markup. */
export const fieldValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '', ' ', 'STOP', 'help', 'MENU', 'B', '1', '#7', '99999', '-1', '0', 'NaN', 'Infinity', '1e999', '0x10', 'true', 'null',
      '[]', '{}', '<Response/>', ']]>', '&amp;', '</Message><Redirect>http://evil</Redirect>', '\u0000', '\uFEFF', '\uD800', '🙂‍↔️',
    ),
  },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean()).map(String) },
);

/** Form fields in order, a name possibly repeated (a duplicated field). */
export const formPairs = (known: readonly string[]): fc.Arbitrary<Array<[string, string]>> =>
  fc.array(fc.tuple(fieldName(known), fieldValue), { maxLength: 16 });

/** The pairs as an application/x-www-form-urlencoded body. */
export function encode(pairs: ReadonlyArray<readonly [string, string]>): string {
  const form = new URLSearchParams();
  for (const [k, v] of pairs) form.append(k, v);
  return form.toString();
}

/** The pairs as signing params: a repeated name becomes an array, as Twilio signs it. */
export function params(pairs: ReadonlyArray<readonly [string, string]>): Record<string, string | string[]> {
  const out: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [k, v] of pairs) (out[k] ??= []).push(v);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.length === 1 ? (v[0] as string) : v]));
}

/** Raw bodies that need not be valid forms: any bytes, stray percent signs, huge names. */
export const rawBody: fc.Arbitrary<Buffer> = fc.oneof(
  fc.uint8Array({ maxLength: 400 }).map((a) => Buffer.from(a)),
  fc.string({ unit: 'binary', maxLength: 400 }).map((s) => Buffer.from(s)),
  fc.stringMatching(/^[%A-Fa-f0-9=&+;Bodyx]{0,200}$/).map((s) => Buffer.from(s)),
);

export const contentType: fc.Arbitrary<string | undefined> = fc.constantFrom(
  undefined,
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=utf-8',
  'application/x-www-form-urlencoded; charset=UTF-8',
  'application/x-www-form-urlencoded; charset=iso-8859-1',
  'application/x-www-form-urlencoded; charset=klingon',
  'application/json',
  'text/plain',
  'text/xml',
  'multipart/form-data; boundary=xyz',
  'application/octet-stream',
  '',
  '*/*',
  'nonsense',
);

/**
 * What every webhook answer must be: never a 5xx; a 200 is well-formed XML with the declaration and a
 * <Response> root (and passes `check`, a stricter per-channel test); anything else is a short plain 4xx.
 */
export function expectTwimlOrClear4xx(res: request.Response, check: (twiml: string) => unknown): void {
  expect(res.status, res.text.slice(0, 200)).toBeLessThan(500);
  if (res.status === 200) {
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    expect(res.text.startsWith('<?xml version="1.0" encoding="UTF-8"?><Response')).toBe(true);
    expect(XMLValidator.validate(res.text)).toBe(true);
    check(res.text);
    return;
  }
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.headers['content-type']).toMatch(/^text\/plain/);
  expect(res.text.length).toBeLessThan(200);
  expect(res.text).not.toMatch(/\bat .+:\d+:\d+|<html/i);
}

/**
 * Form bodies (application/x-www-form-urlencoded) as Twilio posts them, parsed by hand: one pass over
 * the text, no stream plumbing and no qs. Measured under load, express.urlencoded() with a `verify`
 * for percent-encoding cost the line more than its signature check, rate limit and metrics together
 * (docs/benchmarks.md); this keeps its answers: the same fields, 400 for bad percent-encoding, 413
 * past the size or field limits, 415 for a charset other than UTF-8 or ISO-8859-1.
 */

import { lineError } from '../errors.js';


/** body-parser's default: more fields than this is a 413. */
export const MAX_FIELDS = 1000;

/** Parsed fields: a name given once has a string, a repeated one every value in order (Twilio signs them that way). */
export type FormBody = Record<string, string | string[]>;

/**
 * The fields of a form body. `latin1` for charset=iso-8859-1, where %XX is one byte = one character.
 * Names and values: '+' is a space, %XX escapes decoded (UTF-8 unless latin1); an empty name is dropped.
 * Throws a FormError for invalid percent-encoding (UTF-8) or more than MAX_FIELDS parts.
 */
export function parseForm(text: string, latin1 = false): FormBody {
  const fields = Object.create(null) as FormBody;
  if (text === '') return fields;
  let count = 0;
  for (let from = 0; from <= text.length; ) {
    let to = text.indexOf('&', from);
    if (to === -1) to = text.length;
    if (++count > MAX_FIELDS) throw lineError('BODY_TOO_MANY_FIELDS');
    if (to > from) {
      let eq = text.indexOf('=', from);
      if (eq === -1 || eq > to) eq = to;
      const name = decode(text.slice(from, eq), latin1);
      if (name !== '') {
        const value = eq < to ? decode(text.slice(eq + 1, to), latin1) : '';
        const had = fields[name];
        fields[name] = had === undefined ? value : typeof had === 'string' ? [had, value] : [...had, value];
      }
    }
    from = to + 1;
  }
  return fields;
}

const PLUS = /\+/g;
const LATIN1_ESCAPE = /%[0-9a-f]{2}/gi;

function decode(part: string, latin1: boolean): string {
  const spaced = part.includes('+') ? part.replace(PLUS, ' ') : part;
  if (!spaced.includes('%')) return spaced;
  if (latin1) return spaced.replace(LATIN1_ESCAPE, (e) => String.fromCharCode(parseInt(e.slice(1), 16)));
  try {
    return decodeURIComponent(spaced);
  } catch {
    throw lineError('BODY_MALFORMED');
  }
}

const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|mb)?$/i;
const UNIT: Readonly<Record<string, number>> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** Bytes in a size such as 64kb or 1mb (what BODY_LIMIT accepts; k = 1,024). */
export function byteSize(size: string): number {
  const m = SIZE.exec(size.trim());
  if (!m) throw new RangeError(`not a size: ${size}`);
  return Math.floor(Number(m[1]) * (UNIT[(m[2] ?? 'b').toLowerCase()] ?? 1));
}

const CHARSET = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i;

/** The charset a Content-Type names, lower case; utf-8 when it names none. */
export function charsetOf(contentType: string | undefined): string {
  const m = contentType === undefined ? null : CHARSET.exec(contentType);
  return (m?.[1] ?? m?.[2] ?? 'utf-8').toLowerCase() || 'utf-8';
}

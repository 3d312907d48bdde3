import { describe, expect, it } from 'vitest';
import { byteSize, charsetOf, MAX_FIELDS, parseForm } from '../../src/http/form-parse.js';

describe('form bodies', () => {
  it('reads the fields Twilio posts, with + as a space and UTF-8 escapes decoded', () => {
    const body = new URLSearchParams({ Body: 'où est ma 📦? 100% sure & fine=yes', From: '+14155551567', NumMedia: '0' }).toString();
    expect({ ...parseForm(body) }).toEqual({ Body: 'où est ma 📦? 100% sure & fine=yes', From: '+14155551567', NumMedia: '0' });
  });

  it('keeps every value of a repeated field, in order', () => {
    expect({ ...parseForm('a=1&b=2&a=3&a=4') }).toEqual({ a: ['1', '3', '4'], b: '2' });
  });

  it('drops empty names and gives a name without = an empty value', () => {
    expect({ ...parseForm('&&=x&Body&To=%2B1&') }).toEqual({ Body: '', To: '+1' });
  });

  it('reads ISO-8859-1 escapes as one character each and leaves stray percent signs alone', () => {
    expect({ ...parseForm('Body=caf%E9+100%', true) }).toEqual({ Body: 'café 100%' });
  });

  it('refuses invalid percent-encoding and bytes that are not UTF-8 with a 400', () => {
    expect(() => parseForm('Body=100%25%20sure%E0%A4%A')).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => parseForm('Body=%FF%FE')).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => parseForm('Body%zz=1')).toThrow(expect.objectContaining({ status: 400 }));
  });

  it(`refuses more than ${MAX_FIELDS} fields with a 413`, () => {
    expect(Object.keys(parseForm(Array.from({ length: MAX_FIELDS }, (_, i) => `f${i}=1`).join('&')))).toHaveLength(MAX_FIELDS);
    expect(() => parseForm('a=1&'.repeat(MAX_FIELDS))).toThrow(expect.objectContaining({ status: 413 }));
  });

  it('never lets a field name reach the object prototype', () => {
    const fields = parseForm('__proto__=x&constructor=y');
    expect(fields.__proto__).toBe('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('reads sizes the way BODY_LIMIT writes them, and charsets from a Content-Type', () => {
    expect(byteSize('64kb')).toBe(65_536);
    expect(byteSize('1.5 MB')).toBe(1_572_864);
    expect(byteSize('100')).toBe(100);
    expect(charsetOf('application/x-www-form-urlencoded')).toBe('utf-8');
    expect(charsetOf('application/x-www-form-urlencoded; charset=UTF-8')).toBe('utf-8');
    expect(charsetOf('application/x-www-form-urlencoded;charset="ISO-8859-1"')).toBe('iso-8859-1');
    expect(charsetOf('application/x-www-form-urlencoded; charset=klingon')).toBe('klingon');
  });
});

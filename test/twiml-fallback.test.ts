import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { isGsm7 } from '../src/render/gsm.js';

const dir = join(import.meta.dirname, '..', 'twiml');
const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
const parse = (xml: string): Record<string, unknown> =>
  new XMLParser({ ignoreAttributes: false, ignoreDeclaration: true, commentPropName: '#comment' }).parse(xml) as Record<string, unknown>;

describe('static fallback TwiML in twiml/', () => {
  it('gives texters an apology in one GSM-7 message when the app cannot answer', () => {
    const xml = read('sms-fallback.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const response = parse(xml).Response as Record<string, unknown>;
    expect(Object.keys(response).filter((k) => k !== '#comment')).toEqual(['Message']);
    const text = String(response.Message);
    expect(text).toMatch(/^Sorry/);
    expect(text.length).toBeLessThanOrEqual(160);
    expect(isGsm7(text)).toBe(true);
  });

  it('tells callers the line cannot answer and hangs up', () => {
    const xml = read('voice-fallback.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const response = parse(xml).Response as Record<string, unknown>;
    expect(Object.keys(response).filter((k) => k !== '#comment')).toEqual(['Say', 'Hangup']);
    const say = response.Say as Record<string, string>;
    expect(say['#text']).toMatch(/^Sorry/);
    expect(say['#text']!.length).toBeLessThan(3000);
    expect(response.Hangup).toBe('');
  });
});

import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import { isGsm7, nonGsmCharacters, toGsm7 } from '../../src/render/gsm.js';

const encoding = (text: string) => new SegmentedMessage(text).encodingName;

describe('toGsm7', () => {
  it('straightens the curly apostrophe in "Twilio’s", which makes the text GSM-7 for Twilio', () => {
    const text = 'Customer may subscribe for updates on Twilio’s operational status.';
    expect(encoding(text)).toBe('UCS-2');
    const normal = toGsm7(text);
    expect(normal).toBe("Customer may subscribe for updates on Twilio's operational status.");
    expect(encoding(normal)).toBe('GSM-7');
    expect(isGsm7(normal)).toBe(true);
  });

  it('straightens curly double quotes and turns dashes, bullets and the ellipsis into ASCII', () => {
    expect(toGsm7('“Hard Down” – rare — see… • one ‣ two')).toBe('"Hard Down" - rare - see... - one - two');
  });

  it('turns non-breaking and other unicode spaces into plain spaces and drops invisible characters', () => {
    expect(toGsm7('99.95%\u00a0uptime\u2009now\u200b\ufeff, co\u00adoperate\tok')).toBe('99.95% uptime now, cooperate ok');
  });

  it('turns CRLF and unicode line separators into LF and drops control characters XML cannot carry', () => {
    expect(toGsm7('one\r\ntwo\u2028three\rfour\u0001\u000b\u001b')).toBe('one\ntwo\nthree\nfour');
  });

  it('composes a decomposed accent so "é" stays one GSM-7 character', () => {
    const normal = toGsm7('cafe\u0301');
    expect(normal).toBe('café');
    expect(isGsm7(normal)).toBe(true);
  });

  it('leaves characters with no GSM-7 equivalent alone, for the lint to report', () => {
    const text = '© 2024 Twilio 😀 ç';
    expect(toGsm7(text)).toBe(text);
    expect(nonGsmCharacters(toGsm7(text))).toEqual(['©', '😀', 'ç']);
  });
});

describe('isGsm7', () => {
  it('accepts the extension characters and rejects what is outside both tables', () => {
    expect(isGsm7('[ ] { } ~ ^ | \\ € @ £ ¥ Δ Ω ß')).toBe(true);
    expect(isGsm7('’')).toBe(false);
    expect(isGsm7('—')).toBe(false);
    expect(isGsm7('😀')).toBe(false);
  });

  it("agrees with Twilio's segment calculator on every character from U+0000 to U+2FFF", () => {
    const disagree: string[] = [];
    for (let code = 0; code < 0x3000; code++) {
      const ch = String.fromCharCode(code);
      if (code === 0x1b) continue; // ESC: a GSM-7 code unit, not a character anyone types
      if (isGsm7(ch) !== (encoding(ch) === 'GSM-7')) disagree.push(`U+${code.toString(16)}`);
    }
    expect(disagree).toEqual([]);
  });

  it('accepts everything toGsm7 promises to produce from typographic punctuation', () => {
    expect(isGsm7(toGsm7('‘’‚‛“”„‟‐‑‒–—―−…•\u00a0\u2003\u202f'))).toBe(true);
  });
});

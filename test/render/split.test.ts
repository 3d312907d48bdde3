import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitMessage, TRUNCATION_NOTICE } from '../../src/render/split.js';
import { sentences } from './sample-faq.js';

const NUMBERING = / \((\d+)\/(\d+)\)$/;
const unnumbered = (parts: readonly string[]) => parts.map((p) => p.replace(NUMBERING, ''));
const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('splitMessage', () => {
  it('returns a text that fits as one unnumbered part', () => {
    const text = sentences(1590);
    expect(splitMessage(text)).toEqual([text]);
  });

  it('returns no part for empty or blank text', () => {
    expect(splitMessage('')).toEqual([]);
    expect(splitMessage(' \n ')).toEqual([]);
  });

  it('numbers the parts " (1/2)" and " (2/2)" when there are two', () => {
    const parts = splitMessage(sentences(2000));
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatch(/\. \(1\/2\)$/);
    expect(parts[1]).toMatch(/\. \(2\/2\)$/);
  });

  it('splits 1,700 characters of sentences into two parts of similar length, each ending a sentence', () => {
    const text = sentences(1700);
    const parts = unnumbered(splitMessage(text));
    expect(parts).toHaveLength(2);
    for (const part of parts) {
      expect(part.length).toBeGreaterThan(700);
      expect(part).toMatch(/\.$/);
    }
    expect(parts.join(' ')).toBe(text);
  });

  it('prefers a paragraph break to a later sentence end', () => {
    const first = sentences(1000);
    const text = `${first}\n\n${sentences(1000)}`;
    expect(unnumbered(splitMessage(text))[0]).toBe(first);
  });

  it('never ends a part at the dots of a URL, a decimal or "SP 800-61", nor inside a word', () => {
    const filler = 'word '.repeat(300);
    const text = `${filler}uptime of 99.95% per NIST SP 800-61 at https://status.twilio.com/history.rss?x=1.5 ${filler}`.trim();
    for (const maxChars of [1520, 1530, 1540, 1550, 1560, 1570, 1580]) {
      const parts = unnumbered(splitMessage(text, { maxChars }));
      expect(parts.every((p) => p.length <= maxChars)).toBe(true);
      expect(words(parts.join(' '))).toEqual(words(text));
      expect(parts.some((p) => p.includes('https://status.twilio.com/history.rss?x=1.5'))).toBe(true);
      expect(parts.some((p) => p.includes('99.95%'))).toBe(true);
    }
  });

  it('does not take the dot of "e.g." for a sentence end', () => {
    const text = 'Keep copies in more than one place, e.g. several zones. Then check the restores.';
    const parts = unnumbered(splitMessage(text, { maxChars: 64 }));
    expect(parts[0]).toBe('Keep copies in more than one place, e.g. several zones.');
  });

  it('cuts a text needing more than 10 parts to 10, the last ending with a notice', () => {
    const parts = splitMessage(sentences(20_000));
    expect(parts).toHaveLength(10);
    expect(parts.every((p) => p.length <= 1600)).toBe(true);
    expect(parts[9]).toMatch(/ \.\.\. \(too long for SMS, cut short\) \(10\/10\)$/);
    expect(parts[9]?.endsWith(`${TRUNCATION_NOTICE} (10/10)`)).toBe(true);
  });

  it('cuts to a single part with the notice when only one part is allowed', () => {
    const parts = splitMessage(sentences(2000), { maxParts: 1 });
    expect(parts).toHaveLength(1);
    expect(parts[0]?.length).toBeLessThanOrEqual(1600);
    expect(parts[0]?.endsWith(TRUNCATION_NOTICE)).toBe(true);
  });

  it('keeps every part within the limits and every word whole, for any text of words, URLs and numbers', () => {
    const token = fc.oneof(
      fc.constantFrom('Twilio', 'backups', 'are', 'encrypted', '99.95%', 'SP', '800-61', 'e.g.', 'zones.', 'why?', 'yes!', 'AWS,'),
      fc.constantFrom('https://status.twilio.com/', 'https://www.twilio.com/legal/service-level-agreement', 'x'.repeat(40)),
    );
    const separator = fc.constantFrom(' ', ' ', ' ', '\n', '\n\n', '  ');
    const text = fc.array(fc.tuple(token, separator), { minLength: 1, maxLength: 600 }).map((pairs) => pairs.map(([t, s]) => t + s).join(''));
    const options = fc.record({ maxChars: fc.integer({ min: 100, max: 1600 }), maxParts: fc.integer({ min: 1, max: 10 }) });
    fc.assert(
      fc.property(text, options, (t, opts) => {
        const parts = splitMessage(t, opts);
        expect(parts.length).toBeGreaterThanOrEqual(1);
        expect(parts.length).toBeLessThanOrEqual(opts.maxParts);
        for (const p of parts) expect(p.length).toBeLessThanOrEqual(opts.maxChars);
        const numbered = parts.map((p) => NUMBERING.exec(p));
        if (parts.length === 1) expect(numbered[0]).toBeNull();
        else numbered.forEach((m, i) => expect(m?.slice(1)).toEqual([String(i + 1), String(parts.length)]));
        const body = unnumbered(parts);
        const truncated = body.at(-1)?.endsWith(TRUNCATION_NOTICE) ?? false;
        const got = words(body.join(' ').replace(truncated ? TRUNCATION_NOTICE : /$^/, ''));
        if (truncated) expect(words(t).slice(0, got.length)).toEqual(got);
        else expect(got).toEqual(words(t));
      }),
      { numRuns: 300 },
    );
  });
});

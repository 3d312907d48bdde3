import { describe, expect, it } from 'vitest';
import { createWordReader, MAX_WORD_LENGTH } from '../../src/nlu/wink.js';

const { readWords, readUntagged } = createWordReader();

/** A made-up word of letters only, distinct for each n: "zqbx", "zqcx", ... */
const madeUp = (n: number): string => `zq${n.toString(26).replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26)))}x`;

describe('readWords', () => {
  it('reads words and numbers with their stems and drops punctuation', () => {
    const words = readWords('where are backups stored, 2 times?');
    expect(words.map((w) => w.normal)).toEqual(['where', 'are', 'backups', 'stored', '2', 'times']);
    expect(words.find((w) => w.normal === 'stored')?.stem).toBe('store');
  });

  it('marks function words as stop words and keeps "down" as a content word', () => {
    const words = readWords('is the service down');
    expect(words.filter((w) => w.stop).map((w) => w.normal)).toEqual(['is', 'the']);
  });

  it('marks a word outside the English model as unknown, and a known one as not', () => {
    const [made, real] = readWords('zqxwvy stored');
    expect(made?.unknown).toBe(true);
    expect(real?.unknown).toBe(false);
  });

  it('keeps working after 60,000 distinct new words, with known words read as before', () => {
    const before = readWords('stored recovery');
    for (let batch = 0; batch < 60; batch++) {
      const text = Array.from({ length: 1000 }, (_, i) => madeUp(batch * 1000 + i)).join(' ');
      expect(readWords(text)).toHaveLength(1000);
    }
    const after = readWords('stored recovery');
    expect(after).toEqual(before);
    expect(after[0]?.stem).toBe('store');
    expect(readWords('zqnewwordx')[0]?.unknown).toBe(true);
  });

  it('reads the same in the 25th reader of a process as in the first (a line per FAQ reload)', () => {
    // wink-eng-lite-web-model re-escapes its entity machines on every load: before the fix the 21st
    // reader threw "Invalid string length" and the ones before it took seconds and gigabytes.
    const first = createWordReader();
    const question = 'where are the backups stored on 4 may for $5';
    const expected = first.readWords(question);
    const types = first.entityTypes(question);
    for (let i = 0; i < 24; i++) {
      const reader = createWordReader();
      expect(reader.readWords(question)).toEqual(expected);
      expect(reader.entityTypes(question)).toEqual(types);
    }
    expect(types).toContain('MONEY');
  }, 60_000);

  it('cuts an overlong token (a pasted blob) before wink-nlp reads it, keeping the words around it', () => {
    const words = readWords(`where are ${'x'.repeat(100_000)} backups`);
    expect(words.map((w) => w.normal)).toEqual(['where', 'are', 'x'.repeat(MAX_WORD_LENGTH), 'backups']);
  });
});

describe('readUntagged', () => {
  const untagged = (text: string): object[] => readWords(text).map((w) => ({ ...w, pos: '' }));

  it('knows nothing of a text whose pieces were never read', () => {
    expect(readUntagged(`${madeUp(90_001)} backups`)).toBeUndefined();
  });

  it('gives the words wink-nlp gave, without parts of speech, once every piece has been read', () => {
    const texts = [
      "where're the backups? i don't know, 99.9% uptime",
      'is my data safe w/ twilio -- e-mail me',
      'who handles b.c.d.r. at twilio?!',
    ];
    for (const text of texts) {
      const words = untagged(text);
      expect(readUntagged(text)).toEqual(words);
    }
    // A new text made of pieces read before, in another order, needs no new reading.
    expect(readUntagged("i don't know, the backups?")).toEqual(untagged("i don't know, the backups?"));
  });

  it('refuses a text that is not pieces joined by single spaces', () => {
    readWords('backups stored');
    expect(readUntagged('backups  stored')).toBeUndefined();
    expect(readUntagged(' backups')).toBeUndefined();
  });
});

describe('createWordReader', () => {
  it('gives each reader its own memory: a text one reader read is new to another', () => {
    const first = createWordReader();
    const second = createWordReader();
    first.readWords('where are backups kept');
    expect(first.readUntagged('where are backups kept')).toBeDefined();
    expect(second.readUntagged('where are backups kept')).toBeUndefined();
  });
});

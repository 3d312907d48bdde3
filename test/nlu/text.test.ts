import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFaq } from '../../src/faq/load.js';
import { createAnalyzer, type Analyzer } from '../../src/nlu/analyzer.js';
import { cleanText, expandShorthand, joinSpelledLetters } from '../../src/nlu/text.js';
import { repoRoot } from '../fixtures/faq/faq-yaml.js';

const knows =
  (...words: string[]) =>
  (w: string): boolean =>
    words.includes(w);

describe('cleanText', () => {
  it('joins a dotted acronym and lower-cases it: "B.C.D.R." is "bcdr"', () => {
    expect(cleanText('B.C.D.R.')).toBe('bcdr');
    expect(cleanText('Is there a B.C.P. doc?')).toBe('is there a bcp doc?');
  });

  it('straightens curly quotes', () => {
    expect(cleanText('What’s Twilio’s “plan”?')).toBe('what\'s twilio\'s "plan"?');
  });

  it('turns control characters, zero-width spaces and runs of spaces into one space', () => {
    expect(cleanText('  where\tare\u200Bbackups \n stored  ')).toBe('where are backups stored');
  });

  it('keeps an ordinary sentence full stop', () => {
    expect(cleanText('Backups. Where?')).toBe('backups. where?');
  });
});

describe('joinSpelledLetters', () => {
  it('joins "b c p" when the joined word is known', () => {
    expect(joinSpelledLetters('b c p', knows('bcp'))).toBe('bcp');
  });

  it('keeps "b c p" apart when the joined word is not known', () => {
    expect(joinSpelledLetters('b c p', knows('rto'))).toBe('b c p');
  });

  it('keeps "i want a" in "i want a b c p"', () => {
    expect(joinSpelledLetters('i want a b c p', knows('bcp'))).toBe('i want a bcp');
  });

  it('joins letters separated by slashes and dots, as in "b/c d/r"', () => {
    expect(joinSpelledLetters('b/c d/r plan', knows('bcdr'))).toBe('bcdr plan');
  });
});

describe('expandShorthand', () => {
  it('joins "back up" into "backup"', () => {
    expect(expandShorthand('how do you back up data')).toBe('how do you backup data');
    expect(expandShorthand('is it backed up')).toBe('is it backup');
  });

  it('expands "ur" to "your" and "u" to "you"', () => {
    expect(expandShorthand('where r ur backups u know')).toBe('where are your backups you know');
  });

  it('leaves words that merely contain shorthand alone', () => {
    expect(expandShorthand('your urgent request')).toBe('your urgent request');
  });
});

describe('spelled-out acronyms through the analyzer of the real FAQ', () => {
  let analyzer: Analyzer;
  beforeAll(async () => {
    const faq = await loadFaq(path.resolve(repoRoot, 'faq-data/faq.yaml'));
    const texts = faq.entries.flatMap((e) => [e.question, ...e.also.map((a) => a.question), ...e.phrasings, e.answer]);
    analyzer = createAnalyzer(faq.synonyms, texts);
  });

  it('reads "r t o?" like "RTO?", not as "are t o"', () => {
    const spelled = analyzer.analyze('r t o?').content;
    expect(spelled.length).toBeGreaterThan(0);
    expect(spelled).toEqual(analyzer.analyze('RTO?').content);
  });

  it('reads "B.C.D.R." like "b c d r"', () => {
    const dotted = analyzer.analyze('B.C.D.R.').content;
    expect(dotted.length).toBeGreaterThan(0);
    expect(dotted).toEqual(analyzer.analyze('b c d r').content);
  });
});

describe('letters a speech recogniser wrote as words', () => {
  const knows =
    (...words: string[]) =>
    (w: string): boolean =>
      words.includes(w);

  it('joins "are tee oh" and "are pee oh" into the acronyms the FAQ knows', () => {
    expect(joinSpelledLetters("what's your are tee oh and are pee oh", knows('rto', 'rpo'))).toBe("what's your rto and rpo");
  });

  it('joins "eye pee addresses" and "dee are plan"', () => {
    expect(joinSpelledLetters('can i whitelist your eye pee addresses', knows('ip'))).toBe('can i whitelist your ip addresses');
    expect(joinSpelledLetters('tell me about the dee are plan', knows('dr'))).toBe('tell me about the dr plan');
  });

  it('leaves ordinary words alone when their letters make no word the FAQ knows', () => {
    expect(joinSpelledLetters('are you there', knows('rto', 'ip'))).toBe('are you there');
    expect(joinSpelledLetters('why are you down', knows('rto'))).toBe('why are you down');
  });
});

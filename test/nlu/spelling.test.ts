import { describe, expect, it } from 'vitest';
import { editDistance, makeSpeller } from '../../src/nlu/spelling.js';

describe('editDistance', () => {
  it('is 0 for the same word', () => {
    expect(editDistance('backup', 'backup', 2)).toBe(0);
  });

  it('counts a substitution, an insertion and a deletion as 1 each', () => {
    expect(editDistance('backup', 'backap', 2)).toBe(1);
    expect(editDistance('backup', 'backups', 2)).toBe(1);
    expect(editDistance('backup', 'bakup', 2)).toBe(1);
  });

  it('counts swapped neighbouring letters as 1', () => {
    expect(editDistance('backpu', 'backup', 2)).toBe(1);
    expect(editDistance('ab', 'ba', 1)).toBe(1);
  });

  it('works from and to the empty string', () => {
    expect(editDistance('', 'abc', 3)).toBe(3);
    expect(editDistance('abc', '', 3)).toBe(3);
  });

  it('returns cap + 1 for anything further than the cap', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('disaster', 'recovery', 2)).toBe(3);
  });
});

describe('makeSpeller', () => {
  const correct = makeSpeller(['backups', 'recovery', 'phone', 'whitelist', 'insurance']);

  it('corrects one typo in a word of 5 to 7 letters', () => {
    expect(correct('bakups')).toBe('backups');
  });

  it('corrects two typos in a word of 8 letters or more', () => {
    expect(correct('insurence')).toBe('insurance');
    expect(correct('whitlist')).toBe('whitelist');
  });

  it('does not change the first letter: "iphone" is not "phone"', () => {
    expect(correct('iphone')).toBeUndefined();
  });

  it('leaves short words and words with digits alone', () => {
    expect(correct('phon')).toBeUndefined();
    expect(correct('backup5')).toBeUndefined();
  });
});

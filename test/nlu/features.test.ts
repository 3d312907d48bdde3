import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFaq } from '../../src/faq/load.js';
import { createAnalyzer, type Analyzer } from '../../src/nlu/analyzer.js';
import { FeatureSpace, namedFeatures } from '../../src/nlu/features.js';
import { repoRoot } from '../fixtures/faq/faq-yaml.js';

let analyzer: Analyzer;
let space: FeatureSpace;
let unseen: string[];

beforeAll(async () => {
  const faq = await loadFaq(path.resolve(repoRoot, 'faq-data/faq.yaml'));
  const texts = faq.entries.flatMap((e) => [e.question, ...e.phrasings]);
  analyzer = createAnalyzer(faq.synonyms, texts);
  // Learn from every other phrasing, so the rest bring features the space has never seen.
  space = new FeatureSpace();
  texts.forEach((t, i) => {
    if (i % 2 === 0) space.vector(namedFeatures(analyzer.analyze(t)), true);
  });
  unseen = texts.filter((_, i) => i % 2 === 1);
});

describe('FeatureSpace.query', () => {
  it('gives exactly the vector of the named features, for questions it was not trained on', () => {
    const odd = [
      'backups backups backups where are the backups',
      'is my data data safe in the the cloud',
      'bakups?? whre r they',
      'zzqx plivo carrier ss7',
      'the',
      '',
      'Ünïcödé “quotes” and B.C.D.R.',
    ];
    for (const text of [...unseen, ...odd]) {
      const a = analyzer.analyze(text);
      const slow = space.vector(namedFeatures(a));
      const fast = space.query(a);
      expect([...fast.index], text).toEqual([...slow.index]);
      expect([...fast.value], text).toEqual([...slow.value]);
    }
  });

  it('gives a unit vector when every feature is known, and an empty one for nothing known', () => {
    const known = space.query(analyzer.analyze('where are the backups stored'));
    expect(known.index.length).toBeGreaterThan(0);
    const nothing = space.query(analyzer.analyze('qqzzv wwxxk'));
    expect(nothing.index.length).toBe(0);
  });
});

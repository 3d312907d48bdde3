import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Faq } from '../../src/faq/model.js';
import { loadFaq } from '../../src/faq/load.js';
import { createClassifier, type Classifier } from '../../src/nlu/classifier.js';
import { repoRoot } from '../fixtures/faq/faq-yaml.js';

let faq: Faq;
let classifier: Classifier;

beforeAll(async () => {
  faq = await loadFaq(path.resolve(repoRoot, 'faq-data/faq.yaml'));
  classifier = createClassifier(faq, faq.understanding);
});

describe('createClassifier with the real FAQ', () => {
  it('answers each entry’s own question with that entry', () => {
    for (const e of faq.entries) {
      const c = classifier.classify(e.question);
      expect(c.best?.entry.id, e.question).toBe(e.id);
      expect(c.accepted, e.question).toBe(true);
    }
  });

  it('answers each question listed under `also` with the entry that lists it', () => {
    for (const e of faq.entries) {
      for (const a of e.also) {
        const c = classifier.classify(a.question);
        expect(c.best?.entry.id, a.question).toBe(e.id);
        expect(c.accepted, a.question).toBe(true);
      }
    }
  });

  it.each(['', '???', 'the a an', '   ', '🙂🙂'])('matches nothing for %j, which has no content word', (text) => {
    const c = classifier.classify(text);
    expect(c.accepted).toBe(false);
    expect(c.best).toBeUndefined();
    expect(c.runnerUp).toBeUndefined();
  });

  it('does not accept a question the FAQ does not cover', () => {
    expect(classifier.classify("what's the best pizza in new york").accepted).toBe(false);
  });

  it('gives the same result for the same question twice', () => {
    const text = 'where are backups stored and are they encrypted';
    expect(classifier.classify(text)).toEqual(classifier.classify(text));
  });

  it('classifies a 10,000-character message without throwing', () => {
    const words = ['backups', 'zqxv', 'the', 'stored', 'quarterly', 'outage'];
    const long = Array.from({ length: 2000 }, (_, i) => `${words[i % words.length] ?? ''}${i % 7 === 1 ? i : ''}`).join(' ').slice(0, 10_000);
    expect(long).toHaveLength(10_000);
    const c = classifier.classify(long);
    expect(typeof c.accepted).toBe('boolean');
  });

  it('names a runner-up that is a different entry from the best, scoring no higher', () => {
    const c = classifier.classify('where are backups stored');
    expect(c.best).toBeDefined();
    expect(c.runnerUp).toBeDefined();
    expect(c.runnerUp?.entry.id).not.toBe(c.best?.entry.id);
    expect(c.runnerUp?.score).toBeLessThanOrEqual(c.best?.score ?? 0);
  });

  it('keeps scores between 0 and 1 and counts evidence in distinct words', () => {
    const c = classifier.classify('backups backups backups');
    expect(c.best?.score).toBeGreaterThan(0);
    expect(c.best?.score).toBeLessThanOrEqual(1 + 1e-9);
    expect(c.best?.evidence).toBe(1);
  });

  it('uses the calibrated settings of the FAQ file', () => {
    expect(classifier.options.threshold).toBe(faq.understanding.threshold);
  });
});

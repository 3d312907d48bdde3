import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Faq } from '../../src/faq/model.js';
import { loadFaq } from '../../src/faq/load.js';
import { parseLabelledSet } from '../../src/eval/labelled-set.js';
import { createClassifier, type Classifier } from '../../src/nlu/classifier.js';
import { repoRoot } from '../fixtures/faq/faq-yaml.js';

let faq: Faq;
let classifier: Classifier;
let questions: string[];

beforeAll(async () => {
  faq = await loadFaq(path.resolve(repoRoot, 'faq-data/faq.yaml'));
  classifier = createClassifier(faq, faq.understanding);
  const ids = new Set(faq.entries.map((e) => e.id));
  questions = ['faq-data/eval-set.yaml', 'faq-data/voice-eval-set.yaml'].flatMap((f) =>
    parseLabelledSet(readFileSync(path.resolve(repoRoot, f), 'utf8'), f, ids).map((q) => q.text),
  );
});

describe('the classifier is deterministic', () => {
  it('gives every evaluation question the same verdict and score when it is asked a second time', () => {
    const first = questions.map((q) => classifier.classify(q));
    const second = questions.map((q) => classifier.classify(q));
    const changed = questions.filter((_, i) => JSON.stringify(first[i]) !== JSON.stringify(second[i]));
    expect(changed).toEqual([]);
    expect(questions.length).toBeGreaterThan(500);
  });

  it('scores a question read from remembered pieces as it scored it the first time', () => {
    const text = 'where in the terms of service does it talk about notice for changes';
    const fresh = createClassifier(faq, faq.understanding);
    const once = fresh.classify(text).best?.score;
    for (const w of text.split(' ')) fresh.classify(w);
    expect(fresh.classify(text).best?.score).toBe(once);
  });
});

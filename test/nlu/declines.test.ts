import { describe, expect, it } from 'vitest';
import { buildFaq } from '../../src/faq/build.js';
import { formatFaqFile } from '../../src/editor/yaml-file.js';
import { faqFileSchema } from '../../src/faq/schema.js';
import { crossValidate } from '../../src/editor/calibrate.js';
import { createClassifier } from '../../src/nlu/classifier.js';
import { backupZones, faqYaml, insurance } from '../fixtures/faq/faq-yaml.js';

const declines = [
  'what is the best car insurance',
  'cheap insurance for my car',
  'how much is renters insurance',
  'do i need travel insurance for italy',
  'pet insurance for my dog',
  'health insurance for freelancers',
];
const base = faqYaml([backupZones, insurance], { understanding: { linearShare: 0.5, threshold: 0 } });
const withDeclines = buildFaq(`${base}\ndeclines: ${JSON.stringify(declines)}\n`, 'declines.yaml');
const without = buildFaq(base, 'plain.yaml');

describe('declines: questions the line must not answer', () => {
  it('are read from the FAQ file, and written back by the formatter', () => {
    expect(withDeclines.declines).toEqual(declines);
    expect(without.declines).toEqual([]);
    const file = faqFileSchema.parse({ name: 'n', apology: 'a', entries: [{ id: 'x', topic: 't', question: 'q', answer: 'a', phrasings: ['1', '2', '3', '4', '5', '6'] }], declines: ['nope'] });
    expect(formatFaqFile(file)).toContain('declines:\n  - nope');
  });

  it('name the entry and field when one is empty', () => {
    expect(() => buildFaq(`${base}\ndeclines: ["ok", ""]\n`, 'bad.yaml')).toThrow(/declines\.1.*must not be empty|declines.*empty/);
  });

  it('pull a near-miss down without losing the real question', () => {
    const trained = createClassifier(withDeclines, withDeclines.understanding);
    const plain = createClassifier(without, without.understanding);
    const nearMiss = 'which insurance is best for my car';
    expect(trained.classify(nearMiss).best?.score ?? 0).toBeLessThan(plain.classify(nearMiss).best?.score ?? 0);
    expect(trained.classify('what insurance does twilio carry').best?.entry.id).toBe('insurance');
  });

  it('are each scored once in cross-validation, by a model that has not seen them', () => {
    const scored = crossValidate(withDeclines, withDeclines.understanding);
    expect(scored.filter((s) => s.expect === undefined)).toHaveLength(declines.length);
  });
});

import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFaq } from '../../src/faq/load.js';
import { createAnalyzer, type Analyzer } from '../../src/nlu/analyzer.js';
import { readFileSync } from 'node:fs';
import { parseLabelledSet } from '../../src/eval/labelled-set.js';
import { repoRoot } from '../fixtures/faq/faq-yaml.js';

let analyzer: Analyzer;
const content = (text: string): readonly string[] => analyzer.analyze(text).content;

beforeAll(async () => {
  const faq = await loadFaq(path.resolve(repoRoot, 'faq-data/faq.yaml'));
  const texts = faq.entries.flatMap((e) => [e.question, ...e.also.map((a) => a.question), ...e.phrasings, e.answer]);
  analyzer = createAnalyzer(faq.synonyms, texts);
});

describe('createAnalyzer with the real FAQ', () => {
  it('corrects a typo of an FAQ word: "bakups" gives the stems of "backups"', () => {
    expect(content('where are the bakups')).toEqual(content('where are the backups'));
    expect(analyzer.analyze('bakups').unknown).toEqual([]);
  });

  it('does not correct "iphone" to "phone"', () => {
    expect(content('iphone')).not.toEqual(content('phone'));
    expect(analyzer.analyze('iphone').unknown).toHaveLength(1);
  });

  it('reads "allowlist" like "whitelist"', () => {
    expect(content('can i allowlist your ips')).toEqual(content('can i whitelist your ips'));
  });

  it('reads "data centres" like "data centers"', () => {
    expect(content('where are the data centres')).toEqual(content('where are the data centers'));
  });

  it('reads "DR plan" like "disaster recovery plan"', () => {
    expect(content('DR plan')).toEqual(content('disaster recovery plan'));
  });

  it('drops stop words and punctuation', () => {
    expect(content('what is the ... of the?')).toEqual([]);
  });

  it('lists the words neither English nor the FAQ knows', () => {
    const a = analyzer.analyze('zorblax frimble backups');
    expect(a.unknown).toHaveLength(2);
    expect(a.content).toHaveLength(3);
    expect(a.content.slice(0, 2)).toEqual(a.unknown);
  });

  it('reads a question the same from remembered pieces as through wink-nlp, and tags the words it is asked to', async () => {
    const faq = await loadFaq(path.resolve(repoRoot, 'faq-data/faq.yaml'));
    const ids = new Set(faq.entries.map((e) => e.id));
    const questions = parseLabelledSet(readFileSync(path.resolve(repoRoot, 'faq-data/eval-set.yaml'), 'utf8'), 'eval-set.yaml', ids).map((q) => q.text);
    const vocabulary = new Set(faq.entries.flatMap((e) => [...e.phrasings, e.answer].flatMap((t) => analyzer.analyze(t).content)));
    const tagged = (stem: string): boolean => !vocabulary.has(stem);
    for (const q of [...questions, ...questions]) {
      const full = analyzer.analyze(q);
      const quick = analyzer.analyze(q, tagged);
      expect({ ...quick, naming: [] }, q).toEqual({ ...full, naming: [] });
      expect(quick.naming).toHaveLength(quick.content.length);
    }
  });

  it('still knows a foreign noun as a noun when the question is read from remembered pieces', () => {
    const everyWord = (): boolean => true;
    const first = analyzer.analyze('what about my car insurance', everyWord);
    const again = analyzer.analyze('what about my car insurance', everyWord);
    expect(again).toEqual(first);
    expect(again.naming[again.content.indexOf('car')]).toBe(true);
  });
});

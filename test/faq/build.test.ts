import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineError } from '../../src/errors.js';
import { buildFaq } from '../../src/faq/build.js';
import { loadFaq } from '../../src/faq/load.js';
import { faqYaml, repoRoot, type EntrySpec } from '../fixtures/faq/faq-yaml.js';

function errorOf(yamlText: string, source = 'faq-data/broken.yaml'): LineError {
  try {
    buildFaq(yamlText, source);
  } catch (err) {
    if (err instanceof LineError) return err;
    throw err;
  }
  throw new Error('expected buildFaq to throw a LineError');
}

const three: EntrySpec[] = [{ id: 'first-entry' }, { id: 'some-id' }, { id: 'third-entry' }];

describe('buildFaq errors', () => {
  it('names the file, the entry and the field of an entry with only 5 phrasings', () => {
    const entries = three.map((e) => (e.id === 'some-id' ? { ...e, phrasings: ['one', 'two', 'three', 'four', 'five'] } : e));
    const err = errorOf(faqYaml(entries));
    expect(err.code).toBe('FAQ_INVALID');
    expect(err.message).toContain('faq-data/broken.yaml');
    expect(err.message).toContain('entry 2 "some-id"');
    expect(err.message).toContain('field "phrasings"');
    expect(err.message).toContain('at least 6 phrasings');
  });

  it('names the entry and field of a missing answer', () => {
    const err = errorOf(faqYaml(three, { omit: { id: 'third-entry', field: 'answer' } }));
    expect(err.message).toMatch(/^faq-data\/broken\.yaml: entry 3 "third-entry", field "answer": /);
  });

  it('names the entry and field of an answer that is only spaces', () => {
    const err = errorOf(faqYaml(three.map((e) => (e.id === 'first-entry' ? { ...e, answer: '   ' } : e))));
    expect(err.message).toBe('faq-data/broken.yaml: entry 1 "first-entry", field "answer": must not be empty');
  });

  it('explains what an id must look like when one is not lowercase words joined by hyphens', () => {
    const err = errorOf(faqYaml([{ id: 'first-entry' }, { id: 'Backup_Zones' }]));
    expect(err.message).toContain('entry 2 "Backup_Zones", field "id"');
    expect(err.message).toContain('lowercase words joined by hyphens');
  });

  it('rejects an id used by an earlier entry, naming the second one', () => {
    const err = errorOf(faqYaml([{ id: 'first-entry' }, { id: 'some-id' }, { id: 'some-id', question: 'Another question' }]));
    expect(err.code).toBe('FAQ_INVALID');
    expect(err.message).toBe('faq-data/broken.yaml: entry 3 "some-id", field "id": is used by an earlier entry');
  });

  it('reports a YAML syntax error as FAQ_SYNTAX naming the file', () => {
    const err = errorOf('name: the FAQ\nentries:\n  - id: "unterminated\n    topic: x\n');
    expect(err.code).toBe('FAQ_SYNTAX');
    expect(err.message).toMatch(/^faq-data\/broken\.yaml: /);
  });

  it('rejects a file without entries', () => {
    const err = errorOf('name: the FAQ\napology: Sorry.\nentries: []\n');
    expect(err.message).toBe('faq-data/broken.yaml: field "entries": needs at least one entry');
  });

  it('rejects a field it does not know, so a misspelt field is not silently ignored', () => {
    const err = errorOf(faqYaml(three).replace('    answer: "The answer about some-id."', '    anwser: "The answer about some-id."'));
    expect(err.message).toContain('entry 2 "some-id"');
  });
});

describe('buildFaq topics and numbers', () => {
  const faq = buildFaq(
    faqYaml([
      { id: 'plan', topic: 'Continuity' },
      { id: 'isolation', topic: 'Security' },
      { id: 'maintenance', topic: 'Continuity', also: [{ topic: 'Security', question: 'Downtime / Maintenance windows' }] },
      { id: 'outages', topic: 'Security' },
    ]),
    'sample.yaml',
  );

  it('gives topics the letters A, B in order of first appearance', () => {
    expect(faq.topics.map((t) => [t.letter, t.name])).toEqual([
      ['A', 'Continuity'],
      ['B', 'Security'],
    ]);
  });

  it('lists an entry with an `also` topic under both topics, in file order', () => {
    expect(faq.topics.map((t) => t.entries.map((e) => e.id))).toEqual([
      ['plan', 'maintenance'],
      ['isolation', 'maintenance', 'outages'],
    ]);
  });

  it('numbers entries from 1 in file order', () => {
    expect(faq.entries.map((e) => [e.number, e.id])).toEqual([
      [1, 'plan'],
      [2, 'isolation'],
      [3, 'maintenance'],
      [4, 'outages'],
    ]);
  });

  it('fills in the default understanding settings', () => {
    expect(faq.understanding.clarifyMargin).toBe(0.02);
    expect(faq.understanding.threshold).toBe(0.5);
  });
});

describe('the real faq-data/faq.yaml', () => {
  it('loads, and every entry has at least 6 phrasings', async () => {
    const faq = await loadFaq(path.resolve(repoRoot, 'faq-data/faq.yaml'));
    expect(faq.entries.length).toBeGreaterThan(0);
    for (const e of faq.entries) expect(e.phrasings.length, e.id).toBeGreaterThanOrEqual(6);
  });

  it('names the path when the file cannot be read', async () => {
    await expect(loadFaq(path.resolve(repoRoot, 'faq-data/missing.yaml'))).rejects.toMatchObject({ code: 'FAQ_UNREADABLE', message: expect.stringContaining('missing.yaml') as unknown });
  });
});

import { describe, expect, it } from 'vitest';
import { LineError } from '../../src/errors.js';
import { buildFaqSet } from '../../src/faq/build.js';
import type { FaqTexts } from '../../src/faq/files.js';

/** An FAQ kept as the bundled one is: questions and answers in faq.yaml, the rest beside it. */
const main = [
  'name: the Example FAQ',
  'apology: Sorry.',
  'smalltalk:',
  '  - id: greeting',
  '    answer: Hello, I answer questions.',
  'entries:',
  '  - id: backup-zones',
  '    topic: Continuity',
  '    question: Backup zones',
  '    answer: Backups are kept in AWS US West.',
  '',
].join('\n');
const phrasings = [
  'synonyms:',
  '  backup: [back up]',
  'smalltalk:',
  '  greeting: [hello, hi, who are you]',
  'entries:',
  '  backup-zones: [where are backups stored, backup location, which region holds backups, backup zones, where do you keep backups, backups region]',
  '',
].join('\n');
const declines = 'everyday:\n  - how do i tie a tie\nnear-miss:\n  - how do i back up my phone\n';
const understanding = '# written by npm run calibrate\nthreshold: 0.4\nlinearShare: 0.3\n';

const set = (change: Partial<Record<'main' | 'phrasings' | 'declines' | 'understanding', string | undefined>> = {}): FaqTexts => {
  const texts = { main, phrasings, declines, understanding, ...change };
  const out: Record<string, { path: string; text: string }> = {};
  for (const [kind, text] of Object.entries(texts)) if (text !== undefined) out[kind] = { path: `faq-data/${kind === 'main' ? 'faq' : kind}.yaml`, text };
  return out as unknown as FaqTexts;
};

function errorOf(texts: FaqTexts): LineError {
  try {
    buildFaqSet(texts);
  } catch (err) {
    if (err instanceof LineError) return err;
    throw err;
  }
  throw new Error('expected buildFaqSet to throw a LineError');
}

describe('an FAQ kept in several files', () => {
  it('reads into one FAQ: phrasings, synonyms, declines in group order and settings from the files beside faq.yaml', () => {
    const faq = buildFaqSet(set());
    expect(faq.source).toBe('faq-data/faq.yaml');
    expect(faq.entries[0]?.phrasings).toContain('backup location');
    expect(faq.smalltalk.get('greeting')?.phrasings).toEqual(['hello', 'hi', 'who are you']);
    expect(faq.synonyms).toEqual({ backup: ['back up'] });
    expect(faq.declines).toEqual(['how do i tie a tie', 'how do i back up my phone']);
    expect(faq.understanding).toMatchObject({ threshold: 0.4, linearShare: 0.3, clarifyMargin: 0.02 });
  });

  it('names phrasings.yaml and the id of phrasings for an entry faq.yaml does not have', () => {
    const err = errorOf(set({ phrasings: `${phrasings}  backup-zone: [a, b, c, d, e, f]\n` }));
    expect(err.message).toBe('faq-data/phrasings.yaml: entry "backup-zone": is not an entry of faq-data/faq.yaml');
  });

  it('names phrasings.yaml and the entry when an entry has no phrasings there', () => {
    const err = errorOf(set({ main: `${main}  - id: insurance\n    topic: Security\n    question: Insurance\n    answer: We are insured.\n` }));
    expect(err.message).toMatch(/^faq-data\/phrasings\.yaml: entry "insurance": has no phrasings \(it is entry 2 "insurance" of faq-data\/faq\.yaml\)/);
  });

  it('names faq.yaml, the entry and the field when there is no phrasings.yaml', () => {
    const err = errorOf(set({ phrasings: undefined }));
    expect(err.message).toMatch(/^faq-data\/faq\.yaml: (small-talk )?entry 1 "(greeting|backup-zones)", field "phrasings"/);
  });

  it('names the entry of too few phrasings in phrasings.yaml', () => {
    const err = errorOf(set({ phrasings: phrasings.replace(/backup-zones: \[.*\]/, 'backup-zones: [one, two]') }));
    expect(err.message).toBe('faq-data/phrasings.yaml: entry "backup-zones": needs at least 6 phrasings of how people ask it');
  });

  it('names understanding.yaml and the setting when a setting is out of range or unknown', () => {
    expect(errorOf(set({ understanding: 'threshold: 2\n' })).message).toMatch(/^faq-data\/understanding\.yaml: field "threshold": /);
    expect(errorOf(set({ understanding: 'treshold: 0.3\n' })).message).toMatch(/^faq-data\/understanding\.yaml: .*treshold/);
  });

  it('names declines.yaml, the group and the question of an empty decline', () => {
    expect(errorOf(set({ declines: 'everyday:\n  - ok\n  - ""\n' })).message).toBe('faq-data/declines.yaml: group "everyday", question 2: must not be empty');
  });

  it('rejects a part given both in faq.yaml and in the file beside it', () => {
    expect(errorOf(set({ main: `${main}declines: [nope]\n` })).message).toBe('faq-data/faq.yaml: field "declines": is also given in faq-data/declines.yaml; keep one');
    expect(errorOf(set({ main: `understanding: {threshold: 0.5}\n${main}` })).message).toContain('field "understanding": is also given in faq-data/understanding.yaml');
  });

  it('reports a YAML syntax error in a file beside faq.yaml as FAQ_SYNTAX naming that file', () => {
    const err = errorOf(set({ declines: 'everyday: [unclosed\n' }));
    expect(err.code).toBe('FAQ_SYNTAX');
    expect(err.message).toMatch(/^faq-data\/declines\.yaml: /);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countProblems, lintFaq, phrasingKey } from '../../src/editor/lint.js';
import { SAMPLE_ENTRIES, sampleFaq, sampleYaml, type SampleEntry } from '../render/sample-faq.js';

const withEntry = (id: string, change: Partial<SampleEntry>) => SAMPLE_ENTRIES.map((e) => (e.id === id ? { ...e, ...change } : e));
const six = (...first: string[]) => [...first, 'one', 'two', 'three', 'four', 'five', 'six'].slice(0, 6);

describe('lintFaq', () => {
  it('finds no errors or warnings in a clean FAQ', () => {
    const counts = countProblems(lintFaq(sampleFaq()));
    expect(counts).toMatchObject({ error: 0, warning: 0 });
  });

  it('reports the same phrasing in two entries as an error naming both, ignoring case, punctuation and spacing', () => {
    const phrasings = (id: string, shared: string) => [shared, ...[1, 2, 3, 4, 5].map((n) => `${id} ${n}`)];
    const entries = SAMPLE_ENTRIES.map((e) =>
      e.id === 'backup-zones' ? { ...e, phrasings: phrasings(e.id, 'Where are   BACKUPS kept?') } : e.id === 'data-isolation' ? { ...e, phrasings: phrasings(e.id, 'where are backups kept') } : e,
    );
    const errors = lintFaq(sampleFaq(entries)).problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('entry "backup-zones" ("Where are   BACKUPS kept?")');
    expect(errors[0]?.message).toContain('entry "data-isolation" ("where are backups kept")');
  });

  it('reports a phrasing that is another entry’s question as an error', () => {
    const report = lintFaq(sampleFaq(withEntry('backup-zones', { phrasings: six('legal language for BCP.') })));
    expect(report.problems).toContainEqual({
      severity: 'error',
      where: 'entry "backup-zones"',
      message: 'phrasing "legal language for BCP." is the question of entry "legal-language-for-bcp"',
    });
  });

  describe('declines', () => {
    const withDeclines = (...declines: string[]) => ({ ...sampleFaq(withEntry('backup-zones', { phrasings: six('where are backups kept') })), declines });
    const about = (declines: string[]) => lintFaq(withDeclines(...declines)).problems.filter((p) => p.where === 'declines');

    it('reports a decline that is also a phrasing as an error naming the entry', () => {
      expect(about(['Where are backups kept?'])).toEqual([
        { severity: 'error', where: 'declines', message: 'decline "Where are backups kept?" is also a phrasing of entry "backup-zones": the line learns it both ways' },
      ]);
    });

    it('reports a decline that is a small-talk phrasing as an error, and one small talk answers first as a warning', () => {
      expect(about(['hello', 'thank you hi'])).toEqual([
        { severity: 'error', where: 'declines', message: 'decline "hello" is also a phrasing of small-talk "greeting": the line learns it both ways' },
        { severity: 'warning', where: 'declines', message: 'decline "thank you hi" is answered as small talk "thanks" before the classifier sees it' },
      ]);
    });

    it('warns about a decline one word away from a phrasing, and one given twice', () => {
      expect(about(['where are my backups kept', 'how do i tie a tie', 'How do I tie a tie?'])).toEqual([
        { severity: 'warning', where: 'declines', message: 'decline "where are my backups kept" is one word away from the phrasing "where are backups kept" of entry "backup-zones"' },
        { severity: 'warning', where: 'declines', message: 'decline "How do I tie a tie?" is given twice' },
      ]);
    });

    it('finds nothing in declines that share only some words with a phrasing', () => {
      expect(about(['where can i back up my phone', 'how do i tie a tie'])).toEqual([]);
    });
  });

  it('warns about a phrasing given twice in one entry', () => {
    const report = lintFaq(sampleFaq(withEntry('backup-zones', { phrasings: six('backup zones', 'Backup zones!') })));
    expect(report.problems).toContainEqual({ severity: 'warning', where: 'entry "backup-zones"', message: 'phrasing "Backup zones!" is given twice' });
    expect(countProblems(report).error).toBe(0);
  });

  it('reports an empty field as an error', () => {
    const faq = sampleFaq();
    const [first, ...rest] = faq.entries;
    const report = lintFaq({ ...faq, entries: [{ ...first!, answer: '  \n' }, ...rest] });
    expect(report.problems).toContainEqual({ severity: 'error', where: 'entry "business-continuity-plan"', message: 'field "answer" is empty' });
  });

  it('warns about characters that stay outside GSM-7 after normalisation, naming them', () => {
    const report = lintFaq(sampleFaq(withEntry('backup-zones', { answer: '© Twilio’s backups 😀 are safe.' })));
    const warning = report.problems.find((p) => p.severity === 'warning' && p.where === 'entry "backup-zones"');
    expect(warning?.message).toContain('"©" (U+00A9), "😀" (U+1F600)');
    expect(warning?.message).not.toContain('’');
    expect(report.answers.find((a) => a.id === 'backup-zones')).toMatchObject({ encodingBefore: 'UCS-2', encoding: 'UCS-2', nonGsm: ['©', '😀'] });
  });

  it('counts characters, encodings, segments and parts for known answers', () => {
    const entries = [
      { ...SAMPLE_ENTRIES[0]!, answer: `Twilio’s ${'a'.repeat(151)}` }, // 160 after normalisation: one GSM-7 segment
      { ...SAMPLE_ENTRIES[1]!, answer: 'b'.repeat(161) }, // 161: two segments of up to 153
      { ...SAMPLE_ENTRIES[2]!, answer: `© ${'c'.repeat(69)}` }, // 71 in UCS-2: two segments of up to 67
      { ...SAMPLE_ENTRIES[3]!, answer: `${'d'.repeat(999)}. ${'e'.repeat(999)}.` }, // two parts of 1,000 + " (n/2)"
    ];
    const stats = lintFaq(sampleFaq(entries)).answers;
    expect(stats[0]).toMatchObject({ chars: 160, encodingBefore: 'UCS-2', encoding: 'GSM-7', segments: 1, parts: 1 });
    expect(stats[1]).toMatchObject({ chars: 161, encodingBefore: 'GSM-7', encoding: 'GSM-7', segments: 2, parts: 1 });
    expect(stats[2]).toMatchObject({ chars: 71, encoding: 'UCS-2', segments: 2, parts: 1 });
    expect(stats[3]).toMatchObject({ chars: 2001, encoding: 'GSM-7', segments: 14, parts: 2 });
  });

  it('lists entries, then small talk, in the answer statistics', () => {
    expect(lintFaq(sampleFaq()).answers.map((a) => a.id)).toEqual([...SAMPLE_ENTRIES.map((e) => e.id), 'smalltalk/help', 'smalltalk/greeting', 'smalltalk/thanks']);
  });

  it('compares phrasings without case, punctuation or extra spaces', () => {
    expect(phrasingKey('  Where’s the BCP?? ')).toBe(phrasingKey("where's the bcp"));
  });
});

describe('npm run faq:lint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'faq-lint-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (yaml: string, ...args: string[]) => {
    const file = join(dir, `faq-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, yaml);
    return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/faq-lint.ts', file, ...args], { encoding: 'utf8' });
  };

  it('prints a table per answer and exits 0 for a clean file', () => {
    const result = run(sampleYaml());
    expect(result.stdout).toMatch(/backup-zones\s+54\s+GSM-7\s+1\s+1/);
    expect(result.status).toBe(0);
  });

  it('exits 1 with the error in JSON when two entries share a phrasing', () => {
    const result = run(sampleYaml(withEntry('backup-zones', { phrasings: six('legal language for bcp 1') })), '--json');
    const report = JSON.parse(result.stdout) as { counts: { error: number }; problems: Array<{ severity: string; message: string }> };
    expect(report.counts.error).toBe(1);
    expect(report.problems[0]?.message).toContain('entry "legal-language-for-bcp"');
    expect(result.status).toBe(1);
  });

  it('exits 1 with the schema error described when the file is invalid', () => {
    const result = run(sampleYaml(withEntry('backup-zones', { phrasings: ['only one'] })));
    expect(result.stderr).toContain('FAQ_INVALID');
    expect(result.stderr).toContain('"backup-zones"');
    expect(result.status).toBe(1);
  });
});

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { clincFaq, entryId, loadClinc } from '../../src/eval/clinc.js';
import { createClassifier } from '../../src/nlu/classifier.js';
import { repoRoot } from '../fixtures/faq/faq-yaml.js';

// A tiny dataset in CLINC150's format, written for these tests (the real one is never copied here).
const fixtures = `${repoRoot}/test/fixtures/clinc`;

describe('CLINC150 loading', () => {
  it('turns intents into FAQ entries through the FAQ validation, with out-of-scope queries unlabelled', () => {
    const data = loadClinc(fixtures, 'small');
    const faq = clincFaq(data);
    expect(faq.entries.map((e) => e.id)).toEqual(['balance', 'weather', 'timer']);
    expect(faq.entries[0]?.phrasings).toHaveLength(6);
    expect(data.test.filter((q) => q.expect === undefined).map((q) => q.text)).toEqual(['play some jazz music', 'what is the capital of peru']);
  });

  it('names the missing file and how to point at the dataset', () => {
    expect(() => loadClinc(fixtures, 'full')).toThrow(/data_full\.json/);
  });

  it('makes intent names valid entry ids', () => {
    expect(entryId('meaning_of_life')).toBe('meaning-of-life');
  });

  it('trains an engine that ranks the right intent first', () => {
    const faq = clincFaq(loadClinc(fixtures, 'small'));
    const classifier = createClassifier(faq, { ...faq.understanding, threshold: 0 });
    expect(classifier.classify('what is my checking balance').best?.entry.id).toBe('balance');
    expect(classifier.classify('start a five minute timer').best?.entry.id).toBe('timer');
  });
});

describe('npm run bench:clinc', () => {
  it('prints the table and ends with the line automation reads', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/bench-clinc.ts', '--data', fixtures, '--split', 'small'], { cwd: repoRoot, encoding: 'utf8' });
    expect(out).toContain('| DialogFlow |');
    expect(out).toMatch(/<- chosen/);
    expect(out.trim().split('\n').at(-1)).toMatch(/^clinc150 small in-scope=\d+\.\d oos-recall=\d+\.\d$/);
  }, 60_000);

  it('says clearly when the dataset is missing, with a non-zero exit', () => {
    let message = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/bench-clinc.ts', '--data', '/nonexistent', '--split', 'full'], { cwd: repoRoot, encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      message = String((err as { stderr?: string }).stderr);
    }
    expect(message).toContain('CLINC150 full split not found: /nonexistent/data_full.json');
    expect(message).toContain('--data');
  }, 60_000);
});

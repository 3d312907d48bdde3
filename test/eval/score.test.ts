import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/eval/score.js';
import { buildFaq } from '../../src/faq/build.js';
import { createLine } from '../../src/line.js';
import { backupZones, faqYaml, insurance, repoRoot, type EntrySpec } from '../fixtures/faq/faq-yaml.js';

const entries: EntrySpec[] = [backupZones, insurance];
const line = createLine(buildFaq(faqYaml(entries, { understanding: { threshold: 0.3 } }), 'tiny.yaml'));

describe('evaluate', () => {
  const report = evaluate(line, [
    { text: 'where are the backups stored', expect: 'backup-zones' },
    { text: 'do you have insurance', expect: 'insurance' },
    { text: 'do you have insurance', expect: 'backup-zones' },
    { text: 'best pizza in new york', kind: 'everyday' },
    { text: 'cyber insurance', kind: 'near-miss' },
    { text: 'qwzx plmk' },
  ]);

  it('counts in-scope questions answered with the expected entry as correct', () => {
    expect(report.inScope).toMatchObject({ total: 3, correct: 2, clarified: 0 });
  });

  it('counts out-of-scope questions the line declined as rejected, by kind', () => {
    expect(report.outOfScope.total).toBe(3);
    expect(report.outOfScope.rejected).toBe(2);
    expect(Object.fromEntries(report.outOfScope.byKind)).toEqual({
      everyday: { total: 1, rejected: 1 },
      'near-miss': { total: 1, rejected: 0 },
      other: { total: 1, rejected: 1 },
    });
  });

  it('records what the line did with each question', () => {
    expect(report.outcomes.map((o) => [o.kind, o.got, o.correct])).toEqual([
      ['answer', 'backup-zones', true],
      ['answer', 'insurance', true],
      ['answer', 'insurance', false],
      ['apology', undefined, true],
      ['answer', 'insurance', false],
      ['apology', undefined, true],
    ]);
  });
});

describe('the eval command', () => {
  const run = promisify(execFile);
  const tinySet = path.resolve(repoRoot, 'test/fixtures/faq/eval-tiny.yaml');
  const evalCli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli/eval.ts', '--set', tinySet, ...args], { cwd: repoRoot });

  it('prints the in-scope accuracy and exits 0 when the targets are met', async () => {
    const { stdout } = await evalCli('--min-in', '0', '--min-out', '0');
    expect(stdout).toContain('in-scope answered correctly');
    expect(stdout).toContain('out-of-scope rejected');
    expect(stdout).toContain('PASS');
  });

  it('exits 1 and prints FAIL when a target cannot be met', async () => {
    const failed = await evalCli('--min-in', '1.01', '--min-out', '0').then(
      () => undefined,
      (err: { code?: number; stdout?: string }) => err,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toContain('FAIL');
  });

  it('exits 2 naming the question when the set expects an entry the FAQ does not have', async () => {
    const badSet = path.resolve(repoRoot, 'test/fixtures/faq/eval-unknown-id.yaml');
    const failed = await run(process.execPath, ['--import', 'tsx', 'src/cli/eval.ts', '--set', badSet], { cwd: repoRoot }).then(
      () => undefined,
      (err: { code?: number; stderr?: string }) => err,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain('question "where do you keep the pizza?" expects "pizza-oven"');
  });
});

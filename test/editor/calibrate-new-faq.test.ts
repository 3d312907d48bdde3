import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { foldOf } from '../../src/editor/calibrate.js';
import { backupZones, faqYaml, insurance, repoRoot } from '../fixtures/faq/faq-yaml.js';

const run = promisify(execFile);

describe('calibration folds', () => {
  it('puts a phrasing written twice (case, punctuation and spacing aside) in the same fold', () => {
    for (const folds of [3, 5, 7]) {
      expect(foldOf('Where are backups stored?', folds)).toBe(foldOf('where are  backups stored', folds));
      expect(foldOf('BCP pdf, pls!', folds)).toBe(foldOf('bcp pdf pls', folds));
    }
  });

  it('spreads different phrasings over every fold', () => {
    const folds = new Set(Array.from({ length: 60 }, (_, i) => foldOf(`question number ${i}`, 5)));
    expect(folds.size).toBe(5);
  });
});

describe('npm run calibrate on a new FAQ', () => {
  it('calibrates an FAQ that has no declines against the general out-of-scope set', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'calibrate-'));
    const file = path.join(dir, 'faq.yaml');
    writeFileSync(file, faqYaml([backupZones, insurance]));
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/calibrate.ts', '--faq', file, '--dry-run'], { cwd: repoRoot });
    expect(stdout).toContain('has no declines: scoring the general out-of-scope set');
    expect(stdout).toMatch(/chosen: \{.*"threshold":0\.\d+\}/);
  }, 120_000);
});

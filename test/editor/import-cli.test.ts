import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../fixtures/faq/faq-yaml.js';

const run = promisify(execFile);
const SMALL = path.resolve(repoRoot, 'test/fixtures/faq/export-small.txt');
const dir = mkdtempSync(path.join(tmpdir(), 'faq-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const importCli = (out: string) => run(process.execPath, ['--import', 'tsx', 'src/cli/faq-import.ts', SMALL, '--out', out], { cwd: repoRoot });
const entriesOf = (file: string) => (parse(readFileSync(file, 'utf8')) as { entries: { id: string; phrasings: string[] }[] }).entries;

describe('the faq:import command', () => {
  it('writes a new data file and lists the new entries that need phrasings', async () => {
    const out = path.join(dir, 'new.yaml');
    const { stderr } = await importCli(out);
    expect(stderr).toContain('4 entries from 6 blocks');
    expect(stderr).toContain('new, write at least 6 phrasings for each before starting the line: recovery-plan, patch-window, allowlisting, hard-down-outages');
    expect(entriesOf(out).map((e) => e.id)).toEqual(['recovery-plan', 'patch-window', 'allowlisting', 'hard-down-outages']);
  });

  it('keeps the phrasings an editor wrote when the export is imported again', async () => {
    const out = path.join(dir, 'edited.yaml');
    await importCli(out);
    const text = readFileSync(out, 'utf8').replace(/phrasings: \[\]/g, 'phrasings: [one, two, three, four, five, six]');
    writeFileSync(out, text);
    const { stderr } = await importCli(out);
    expect(stderr).not.toContain('new, write');
    expect(entriesOf(out).map((e) => e.phrasings.length)).toEqual([6, 6, 6, 6]);
  });

  // Bug: readPrevious in src/cli/faq-import.ts falls back to faqFileSchema.partial(), which still
  // requires 6 phrasings per entry, so a file left unfinished by the first import cannot be
  // re-imported (exit 1 and a raw zod issue list). Remove `.fails` once the fallback accepts it.
  it('imports again over a file whose new entries have no phrasings yet', async () => {
    const out = path.join(dir, 'unfinished.yaml');
    await importCli(out);
    const { stderr } = await importCli(out);
    expect(stderr).toContain('4 entries from 6 blocks');
  });
});

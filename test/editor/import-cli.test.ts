import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

const SOURCE = path.resolve(repoRoot, 'faq-data/source/twilio-faq.txt');
const importCli = (out: string, from = SMALL) => run(process.execPath, ['--import', 'tsx', 'src/cli/faq-import.ts', from, '--out', out], { cwd: repoRoot });
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

  it('changes nothing when the source export the bundled FAQ came from is imported onto it', async () => {
    const folder = mkdtempSync(path.join(dir, 'bundled-'));
    const files = ['faq.yaml', 'phrasings.yaml', 'declines.yaml', 'understanding.yaml'];
    for (const f of files) copyFileSync(path.resolve(repoRoot, 'faq-data', f), path.join(folder, f));
    const { stderr } = await importCli(path.join(folder, 'faq.yaml'), SOURCE);
    expect(stderr).toContain('faq.yaml unchanged');
    expect(stderr).not.toMatch(/answer changed|removed|new, write/);
    for (const f of files) expect(readFileSync(path.join(folder, f), 'utf8'), f).toBe(readFileSync(path.resolve(repoRoot, 'faq-data', f), 'utf8'));
  });
});

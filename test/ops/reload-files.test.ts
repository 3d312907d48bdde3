import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createFaqReloader, type FaqReloader } from '../../src/ops/reload.js';
import { copySiblings } from '../helpers/faq-set.js';

/** Reloading an FAQ kept in several files: faq.yaml with phrasings.yaml, declines.yaml, ... beside it. */

let original: string;
let dir: string;
let file: string;
let logs: Record<string, unknown>[];
let reloader: FaqReloader | undefined;

beforeAll(async () => {
  original = await readFile(loadConfig({}).faqFile, 'utf8');
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faq-reload-files-'));
  file = join(dir, 'faq.yaml');
  await writeFile(file, original);
  await copySiblings(dir);
  logs = [];
});

afterEach(async () => {
  reloader?.close();
  reloader = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function start(): Promise<FaqReloader> {
  const logger = createLogger({ level: 'info' }, { write: (l: string) => void logs.push(JSON.parse(l) as Record<string, unknown>) });
  reloader = await createFaqReloader({ file, logger, debounceMs: 50 });
  return reloader;
}

/** Save faq.yaml the way editors do: write a temporary file beside it, then rename it over the original. */
async function save(text: string): Promise<void> {
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
}

describe('FAQ reload of the files beside faq.yaml', { timeout: 60_000 }, () => {
  it('rejects phrasings for an entry faq.yaml does not have, naming the file and the id, and keeps serving', async () => {
    const r = await start();
    const before = r.current();
    const phrasings = join(dir, 'phrasings.yaml');
    await writeFile(phrasings, (await readFile(phrasings, 'utf8')).replace(/^ {2}insurance:$/m, '  insurence:'));
    const result = await r.reload('test');
    expect(result.status === 'rejected' && result.error.message).toBe(`${phrasings}: entry "insurence": is not an entry of ${file}`);
    expect(r.current()).toBe(before);
  });

  it('serves an edit of two files once both are saved: an entry without its phrasings is rejected first', async () => {
    const r = await start();
    const entry = '  - id: office-pets\n    topic: Cloud Security\n    question: Office pets\n    answer: Dogs are welcome in every office.\n';
    await save(`${original.trimEnd()}\n\n${entry}`);
    const half = await r.reload('test');
    expect(half.status === 'rejected' && half.error.message).toMatch(/phrasings\.yaml: entry "office-pets": has no phrasings/);
    const phrasings = join(dir, 'phrasings.yaml');
    const lines = ['dogs at the office', 'can i bring my dog', 'office pets', 'pets allowed at work', 'pet policy', 'are cats welcome'];
    await writeFile(phrasings, `${(await readFile(phrasings, 'utf8')).trimEnd()}\n  office-pets: ${JSON.stringify(lines)}\n`);
    expect(await r.reload('test')).toMatchObject({ status: 'loaded' });
    expect(r.current().faq.entries.at(-1)?.id).toBe('office-pets');
  });

  it('reloads on its own when watching and only phrasings.yaml changes', async () => {
    const r = await start();
    r.watch();
    const phrasings = join(dir, 'phrasings.yaml');
    await writeFile(phrasings, (await readFile(phrasings, 'utf8')).replace(/^ {2}insurance:$/m, '  insurance:\n    - do you carry e and o cover'));
    const deadline = Date.now() + 30_000; // a bound, not a speed claim: reloads build in a worker, slow on a loaded machine
    while (!r.current().faq.entries.find((e) => e.id === 'insurance')?.phrasings.includes('do you carry e and o cover')) {
      if (Date.now() > deadline) throw new Error('the watch did not reload the FAQ within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(logs.some((l) => l.msg === 'FAQ reloaded' && l.reason === 'file changed')).toBe(true);
  });
});

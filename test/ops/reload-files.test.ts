import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FaqReloader } from '../../src/ops/reload.js';
import { useFaqFolder } from '../helpers/faq-set.js';

/** Reloading an FAQ kept in several files: faq.yaml with phrasings.yaml, declines.yaml, ... beside it. */

const faq = useFaqFolder('faq-reload-files-');
const logs = faq.logs;

const start = (): Promise<FaqReloader> => faq.start({ debounceMs: 50 });

const save = (text: string): Promise<void> => faq.save(text);

describe('FAQ reload of the files beside faq.yaml', { timeout: 60_000 }, () => {
  it('rejects phrasings for an entry faq.yaml does not have, naming the file and the id, and keeps serving', async () => {
    const r = await start();
    const before = r.current();
    const phrasings = join(faq.dir, 'phrasings.yaml');
    await writeFile(phrasings, (await readFile(phrasings, 'utf8')).replace(/^ {2}insurance:$/m, '  insurence:'));
    const result = await r.reload('test');
    expect(result.status === 'rejected' && result.error.message).toBe(`${phrasings}: entry "insurence": is not an entry of ${faq.file}`);
    expect(r.current()).toBe(before);
  });

  it('serves an edit of two files once both are saved: an entry without its phrasings is rejected first', async () => {
    const r = await start();
    const entry = '  - id: office-pets\n    topic: Cloud Security\n    question: Office pets\n    answer: Dogs are welcome in every office.\n';
    await save(`${faq.original.trimEnd()}\n\n${entry}`);
    const half = await r.reload('test');
    expect(half.status === 'rejected' && half.error.message).toMatch(/phrasings\.yaml: entry "office-pets": has no phrasings/);
    const phrasings = join(faq.dir, 'phrasings.yaml');
    const lines = ['dogs at the office', 'can i bring my dog', 'office pets', 'pets allowed at work', 'pet policy', 'are cats welcome'];
    await writeFile(phrasings, `${(await readFile(phrasings, 'utf8')).trimEnd()}\n  office-pets: ${JSON.stringify(lines)}\n`);
    expect(await r.reload('test')).toMatchObject({ status: 'loaded' });
    expect(r.current().faq.entries.at(-1)?.id).toBe('office-pets');
  });

  it('reloads on its own when watching and only phrasings.yaml changes', async () => {
    const r = await start();
    r.watch();
    const phrasings = join(faq.dir, 'phrasings.yaml');
    await writeFile(phrasings, (await readFile(phrasings, 'utf8')).replace(/^ {2}insurance:$/m, '  insurance:\n    - do you carry e and o cover'));
    const deadline = Date.now() + 30_000; // a bound, not a speed claim: reloads build in a worker, slow on a loaded machine
    while (!r.current().faq.entries.find((e) => e.id === 'insurance')?.phrasings.includes('do you carry e and o cover')) {
      if (Date.now() > deadline) throw new Error('the watch did not reload the FAQ within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(logs.some((l) => l.msg === 'FAQ reloaded' && l.reason === 'file changed')).toBe(true);
  });
});

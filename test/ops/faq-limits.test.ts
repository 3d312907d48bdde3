import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FaqReloader } from '../../src/ops/reload.js';
import { copySiblings, useFaqFolder, type FaqFolder } from '../helpers/faq-set.js';
import { formPost } from '../helpers/sign.js';
import { opsApp } from './ops-app.js';

/** FAQ files that are too large, take the YAML parser minutes, are half written, or lose their folder. */

const OLD = 'We carry Technology Errors and Omissions Liability insurance under our cyber liability insurance program.';
const NEW = 'We are insured against errors and omissions, and against cyber incidents.';

const faq = useFaqFolder('faq-limits-');
const logs = faq.logs;

const start = (options: Parameters<FaqFolder['start']>[0] = {}): Promise<FaqReloader> => faq.start(options);

/** About `bytes` of YAML the parser takes minutes to reject (one flow sequence never closed). */
function malformed(bytes: number): string {
  const line = (i: number) => `line ${i}: [unclosed {x: "y\n  - - : :\n`;
  let text = '';
  for (let i = 0; text.length < bytes; i += 1) text += line(i);
  return text;
}

const insurance = (r: FaqReloader) => r.current().faq.entries.find((e) => e.id === 'insurance')?.answer;

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('FAQ file limits', () => {
  it('refuses a file over the size limit at start and on reload, naming the file and the limit', async () => {
    await writeFile(faq.file, faq.original + `# ${'x'.repeat(200_000)}\n`);
    await expect(start({ maxBytes: 100 * 1024 })).rejects.toMatchObject({ code: 'FAQ_INVALID', message: expect.stringMatching(/faq\.yaml: is \d+ KB, over the FAQ size limit of 100 KB/) });
    await writeFile(faq.file, faq.original);
    const r = await start({ maxBytes: 100 * 1024 });
    await writeFile(faq.file, `${faq.original}# ${'x'.repeat(200_000)}\n`);
    const result = await r.reload('test');
    expect(result.status).toBe('rejected');
    expect(String(logs.find((l) => String(l.msg).startsWith('FAQ reload rejected'))?.msg)).toContain('FAQ_MAX_SIZE');
  });

  it('holds each file of the FAQ to the size limit, naming the file', async () => {
    const r = await start({ maxBytes: 100 * 1024 });
    await appendFile(join(faq.dir, 'declines.yaml'), `# ${'x'.repeat(200_000)}\n`);
    const result = await r.reload('test');
    expect(result.status === 'rejected' && result.error.message).toMatch(/declines\.yaml: is \d+ KB, over the FAQ size limit of 100 KB/);
    expect(insurance(r)).toBe(OLD);
  });

  it('keeps answering every request while a malformed 1 MB file is rejected (the parse runs in a worker, with a time limit)', async () => {
    const r = await start({ checkTimeoutMs: 8000 });
    const { app } = await opsApp({}, () => r.current());
    await writeFile(faq.file, malformed(1024 * 1024));
    const reloading = r.reload('test');
    let done = false;
    void reloading.then(() => (done = true));
    const answers: number[] = [];
    while (!done) {
      // about 10 requests a second, each awaited: a stalled event loop would hold them all
      answers.push((await formPost(app, '/sms', { Body: 'Insurance', From: '+14155551567' })).status);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const result = await reloading;
    expect(result.status).toBe('rejected');
    expect(result.status === 'rejected' && result.error.message).toMatch(/faq\.yaml: parsing it took over 8 s/);
    expect(answers.length).toBeGreaterThan(5);
    expect(answers.every((s) => s === 200)).toBe(true);
    expect(insurance(r)).toBe(OLD);
  }, 60_000);

  it('does not swap in a file still being written, even one that would validate half written', async () => {
    const r = await start({ pollMs: 100 });
    const allDeclines = r.current().faq.declines.length;
    r.watch();
    // faq.yaml has the questions and phrasings.yaml their phrasings, so half of either is rejected
    // (phrasings of an unknown entry, or an entry without phrasings); half of declines.yaml is valid
    const declines = join(faq.dir, 'declines.yaml');
    const whole = await readFile(declines, 'utf8');
    const groups = [...whole.matchAll(/\n\n# /g)].map((m) => m.index ?? 0);
    const cut = groups[Math.floor(groups.length / 2)] ?? 0;
    await writeFile(faq.file, faq.original.replace(OLD, NEW));
    await writeFile(declines, whole.slice(0, cut)); // half the groups of declines: still a valid FAQ
    await new Promise((resolve) => setTimeout(resolve, 500)); // an editor or copy pausing mid-write
    await appendFile(declines, whole.slice(cut));
    await until(() => insurance(r) === NEW, 'the complete file is served');
    const reloaded = logs.filter((l) => l.msg === 'FAQ reloaded');
    expect(reloaded.map((l) => l.entries)).toEqual([r.current().faq.entries.length]);
    expect(r.current().faq.declines).toHaveLength(allDeclines);
  }, 30_000);

  it('keeps watching when its folder is deleted and created again', async () => {
    const r = await start({ pollMs: 100, debounceMs: 200 });
    r.watch();
    await rm(faq.dir, { recursive: true, force: true });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await mkdir(faq.dir);
    await copySiblings(faq.dir);
    await writeFile(`${faq.file}.tmp`, faq.original.replace(OLD, NEW));
    await import('node:fs/promises').then((fs) => fs.rename(`${faq.file}.tmp`, faq.file));
    await until(() => insurance(r) === NEW, 'the file in the new folder is served');
    expect(logs.some((l) => l.msg === 'FAQ reloaded' && l.reason === 'file changed')).toBe(true);
  }, 30_000);
});

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateFaqYaml } from '../../bench/lib/faq-gen.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createFaqReloader, type FaqReloader } from '../../src/ops/reload.js';
import { copySiblings, removeSiblings } from '../helpers/faq-set.js';
import { formPost } from '../helpers/sign.js';
import { smsMessages } from '../helpers/twiml.js';
import { opsApp } from './ops-app.js';

const QUESTIONS = [
  'Where are backups stored?',
  'does twilio have insurance',
  'can ur staff work remotely after a disaster',
  'whats the RTO',
  'what is the weather in paris',
  'is aws having an outage',
  'who underwrites your insurance',
  'hello',
];

let original: string;
let dir: string;
let file: string;
let cache: string;
let logs: Record<string, unknown>[];
const reloaders: FaqReloader[] = [];

beforeAll(async () => {
  original = await readFile(loadConfig({}).faqFile, 'utf8');
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faq-model-cache-'));
  file = join(dir, 'faq.yaml');
  cache = join(dir, 'models');
  await writeFile(file, original);
  await copySiblings(dir);
  logs = [];
});

afterEach(async () => {
  for (const r of reloaders.splice(0)) r.close();
  await rm(dir, { recursive: true, force: true });
});

/** Start the line's FAQ as main does, with the cache folder unless `withCache` is false. */
async function start(withCache = true): Promise<FaqReloader> {
  const logger = createLogger({ level: 'info' }, { write: (l: string) => void logs.push(JSON.parse(l) as Record<string, unknown>) });
  const r = await createFaqReloader({ file, logger, ...(withCache ? { modelCacheDir: cache } : {}) });
  reloaders.push(r);
  return r;
}

/** What a texter gets back for each question, through the /sms webhook of `r`'s line (by default the test's line, built in this thread). */
async function answers(r?: FaqReloader): Promise<string[][]> {
  const { app } = await opsApp({}, r?.current);
  const replies: string[][] = [];
  for (const [i, q] of QUESTIONS.entries()) {
    const res = await formPost(app, '/sms', { Body: q, From: `+1415555${String(1000 + i)}` });
    expect(res.status).toBe(200);
    replies.push(smsMessages(res.text));
  }
  return replies;
}

const builds = (): number => logs.filter((l) => l.msg === 'classifier index built').length;

async function cacheFiles(): Promise<string[]> {
  return (await readdir(cache)).filter((n) => n.endsWith('.model'));
}

// each start builds in a worker thread (tsx boots it in tests): slow on a loaded machine
describe('the classifier index cache', { timeout: 120_000 }, () => {
  it('gives the same answers from the cache as from a fresh build, and a second start skips the build', async () => {
    const inThread = await answers();
    const uncached = await answers(await start(false));
    expect(uncached).toEqual(inThread);
    expect(builds()).toBe(1);
    const first = await answers(await start());
    expect(builds()).toBe(2);
    expect(await cacheFiles()).toHaveLength(1);
    const second = await answers(await start());
    expect(builds()).toBe(2);
    expect(first).toEqual(uncached);
    expect(second).toEqual(uncached);
    expect(second[0]?.join(' ')).toMatch(/backup/i);
  });

  it('ignores a corrupt or cut-short cache file, rebuilds it and answers as usual', async () => {
    const good = await answers(await start());
    const [name] = await cacheFiles();
    const path = join(cache, name ?? '');
    const bytes = await readFile(path);
    const damaged = Buffer.from(bytes);
    damaged[bytes.length >> 1] = (damaged[bytes.length >> 1] ?? 0) ^ 0xff;
    for (const broken of [damaged, bytes.subarray(0, bytes.length >> 1), Buffer.from('not a model'), Buffer.alloc(0)]) {
      await writeFile(path, broken);
      const before = builds();
      expect(await answers(await start())).toEqual(good);
      expect(builds()).toBe(before + 1);
      expect(await readFile(path)).toEqual(bytes);
    }
  });

  it('rebuilds when the FAQ changes, and serves the new text; the earlier version stays cached', async () => {
    await start();
    const OLD = 'We carry Technology Errors and Omissions Liability insurance under our cyber liability insurance program.';
    const NEW = 'We are insured against errors and omissions, and against cyber incidents.';
    expect(original).toContain(OLD);
    await writeFile(file, original.replace(OLD, NEW));
    const replies = await answers(await start());
    expect(builds()).toBe(2);
    expect(replies[1]?.join(' ')).toContain(NEW);
    expect(await cacheFiles()).toHaveLength(2);
    await writeFile(file, original);
    await start();
    expect(builds()).toBe(2);
  });

  it('keeps answering while a reload builds the index of a large FAQ', async () => {
    const r = await start(false);
    const { app } = await opsApp({}, r.current);
    await removeSiblings(dir); // the generated FAQ keeps everything in one file
    await writeFile(file, generateFaqYaml(400));
    let building = false;
    let done = false;
    let answeredWhileBuilding = 0;
    const reload = r.reload('test').finally(() => (done = true));
    let n = 0;
    while (!done) {
      building ||= logs.some((l) => l.msg === 'building the classifier index in a worker thread' && builds() === 1);
      const res = await formPost(app, '/sms', { Body: 'Where are backups stored?', From: `+1415666${String(1000 + (n++ % 9000))}` });
      expect(res.status).toBe(200);
      if (building && !done && smsMessages(res.text).join(' ').match(/backup/i)) answeredWhileBuilding++;
    }
    expect(await reload).toEqual({ status: 'loaded', entries: 400 });
    expect(answeredWhileBuilding).toBeGreaterThan(0);
    expect(r.current().faq.entries).toHaveLength(400);
  });
});

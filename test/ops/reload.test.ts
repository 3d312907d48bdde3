import { rm, writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/ops/metrics.js';
import { createFaqReloader, type FaqReloader } from '../../src/ops/reload.js';
import { useFaqFolder } from '../helpers/faq-set.js';
import { formPost } from '../helpers/sign.js';
import { smsMessages } from '../helpers/twiml.js';
import { opsApp, sample } from './ops-app.js';

const OLD = 'We carry Technology Errors and Omissions Liability insurance under our cyber liability insurance program.';
const NEW = 'We are insured against errors and omissions, and against cyber incidents.';

const faq = useFaqFolder('faq-reload-');
const logs = faq.logs;

beforeAll(() => {
  expect(faq.original).toContain(OLD);
});

const start = (onLoad?: Parameters<typeof createFaqReloader>[0]['onLoad']): Promise<FaqReloader> => faq.start({ debounceMs: 50, ...(onLoad ? { onLoad } : {}) });

const save = (text: string): Promise<void> => faq.save(text);

/** The text of the reply to "Insurance": the old answer or the new one. */
async function askInsurance(app: Parameters<typeof formPost>[0]): Promise<string> {
  const res = await formPost(app, '/sms', { Body: 'Insurance', From: '+14155551567' });
  expect(res.status).toBe(200);
  return smsMessages(res.text).join(' ');
}

/** Send `count` questions, `concurrency` at a time, while `during` runs; every answer's text. */
async function traffic(app: Parameters<typeof formPost>[0], count: number, during: () => Promise<unknown>): Promise<string[]> {
  const answers: string[] = [];
  let sent = 0;
  const worker = async (): Promise<void> => {
    while (sent < count) {
      sent += 1;
      answers.push(await askInsurance(app));
    }
  };
  await Promise.all([...Array.from({ length: 8 }, worker), during()]);
  return answers;
}

// each reload now also parses in a worker thread (tsx boots it in tests): slower on a loaded machine
describe('FAQ reload', { timeout: 60_000 }, () => {
  it('serves a good edit without a restart', async () => {
    const r = await start();
    const { app } = await opsApp({}, r.current);
    expect(await askInsurance(app)).toContain(OLD);
    await save(faq.original.replace(OLD, NEW));
    expect(await r.reload('test')).toEqual({ status: 'loaded', entries: r.current().faq.entries.length });
    expect(await askInsurance(app)).toContain(NEW);
    expect(logs.some((l) => l.msg === 'FAQ reloaded' && l.reason === 'test')).toBe(true);
  });

  it('rejects a broken edit during traffic, logging file, entry and field, while every request is answered from the old FAQ', async () => {
    const r = await start();
    const { app } = await opsApp({}, r.current);
    const before = r.current();
    const broken = faq.original.replace(`answer: ${OLD}`, 'answer:\n      - not a string');
    await save(broken);
    let result: Awaited<ReturnType<FaqReloader['reload']>> | undefined;
    const answers = await traffic(app, 120, async () => {
      result = await r.reload('SIGHUP');
    });
    expect(result?.status).toBe('rejected');
    expect(r.current()).toBe(before);
    expect(answers).toHaveLength(120);
    for (const a of answers) expect(a).toContain(OLD);
    const error = logs.find((l) => l.level === 50);
    expect(error?.msg).toMatch(/FAQ reload rejected, still serving the previous FAQ/);
    expect(error?.msg).toContain(faq.file);
    expect(error?.msg).toMatch(/entry \d+ "insurance", field "answer"/);
    expect(error).toMatchObject({ code: 'FAQ_INVALID', reason: 'SIGHUP', faqFile: faq.file });
  });

  it('rejects a file that is not YAML, or is gone, and keeps serving', async () => {
    const r = await start();
    const before = r.current();
    await save('entries: [unclosed');
    expect((await r.reload('test')).status).toBe('rejected');
    await rm(faq.file);
    expect((await r.reload('test')).status).toBe('rejected');
    expect(r.current()).toBe(before);
    expect(logs.filter((l) => l.level === 50).map((l) => l.code)).toEqual(['FAQ_SYNTAX', 'FAQ_UNREADABLE']);
  });

  it('swaps in one step during traffic: each reply is wholly the old FAQ or wholly the new', async () => {
    const r = await start();
    const { app } = await opsApp({}, r.current);
    await save(faq.original.replace(OLD, NEW));
    const answers = await traffic(app, 120, () => r.reload('test'));
    for (const a of answers) expect([a.includes(OLD), a.includes(NEW)]).toContain(true);
    expect(answers.every((a) => !(a.includes(OLD) && a.includes(NEW)))).toBe(true);
    expect(await askInsurance(app)).toContain(NEW);
  });

  it('does nothing when the file has not changed', async () => {
    const r = await start();
    const before = r.current();
    expect(await r.reload('test')).toEqual({ status: 'unchanged' });
    expect(r.current()).toBe(before);
  });

  it('coalesces reloads asked for while one runs into one more run after it', async () => {
    const r = await start();
    await save(faq.original.replace(OLD, NEW));
    const a = r.reload('a');
    const b = r.reload('b');
    const c = r.reload('c');
    expect(b).toBe(c);
    expect(await a).toMatchObject({ status: 'loaded' });
    expect(await b).toEqual({ status: 'unchanged' });
    expect(logs.filter((l) => l.msg === 'FAQ file unchanged: nothing to reload')).toHaveLength(1);
    expect(r.current().faq.entries.find((e) => e.id === 'insurance')?.answer).toBe(NEW);
  });

  it('reloads on its own when watching and the file is replaced', async () => {
    const r = await start();
    r.watch();
    await save(faq.original.replace(OLD, NEW));
    // A bound, not a speed claim: on a busy machine the worker's check alone can take seconds.
    const deadline = Date.now() + 30_000;
    while (r.current().faq.entries.find((e) => e.id === 'insurance')?.answer !== NEW) {
      if (Date.now() > deadline) throw new Error('the watch did not reload the FAQ within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(logs.some((l) => l.msg === 'FAQ reloaded' && l.reason === 'file changed')).toBe(true);
  }, 40_000);

  it('counts loads and rejections in the metrics', async () => {
    const metrics = createMetrics();
    const r = await start(metrics.faqLoaded);
    await save('entries: [unclosed');
    await r.reload('test');
    const text = await metrics.registry.metrics();
    expect(sample(text, 'faq_line_faq_loads_total{result="ok"}')).toBe(1);
    expect(sample(text, 'faq_line_faq_loads_total{result="rejected"}')).toBe(1);
    expect(sample(text, 'faq_line_faq_entries')).toBe(r.current().faq.entries.length);
  });

  it('refuses to start on an invalid file, naming it', async () => {
    await writeFile(faq.file, 'entries: [unclosed');
    await expect(start()).rejects.toMatchObject({ code: 'FAQ_SYNTAX', message: expect.stringContaining(faq.file) });
  });
});

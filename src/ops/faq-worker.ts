import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { LineError } from '../errors.js';
import type { Entry, Faq, Topic } from '../faq/model.js';
import { textsInOrder, type FaqTexts } from '../faq/files.js';
import type { CheckRequest, CheckResult } from './faq-check.js';

export interface FaqCheckOptions {
  /** Largest file of the FAQ accepted, in bytes (FAQ_MAX_SIZE): each file is held to it. */
  readonly maxBytes: number;
  /** How long reading, validating and building may take before the file is rejected. */
  readonly timeoutMs: number;
}

/** Parsing a real FAQ takes well under a second; a file that takes this long is not one. */
export const FAQ_CHECK_TIMEOUT_MS = 30_000;

/**
 * Check the texts of an FAQ's files the way a load would (size of each, YAML, schema, the files against
 * each other) in a worker thread, so however long a bad file takes to reject (a 1 MB malformed YAML file
 * takes the yaml package minutes), the thread answering webhooks never waits. Resolves with the FAQ of a
 * good set, as the worker built it (the serving thread does not parse it again); throws a LineError
 * naming the file and the problem otherwise. The worker is ended after `timeoutMs`.
 */
export async function checkFaqTexts(texts: FaqTexts, options: FaqCheckOptions): Promise<Faq> {
  for (const { path, text } of textsInOrder(texts)) {
    const bytes = Buffer.byteLength(text);
    if (bytes > options.maxBytes) throw tooLarge(path, bytes, options.maxBytes);
  }
  const result = await inWorker({ texts }, options.timeoutMs, texts.main.path);
  if (!result.ok) throw new LineError((result.code ?? 'FAQ_INVALID') as LineError['code'], result.message, result.hint);
  return frozen(result.faq);
}

/** A Faq as buildFaq freezes it: a copy from a worker arrives unfrozen (the structured clone keeps shared entries shared). */
function frozen(faq: Faq): Faq {
  const entry = (e: Entry): Entry => Object.freeze(Object.assign(e, { also: Object.freeze(e.also), phrasings: Object.freeze(e.phrasings) }));
  faq.entries.forEach(entry);
  faq.topics.forEach((t: Topic) => Object.freeze(t));
  faq.smalltalk.forEach((s) => Object.freeze(s));
  for (const part of [faq.synonyms, faq.understanding, faq.declines, faq.languages, faq.entries, faq.topics]) Object.freeze(part);
  return Object.freeze(faq);
}

/** A LineError unless each of `files` is at most `maxBytes` (a missing file is left for the load to report). */
export async function checkSizes(files: readonly string[], maxBytes: number): Promise<void> {
  for (const file of files) {
    const size = await stat(file).then((s) => s.size, () => undefined);
    if (size !== undefined && size > maxBytes) throw tooLarge(file, size, maxBytes);
  }
}

function tooLarge(file: string, bytes: number, maxBytes: number): LineError {
  return new LineError('FAQ_INVALID', `${file}: is ${mb(bytes)}, over the FAQ size limit of ${mb(maxBytes)}`, 'set FAQ_MAX_SIZE higher if the FAQ really is this large');
}

function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

let worker: Worker | undefined;
let nextId = 0;
/** Checks run one after another, each in a worker of its own (a reload already runs one at a time). */
let queue: Promise<unknown> = Promise.resolve();

function inWorker(request: Omit<CheckRequest, 'id'>, timeoutMs: number, file: string): Promise<CheckResult> {
  const run = queue.then(() => checkOnce(request, timeoutMs, file));
  queue = run.catch(() => undefined);
  return run;
}

/** One check; `file` (the main file) names the FAQ in the messages of a worker that fails or takes too long. */
function checkOnce(request: Omit<CheckRequest, 'id'>, timeoutMs: number, file: string): Promise<CheckResult> {
  const id = (nextId += 1);
  const current = (worker ??= startWorker());
  return new Promise<CheckResult>((resolve) => {
    const done = (result: CheckResult, end = false): void => {
      clearTimeout(timer);
      current.off('message', onMessage);
      current.off('error', onError);
      current.off('exit', onExit);
      if (end) {
        void current.terminate();
        if (worker === current) worker = undefined;
      }
      resolve(result);
    };
    // ended after each check: an idle worker holding the YAML parser and the schema costs ~30 MB resident
    const onMessage = (result: CheckResult): void => {
      if (result.id === id) done(result, true);
    };
    const onError = (err: Error): void => done({ ok: false, code: undefined, message: `${file}: ${err.message}`, hint: undefined }, true);
    const onExit = (code: number): void => done({ ok: false, code: undefined, message: `${file}: the FAQ check ended (${code}) without an answer`, hint: undefined }, true);
    const timer = setTimeout(() => {
      done({ ok: false, code: 'FAQ_INVALID', message: `${file}: parsing it took over ${timeoutMs / 1000} s`, hint: 'is it the FAQ? a malformed YAML file can take the parser minutes' }, true);
    }, timeoutMs);
    current.on('message', onMessage);
    current.once('error', onError);
    current.once('exit', onExit);
    current.postMessage({ id, ...request } satisfies CheckRequest);
  });
}

/** The worker running faq-check: its compiled .js once built, its .ts through tsx in development and tests. Never keeps the process alive. */
function startWorker(): Worker {
  const body = new URL(import.meta.url.endsWith('.ts') ? './faq-check.ts' : './faq-check.js', import.meta.url);
  const started = body.pathname.endsWith('.js')
    ? new Worker(body)
    : new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(body.href)}); })`, { eval: true });
  started.unref();
  return started;
}

import { Worker } from 'node:worker_threads';
import type { Faq } from '../faq/model.js';
import type { Logger } from '../log.js';
import { buildIndex, type ClassifierIndex } from '../nlu/classifier.js';
import type { BuildRequest, BuildResult } from './model-build.js';
import { modelKey, readCachedIndex, writeCachedIndex } from './model-cache.js';

export interface IndexOptions {
  /** Where built indexes are kept (MODEL_CACHE_DIR); undefined: always build, keep nothing. */
  readonly cacheDir: string | undefined;
  readonly logger: Logger;
}

/**
 * The classifier's index for `faq`: from the cache when it holds one built from the same texts, settings
 * and code; otherwise built in a worker thread (so the thread answering webhooks keeps answering while
 * a large FAQ trains) and then cached. A cache that cannot be read is ignored, one that cannot be
 * written is logged; a worker that cannot run leaves the build to this thread.
 */
export async function indexFor(faq: Faq, { cacheDir, logger }: IndexOptions): Promise<ClassifierIndex> {
  const key = cacheDir === undefined ? undefined : modelKey(faq);
  if (cacheDir !== undefined && key !== undefined) {
    const cached = await readCachedIndex(cacheDir, key);
    if (cached) {
      logger.debug({ modelCacheDir: cacheDir, key }, 'classifier index read from the cache');
      return cached;
    }
  }
  const started = performance.now();
  logger.info({ entries: faq.entries.length }, 'building the classifier index in a worker thread');
  let index: ClassifierIndex;
  try {
    index = await buildIndexInWorker(faq);
  } catch (err) {
    logger.warn({ error: (err as Error).message }, 'the model worker failed: building the classifier index on the main thread');
    index = buildIndex(faq, faq.understanding);
  }
  logger.info({ entries: faq.entries.length, ms: Math.round(performance.now() - started) }, 'classifier index built');
  if (cacheDir !== undefined && key !== undefined) {
    await writeCachedIndex(cacheDir, key, index).catch((err: unknown) =>
      logger.warn({ modelCacheDir: cacheDir, error: (err as Error).message }, 'could not write the classifier index to MODEL_CACHE_DIR: the next start builds it again'),
    );
  }
  return index;
}

/** Build the index in a worker of its own, ended once it answers (it holds a wink-nlp instance: tens of MB). */
export function buildIndexInWorker(faq: Faq): Promise<ClassifierIndex> {
  const worker = startWorker();
  return new Promise<ClassifierIndex>((resolve, reject) => {
    const done = (fn: () => void): void => {
      worker.removeAllListeners();
      void worker.terminate();
      fn();
    };
    worker.once('message', (result: BuildResult) => done(() => (result.ok ? resolve(result.index) : reject(new Error(result.message)))));
    worker.once('error', (err) => done(() => reject(err)));
    worker.once('exit', (code) => done(() => reject(new Error(`the model worker ended (${code}) without an index`))));
    worker.postMessage({ faq } satisfies BuildRequest);
  });
}

/** The worker running model-build: its compiled .js once built, its .ts through tsx in development and tests. */
function startWorker(): Worker {
  const body = new URL(import.meta.url.endsWith('.ts') ? './model-build.ts' : './model-build.js', import.meta.url);
  return body.pathname.endsWith('.js')
    ? new Worker(body)
    : new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(body.href)}); })`, { eval: true });
}

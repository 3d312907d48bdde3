import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { unwatchFile, watchFile, type Stats } from 'node:fs';
import { LineError } from '../errors.js';
import { faqPaths, textsInOrder, type FaqTexts } from '../faq/files.js';
import { readFaqSet } from '../faq/load.js';
import type { Faq } from '../faq/model.js';
import { createLine, type Line } from '../line.js';
import { createWordReader, type WordReader } from '../nlu/wink.js';
import type { Logger } from '../log.js';
import { checkFaqTexts, checkSizes, FAQ_CHECK_TIMEOUT_MS } from './faq-worker.js';
import { indexFor, type IndexOptions } from './model-worker.js';

export type ReloadResult =
  | { readonly status: 'loaded'; readonly entries: number }
  | { readonly status: 'unchanged' }
  | { readonly status: 'rejected'; readonly error: Error };

export interface FaqReloaderOptions {
  /** The FAQ's main file (absolute path); the files beside it (faq/files.ts) are read and watched with it. */
  readonly file: string;
  readonly logger: Logger;
  /** Told of every load: at start, and each reload that was tried. */
  readonly onLoad?: (result: { readonly ok: true; readonly entries: number } | { readonly ok: false }) => void;
  /** How long every file of the FAQ must stay the same (size and modification time) before a watch reloads, in ms. */
  readonly debounceMs?: number;
  /** Largest file of the FAQ accepted (FAQ_MAX_SIZE), each file on its own; by default 2 MB. */
  readonly maxBytes?: number;
  /** How long checking a file in the worker may take; by default FAQ_CHECK_TIMEOUT_MS. */
  readonly checkTimeoutMs?: number;
  /** How often a watch looks at the files, in ms. */
  readonly pollMs?: number;
  /** Where the classifier's built index is kept between starts (MODEL_CACHE_DIR); by default nowhere. */
  readonly modelCacheDir?: string;
}

export interface FaqReloader {
  /** The line being served. Swapped in one assignment, so a request sees the old line or the new, never a mix. */
  current(): Line;
  /**
   * Read, validate and build the FAQ (all its files) beside the one being served, then swap it in. An
   * invalid set is rejected and logged (naming file, entry and field) and the previous FAQ keeps serving.
   * Calls made while one runs are coalesced into one more run.
   */
  reload(reason: string): Promise<ReloadResult>;
  /**
   * Reload whenever a file of the FAQ changes and every one has then stayed the same for `debounceMs`
   * (a file still being written, or an edit of several files under way, is not read). The paths are
   * polled, so a file replaced by a rename, a ConfigMap's symlink swap, or the folder deleted and created
   * again are all seen.
   */
  watch(): void;
  /** Stop watching. */
  close(): void;
}

/** Load the FAQ (throws a LineError if the first load fails) and return its reloader. */
export async function createFaqReloader(options: FaqReloaderOptions): Promise<FaqReloader> {
  const { file, logger, onLoad, debounceMs = 1000, maxBytes = 2 * 1024 * 1024, checkTimeoutMs = FAQ_CHECK_TIMEOUT_MS, pollMs = 250, modelCacheDir } = options;
  const check = { maxBytes, timeoutMs: checkTimeoutMs, index: { cacheDir: modelCacheDir, logger } };
  const paths = faqPaths(file);
  const first = await build(file, check);
  let line = first.line;
  let hash = first.hash;
  onLoad?.({ ok: true, entries: line.faq.entries.length });

  let running: Promise<ReloadResult> | undefined;
  let again: Promise<ReloadResult> | undefined;
  let watching = false;
  let timer: NodeJS.Timeout | undefined;

  const reloadOnce = async (reason: string): Promise<ReloadResult> => {
    const log = logger.child({ faqFile: file, reason });
    let built: Built;
    try {
      await checkSizes(paths, maxBytes);
      const texts = await readFaqSet(file);
      if (digest(texts) === hash) {
        log.info('FAQ file unchanged: nothing to reload');
        return { status: 'unchanged' };
      }
      // a bad file is found out in the worker, however long that takes; only a good set is built here
      built = await buildFromFaq(await checkFaqTexts(texts, check), texts, check.index);
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      const described = error instanceof LineError ? error.describe() : error.message;
      log.error(
        { code: error instanceof LineError ? error.code : undefined, error: described, servingEntries: line.faq.entries.length },
        `FAQ reload rejected, still serving the previous FAQ: ${described}`,
      );
      onLoad?.({ ok: false });
      return { status: 'rejected', error };
    }
    line = built.line;
    hash = built.hash;
    const entries = line.faq.entries.length;
    log.info({ entries, topics: line.faq.topics.length }, 'FAQ reloaded');
    onLoad?.({ ok: true, entries });
    return { status: 'loaded', entries };
  };

  const reload = (reason: string): Promise<ReloadResult> => {
    if (!running) {
      running = reloadOnce(reason).finally(() => {
        running = undefined;
      });
      return running;
    }
    // one run is under way: the file may have changed since it read it, so run once more after it
    again ??= running.then(() => {
      again = undefined;
      return reload(reason);
    });
    return again;
  };

  return {
    current: () => line,
    reload,
    watch() {
      if (watching) return;
      watching = true;
      // stat polling, not fs.watch: it follows the paths, so it survives the folder being replaced
      const settled = (seen: readonly (Stats | undefined)[]): void => {
        if (!watching) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          void statAll(paths).then((later) => {
            if (!later.every((s, i) => sameFile(seen[i], s))) return settled(later);
            // the main file gone: the next change (the file back) starts again
            if (later[0]) void reload('file changed');
          });
        }, debounceMs);
      };
      for (const path of paths) {
        watchFile(path, { interval: pollMs, persistent: false }, () => void statAll(paths).then(settled));
      }
      logger.info({ faqFile: file, files: paths }, 'watching the FAQ files for changes');
    },
    close() {
      clearTimeout(timer);
      if (watching) for (const path of paths) unwatchFile(path);
      watching = false;
    },
  };
}

/** Each path's stats, undefined for a path with no file. */
function statAll(paths: readonly string[]): Promise<(Stats | undefined)[]> {
  return Promise.all(paths.map((p) => stat(p).catch(() => undefined)));
}

/** The same size and modification time (or still no file): nothing wrote to the path in between. */
function sameFile(a: Stats | undefined, b: Stats | undefined): boolean {
  if (!a || !b) return a === b;
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

interface Built {
  readonly line: Line;
  readonly hash: string;
}

async function build(file: string, check: { maxBytes: number; timeoutMs: number; index: IndexOptions }): Promise<Built> {
  await checkSizes(faqPaths(file), check.maxBytes);
  const texts = await readFaqSet(file);
  // loading wink-nlp's reader takes this thread a few hundred ms: done while the worker checks the files
  // (setImmediate: after the check has started its worker)
  const reader = new Promise<WordReader>((resolve) => setImmediate(() => resolve(createWordReader())));
  const faq = await checkFaqTexts(texts, check);
  return buildFromFaq(faq, texts, check.index, await reader);
}

/** Build the classifier of an FAQ the worker validated (its index in a worker, or from the cache); check it answers before anything serves it. */
async function buildFromFaq(faq: Faq, texts: FaqTexts, index: IndexOptions, reader?: WordReader): Promise<Built> {
  const line = createLine(faq, { index: await indexFor(faq, index), ...(reader ? { reader } : {}) });
  for (const probe of ['HELP', line.faq.entries[0]?.question ?? '', 'what is this?']) line.reply({ text: probe, numMedia: 0 });
  return { line, hash: digest(texts) };
}

/** One digest of every file of the set, with its path: a file added, removed or changed changes it. */
function digest(texts: FaqTexts): string {
  const hash = createHash('sha256');
  for (const { path, text } of textsInOrder(texts)) hash.update(`${path}\0${text}\0`);
  return hash.digest('hex');
}

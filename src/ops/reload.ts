import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { unwatchFile, watchFile, type Stats } from 'node:fs';
import { LineError } from '../errors.js';
import { readFaqText } from '../faq/load.js';
import type { Faq } from '../faq/model.js';
import { createLine, type Line } from '../line.js';
import { createWordReader, type WordReader } from '../nlu/wink.js';
import type { Logger } from '../log.js';
import { checkFaqText, checkSize, FAQ_CHECK_TIMEOUT_MS } from './faq-worker.js';
import { indexFor, type IndexOptions } from './model-worker.js';

export type ReloadResult =
  | { readonly status: 'loaded'; readonly entries: number }
  | { readonly status: 'unchanged' }
  | { readonly status: 'rejected'; readonly error: Error };

export interface FaqReloaderOptions {
  /** The FAQ data file (absolute path). */
  readonly file: string;
  readonly logger: Logger;
  /** Told of every load: at start, and each reload that was tried. */
  readonly onLoad?: (result: { readonly ok: true; readonly entries: number } | { readonly ok: false }) => void;
  /** How long the file must stay the same (size and modification time) before a watch reloads it, in ms. */
  readonly debounceMs?: number;
  /** Largest FAQ file accepted (FAQ_MAX_SIZE); by default 2 MB. */
  readonly maxBytes?: number;
  /** How long checking a file in the worker may take; by default FAQ_CHECK_TIMEOUT_MS. */
  readonly checkTimeoutMs?: number;
  /** How often a watch looks at the file, in ms. */
  readonly pollMs?: number;
  /** Where the classifier's built index is kept between starts (MODEL_CACHE_DIR); by default nowhere. */
  readonly modelCacheDir?: string;
}

export interface FaqReloader {
  /** The line being served. Swapped in one assignment, so a request sees the old line or the new, never a mix. */
  current(): Line;
  /**
   * Read, validate and build the FAQ beside the one being served, then swap it in. An invalid file is
   * rejected and logged (naming file, entry and field) and the previous FAQ keeps serving.
   * Calls made while one runs are coalesced into one more run.
   */
  reload(reason: string): Promise<ReloadResult>;
  /**
   * Reload whenever the file changes and has then stayed the same for `debounceMs` (a file still being
   * written is not read). The path is polled, so a file replaced by a rename, a ConfigMap's symlink swap,
   * or its folder deleted and created again are all seen.
   */
  watch(): void;
  /** Stop watching. */
  close(): void;
}

/** Load the FAQ (throws a LineError if the first load fails) and return its reloader. */
export async function createFaqReloader(options: FaqReloaderOptions): Promise<FaqReloader> {
  const { file, logger, onLoad, debounceMs = 1000, maxBytes = 2 * 1024 * 1024, checkTimeoutMs = FAQ_CHECK_TIMEOUT_MS, pollMs = 250, modelCacheDir } = options;
  const check = { maxBytes, timeoutMs: checkTimeoutMs, index: { cacheDir: modelCacheDir, logger } };
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
      await checkSize(file, maxBytes);
      const text = await readFaqText(file);
      if (digest(text) === hash) {
        log.info('FAQ file unchanged: nothing to reload');
        return { status: 'unchanged' };
      }
      // a bad file is found out in the worker, however long that takes; only a good one is built here
      built = await buildFromFaq(await checkFaqText(file, text, check), text, check.index);
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
      // stat polling, not fs.watch: it follows the path, so it survives the folder being replaced
      watchFile(file, { interval: pollMs, persistent: false }, (now) => {
        clearTimeout(timer);
        const settled = (seen: Stats): void => {
          timer = setTimeout(() => {
            void stat(file).then(
              (later) => (sameFile(seen, later) ? void reload('file changed') : settled(later)),
              () => undefined, // gone: the next change (the file back) starts again
            );
          }, debounceMs);
        };
        if (now.nlink > 0 || now.size > 0 || now.mtimeMs > 0) settled(now);
      });
      logger.info({ faqFile: file }, 'watching the FAQ file for changes');
    },
    close() {
      clearTimeout(timer);
      if (watching) unwatchFile(file);
      watching = false;
    },
  };
}

/** The same size and modification time: nothing wrote to the file in between. */
function sameFile(a: Stats, b: Stats): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

interface Built {
  readonly line: Line;
  readonly hash: string;
}

async function build(file: string, check: { maxBytes: number; timeoutMs: number; index: IndexOptions }): Promise<Built> {
  await checkSize(file, check.maxBytes);
  const text = await readFaqText(file);
  // loading wink-nlp's reader takes this thread a few hundred ms: done while the worker checks the file
  // (setImmediate: after the check has started its worker)
  const reader = new Promise<WordReader>((resolve) => setImmediate(() => resolve(createWordReader())));
  const faq = await checkFaqText(file, text, check);
  return buildFromFaq(faq, text, check.index, await reader);
}

/** Build the classifier of an FAQ the worker validated (its index in a worker, or from the cache); check it answers before anything serves it. */
async function buildFromFaq(faq: Faq, text: string, index: IndexOptions, reader?: WordReader): Promise<Built> {
  const line = createLine(faq, { index: await indexFor(faq, index), ...(reader ? { reader } : {}) });
  for (const probe of ['HELP', line.faq.entries[0]?.question ?? '', 'what is this?']) line.reply({ text: probe, numMedia: 0 });
  return { line, hash: digest(text) };
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

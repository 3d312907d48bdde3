import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { LineError } from '../errors.js';
import { buildFaq } from '../faq/build.js';
import { readFaqText } from '../faq/load.js';
import { createLine, type Line } from '../line.js';
import type { Logger } from '../log.js';

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
  /** How long file changes must settle before a watch reloads, in ms. */
  readonly debounceMs?: number;
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
  /** Reload whenever the file (or its folder, for editors and ConfigMaps that replace it) changes. */
  watch(): void;
  /** Stop watching. */
  close(): void;
}

/** Load the FAQ (throws a LineError if the first load fails) and return its reloader. */
export async function createFaqReloader(options: FaqReloaderOptions): Promise<FaqReloader> {
  const { file, logger, onLoad, debounceMs = 300 } = options;
  const first = await build(file);
  let line = first.line;
  let hash = first.hash;
  onLoad?.({ ok: true, entries: line.faq.entries.length });

  let running: Promise<ReloadResult> | undefined;
  let again: Promise<ReloadResult> | undefined;
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;

  const reloadOnce = async (reason: string): Promise<ReloadResult> => {
    const log = logger.child({ faqFile: file, reason });
    let built: Built;
    try {
      const text = await readFaqText(file);
      if (digest(text) === hash) {
        log.info('FAQ file unchanged: nothing to reload');
        return { status: 'unchanged' };
      }
      built = buildFromText(text, file);
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
      if (watcher) return;
      const name = basename(file);
      watcher = watch(dirname(file), (_event, changed) => {
        // any change in the folder could be the file replaced (editors rename, Kubernetes swaps a symlink);
        // the content hash makes the other changes cheap no-ops
        if (changed !== null && changed !== name && !changed.startsWith('..')) return;
        clearTimeout(timer);
        timer = setTimeout(() => void reload('file changed'), debounceMs);
      });
      watcher.on('error', (err) => logger.warn({ err, faqFile: file }, 'stopped watching the FAQ file; SIGHUP still reloads it'));
      logger.info({ faqFile: file }, 'watching the FAQ file for changes');
    },
    close() {
      clearTimeout(timer);
      watcher?.close();
      watcher = undefined;
    },
  };
}

interface Built {
  readonly line: Line;
  readonly hash: string;
}

async function build(file: string): Promise<Built> {
  return buildFromText(await readFaqText(file), file);
}

/** Validate the FAQ and build its classifier; check it answers before anything serves it. */
function buildFromText(text: string, file: string): Built {
  const line = createLine(buildFaq(text, file));
  for (const probe of ['HELP', line.faq.entries[0]?.question ?? '', 'what is this?']) line.reply({ text: probe, numMedia: 0 });
  return { line, hash: digest(text) };
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

import { copyFile, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { FAQ_SIBLINGS, siblingPath } from '../../src/faq/files.js';
import { createLogger } from '../../src/log.js';
import { createFaqReloader, type FaqReloader } from '../../src/ops/reload.js';

type FaqReloaderOptions = Parameters<typeof createFaqReloader>[0];

/**
 * Copy the files beside the bundled FAQ's main file (phrasings.yaml, declines.yaml, ...) into `dir`, so a
 * faq.yaml written there is read with them, as the bundled one is. Tests that edit faq.yaml in a
 * folder of their own call this once the folder exists.
 */
export async function copySiblings(dir: string): Promise<void> {
  const main = loadConfig({}).faqFile;
  for (const [kind, name] of Object.entries(FAQ_SIBLINGS)) {
    await copyFile(siblingPath(main, kind as keyof typeof FAQ_SIBLINGS), join(dir, name)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }
}

/** Remove the files beside faq.yaml from `dir`, for a test that swaps in a one-file FAQ there. */
export async function removeSiblings(dir: string): Promise<void> {
  for (const name of Object.values(FAQ_SIBLINGS)) await rm(join(dir, name), { force: true });
}

/** A copy of the bundled FAQ set in a folder of its own for each test, and the log lines of a reloader on it. */
export interface FaqFolder {
  /** The bundled faq.yaml's text. */
  readonly original: string;
  /** This test's folder, and faq.yaml in it (a copy of `original`, its siblings beside it). */
  readonly dir: string;
  readonly file: string;
  /** What the reloader `start` made has logged in this test. */
  readonly logs: Record<string, unknown>[];
  /** A reloader on `file` logging into `logs`; closed after the test. */
  start(options?: Partial<FaqReloaderOptions>): Promise<FaqReloader>;
  /** Save faq.yaml the way editors do: write a temporary file beside it, then rename it over the original. */
  save(text: string): Promise<void>;
}

/** Register the hooks that give every test of the file a fresh FaqFolder (`prefix` names the temporary folder). */
export function useFaqFolder(prefix: string): FaqFolder {
  let original = '';
  let dir = '';
  let reloader: FaqReloader | undefined;
  const logs: Record<string, unknown>[] = [];
  beforeAll(async () => {
    original = await readFile(loadConfig({}).faqFile, 'utf8');
  });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
    await writeFile(join(dir, 'faq.yaml'), original);
    await copySiblings(dir);
    logs.length = 0;
  });
  afterEach(async () => {
    reloader?.close();
    reloader = undefined;
    await rm(dir, { recursive: true, force: true });
  });
  return {
    get original() {
      return original;
    },
    get dir() {
      return dir;
    },
    get file() {
      return join(dir, 'faq.yaml');
    },
    logs,
    async start(options = {}) {
      const logger = createLogger({ level: 'info' }, { write: (l: string) => void logs.push(JSON.parse(l) as Record<string, unknown>) });
      reloader = await createFaqReloader({ file: join(dir, 'faq.yaml'), logger, ...options });
      return reloader;
    },
    async save(text) {
      const file = join(dir, 'faq.yaml');
      await writeFile(`${file}.tmp`, text);
      await rename(`${file}.tmp`, file);
    },
  };
}

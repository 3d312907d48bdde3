import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { FAQ_SIBLINGS, siblingPath } from '../../src/faq/files.js';

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

import { readFile } from 'node:fs/promises';
import { LineError } from '../errors.js';
import { buildFaqSet } from './build.js';
import { SIBLING_KINDS, siblingPath, type FaqText, type FaqTexts, type SiblingKind } from './files.js';
import type { Faq } from './model.js';

/** Read and validate an FAQ: its main file and the files beside it (faq/files.ts). */
export async function loadFaq(path: string): Promise<Faq> {
  return buildFaqSet(await readFaqSet(path));
}

/** The texts of the main file and of each sibling that exists; a LineError names a file that cannot be read. */
export async function readFaqSet(main: string): Promise<FaqTexts> {
  const texts: { main: FaqText } & { [K in SiblingKind]?: FaqText } = { main: { path: main, text: await readFaqText(main) } };
  for (const kind of SIBLING_KINDS) {
    const path = siblingPath(main, kind);
    const text = await readOptional(path);
    if (text !== undefined) texts[kind] = { path, text };
  }
  return texts;
}

/** A file's text, or a LineError naming it. */
export async function readFaqText(path: string, hint = 'set FAQ_FILE to the FAQ data file'): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new LineError('FAQ_UNREADABLE', `${path}: ${(err as Error).message}`, hint);
  }
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new LineError('FAQ_UNREADABLE', `${path}: ${(err as Error).message}`, 'the FAQ reads this file beside its main file');
  }
}

import { readFile } from 'node:fs/promises';
import { LineError } from '../errors.js';
import { buildFaq } from './build.js';
import { readLanguagesBeside } from './languages.js';
import type { Faq } from './model.js';

/** Read and validate an FAQ data file, and languages.yaml beside it. */
export async function loadFaq(path: string): Promise<Faq> {
  return readLanguagesBeside(buildFaq(await readFaqText(path), path));
}

/** A file's text, or a LineError naming it. */
export async function readFaqText(path: string, hint = 'set FAQ_FILE to the FAQ data file'): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new LineError('FAQ_UNREADABLE', `${path}: ${(err as Error).message}`, hint);
  }
}

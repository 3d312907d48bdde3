import { readFile } from 'node:fs/promises';
import { LineError } from '../errors.js';
import { buildFaq } from './build.js';
import type { Faq } from './model.js';

/** Read and validate an FAQ data file. */
export async function loadFaq(path: string): Promise<Faq> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new LineError('FAQ_UNREADABLE', `${path}: ${(err as Error).message}`, 'set FAQ_FILE to the FAQ data file');
  }
  return buildFaq(text, path);
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectRoot } from '../config.js';
import { parseLabelledSet, type LabelledItem } from './labelled-set.js';

/** Questions no company FAQ answers, shipped with the project for FAQs without declines of their own. */
export const GENERAL_SET = resolve(projectRoot, 'faq-data/general-out-of-scope.yaml');

/** A labelled set file, checked against the FAQ's entry ids. */
export function readLabelledSet(file: string, entryIds: ReadonlySet<string>): LabelledItem[] {
  return parseLabelledSet(readFileSync(file, 'utf8'), file, entryIds);
}

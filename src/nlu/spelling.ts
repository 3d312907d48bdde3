/** Optimal string alignment distance (Damerau-Levenshtein without repeated edits), capped. */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const prev2: number[] = new Array<number>(b.length + 1).fill(0);
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prev2[j - 2] as number) + 1);
      cur[j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > cap) return cap + 1;
    prev2.splice(0, prev2.length, ...prev);
    prev = cur;
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

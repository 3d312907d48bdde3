import type { Analysis } from './analyzer.js';
import type { Sparse } from './softmax.js';

/** How much each kind of feature counts before the vector is normalised. */
export interface FeatureWeights {
  /** A content word's stem. */
  readonly word: number;
  /** Two neighbouring words (stop words included: "how long", "where are"). */
  readonly pair: number;
  /** Letter trigrams of content words: they survive typos and misheard endings. */
  readonly letters: number;
  /** A stop word on its own ("how", "my", "not"). */
  readonly stop: number;
}

export const defaultFeatureWeights: FeatureWeights = { word: 1, pair: 0.7, letters: 0.25, stop: 0.5 };

/** Named features of one analysed text, with their weights (not yet normalised). */
export function namedFeatures(a: Analysis, weights: FeatureWeights = defaultFeatureWeights): Map<string, number> {
  const f = new Map<string, number>();
  const add = (name: string, v: number): void => {
    if (v > 0) f.set(name, Math.max(f.get(name) ?? 0, v));
  };
  for (const t of a.content) {
    add(`w ${t}`, weights.word);
    if (weights.letters > 0 && t.length >= 4) {
      const padded = `<${t}>`;
      for (let i = 0; i + 3 <= padded.length; i++) add(`c ${padded.slice(i, i + 3)}`, weights.letters);
    }
  }
  for (const t of a.words) add(`w ${t}`, weights.stop);
  for (let i = 0; i + 1 < a.words.length; i++) add(`b ${a.words[i]} ${a.words[i + 1]}`, weights.pair);
  return f;
}

/** Feature names to numbers, fixed after training: features never seen in training are dropped. */
export class FeatureSpace {
  private readonly numbers = new Map<string, number>();

  get size(): number {
    return this.numbers.size;
  }

  /** The unit-length sparse vector of `named`; `learn` adds unseen names (training only). */
  vector(named: ReadonlyMap<string, number>, learn = false): Sparse {
    const index: number[] = [];
    const value: number[] = [];
    let norm = 0;
    named.forEach((v, name) => {
      norm += v * v;
      let n = this.numbers.get(name);
      if (n === undefined && learn) {
        n = this.numbers.size;
        this.numbers.set(name, n);
      }
      if (n === undefined) return;
      index.push(n);
      value.push(v);
    });
    // Normalise by the whole text, unseen features included: a question mostly made of words the
    // FAQ never uses gets a short vector and so a flat, unconfident distribution.
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    return { index: Int32Array.from(index), value: Float64Array.from(value, (v) => v * scale) };
  }
}

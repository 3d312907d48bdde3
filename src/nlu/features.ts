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

/** A stem's own features, named and numbered once: its word feature and its letter trigrams (-1: unseen). */
interface StemFeatures {
  readonly word: string;
  readonly wordNumber: number;
  readonly letters: readonly string[];
  readonly letterNumbers: readonly number[];
}

/** Stems remembered between questions; input is unbounded, so the memory is too, then forgotten. */
const MAX_REMEMBERED_STEMS = 20_000;

/** Feature names to numbers, fixed after training: features never seen in training are dropped. */
export class FeatureSpace {
  private readonly numbers = new Map<string, number>();
  private readonly stems = new Map<string, StemFeatures>();
  // Scratch for `query`: which features the question has (by generation stamp) and their weights.
  private stamp = new Int32Array(0);
  private weight = new Float64Array(0);
  private generation = 0;

  /** The space whose features are `names`, numbered in that order (from `names()`, possibly through a cache or a worker). */
  static of(names: readonly string[]): FeatureSpace {
    const space = new FeatureSpace();
    names.forEach((name, n) => space.numbers.set(name, n));
    return space;
  }

  get size(): number {
    return this.numbers.size;
  }

  /** Every feature's name, by number. */
  names(): string[] {
    return [...this.numbers.keys()];
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
        this.stems.clear();
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

  /**
   * `vector(namedFeatures(a, weights))` for a question after training, to the last bit, without
   * building a string per feature: a stem's feature names are made once and remembered.
   */
  query(a: Analysis, weights: FeatureWeights = defaultFeatureWeights): Sparse {
    if (this.stamp.length !== this.numbers.size) {
      this.stamp = new Int32Array(this.numbers.size);
      this.weight = new Float64Array(this.numbers.size);
    }
    const generation = ++this.generation;
    // Every distinct feature in first-seen order (known: its number; unseen: -1 - its slot), so the
    // norm adds up in the same order as `vector`.
    const order: number[] = [];
    let unseen: Map<string, number> | undefined;
    let unseenWeight: number[] | undefined;
    const add = (name: string, v: number, n = this.numbers.get(name) ?? -1): void => {
      if (!(v > 0)) return;
      if (n >= 0) {
        if (this.stamp[n] !== generation) {
          this.stamp[n] = generation;
          this.weight[n] = v;
          order.push(n);
        } else if (v > (this.weight[n] as number)) this.weight[n] = v;
        return;
      }
      unseen ??= new Map();
      unseenWeight ??= [];
      const slot = unseen.get(name);
      if (slot === undefined) {
        unseen.set(name, unseenWeight.length);
        order.push(-1 - unseenWeight.length);
        unseenWeight.push(v);
      } else if (v > (unseenWeight[slot] as number)) unseenWeight[slot] = v;
    };
    for (const t of a.content) {
      const own = this.stemFeatures(t);
      add(own.word, weights.word, own.wordNumber);
      if (weights.letters > 0) own.letters.forEach((name, i) => add(name, weights.letters, own.letterNumbers[i]));
    }
    for (const t of a.words) {
      const own = this.stemFeatures(t);
      add(own.word, weights.stop, own.wordNumber);
    }
    for (let i = 0; i + 1 < a.words.length; i++) add(`b ${a.words[i]} ${a.words[i + 1]}`, weights.pair);

    let norm = 0;
    let known = 0;
    for (const k of order) {
      const v = k >= 0 ? (this.weight[k] as number) : (unseenWeight?.[-1 - k] as number);
      norm += v * v;
      if (k >= 0) known++;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const index = new Int32Array(known);
    const value = new Float64Array(known);
    let j = 0;
    for (const k of order) {
      if (k < 0) continue;
      index[j] = k;
      value[j++] = (this.weight[k] as number) * scale;
    }
    return { index, value };
  }

  private stemFeatures(t: string): StemFeatures {
    let own = this.stems.get(t);
    if (own === undefined) {
      const letters: string[] = [];
      if (t.length >= 4) {
        const padded = `<${t}>`;
        for (let i = 0; i + 3 <= padded.length; i++) letters.push(`c ${padded.slice(i, i + 3)}`);
      }
      const number = (name: string): number => this.numbers.get(name) ?? -1;
      own = { word: `w ${t}`, wordNumber: number(`w ${t}`), letters, letterNumbers: letters.map(number) };
      if (this.stems.size >= MAX_REMEMBERED_STEMS) this.stems.clear();
      this.stems.set(t, own);
    }
    return own;
  }
}

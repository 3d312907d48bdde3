/** A sparse feature vector: parallel arrays of feature numbers and values. */
export interface Sparse {
  readonly index: Int32Array;
  readonly value: Float64Array;
}

export interface SoftmaxOptions {
  /** Passes over the training examples. */
  readonly epochs: number;
  /** Initial learning rate; it falls linearly to a tenth of this over the epochs. */
  readonly rate: number;
  /** L2 penalty on the weights (keeps probabilities modest, which rejection needs). */
  readonly l2: number;
  /** Seed of the shuffle, so training is deterministic. */
  readonly seed: number;
}

export const defaultSoftmaxOptions: SoftmaxOptions = { epochs: 20, rate: 2, l2: 1e-6, seed: 1 };

/** A trained multinomial logistic regression over sparse features. */
export interface Softmax {
  readonly classes: number;
  /** Fill `out` (length `classes`) with each class's probability. */
  probabilities(x: Sparse, out: Float64Array): void;
  /** What training learnt, as plain data (structured-cloneable): `softmaxFrom(weights)` gives the same model. */
  readonly weights: SoftmaxWeights;
}

/** A trained model's data: for each feature f, the classes `owner[start[f]..start[f+1]]` and their weights `w`. */
export interface SoftmaxWeights {
  readonly classes: number;
  readonly start: Int32Array;
  readonly owner: Int32Array;
  readonly w: Float64Array;
}

/**
 * Multinomial logistic regression whose weights are sparse: a feature has a weight only for the
 * classes it was seen with in training. Memory and time then grow with the training data, not with
 * features times classes, so an FAQ of thousands of entries stays cheap; a feature still lifts the
 * classes that use it against all others, which is what ranking needs. Trained with plain SGD; the
 * L2 decay goes through one shared scale factor so a step costs only what the example touches.
 */
export function trainSoftmax(xs: readonly Sparse[], ys: readonly number[], classes: number, dims: number, options: Partial<SoftmaxOptions> = {}): Softmax {
  const { rate, l2, seed, ...wanted } = { ...defaultSoftmaxOptions, ...options };
  const { start, owner } = supportOf(xs, ys, dims, classes);
  // Bound the training work, so a very large FAQ starts (and reloads) in seconds: fewer passes.
  let perEpoch = 0;
  for (const x of xs) for (const f of x.index) perEpoch += (start[f + 1] as number) - (start[f] as number);
  const epochs = Math.max(MIN_EPOCHS, Math.min(wanted.epochs, Math.floor(WORK_BUDGET / Math.max(1, perEpoch))));
  const w = new Float64Array(owner.length);
  let scale = 1;
  const { logits, normalise, z } = scorer({ classes, start, owner, w });

  const order = xs.map((_, i) => i);
  const random = mulberry32(seed);
  const steps = Math.max(1, epochs * xs.length);
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const eta = rate * (1 - (0.9 * step++) / steps);
      const x = xs[i] as Sparse;
      const y = ys[i] as number;
      logits(x, scale);
      normalise();
      scale *= 1 - eta * l2;
      if (scale < 1e-3) {
        for (let j = 0; j < w.length; j++) w[j] = (w[j] as number) * scale;
        scale = 1;
      }
      // Gradient of the log loss: p(c) - [c = y], on the weights this example can reach.
      for (let k = 0; k < x.index.length; k++) {
        const f = x.index[k] as number;
        const v = (eta * (x.value[k] as number)) / scale;
        for (let j = start[f] as number, end = start[f + 1] as number; j < end; j++) {
          const c = owner[j] as number;
          const g = (z[c] as number) - (c === y ? 1 : 0);
          w[j] = (w[j] as number) - v * g;
        }
      }
    }
  }
  for (let j = 0; j < w.length; j++) w[j] = (w[j] as number) * scale;
  return softmaxFrom({ classes, start, owner, w });
}

/** The model `weights` describe (from `trainSoftmax(...).weights`, possibly through a cache or a worker). */
export function softmaxFrom(weights: SoftmaxWeights): Softmax {
  const { logits, normalise, z, touched } = scorer(weights);
  return {
    classes: weights.classes,
    weights,
    probabilities(x, out) {
      logits(x, 1);
      const untouched = normalise();
      out.fill(untouched);
      for (const c of touched) out[c] = z[c] as number;
    },
  };
}

/** The logits of one example over `weights` (scaled by `s`), and their softmax, in scratch arrays of its own. */
function scorer({ classes, start, owner, w }: SoftmaxWeights): {
  logits: (x: Sparse, s: number) => void;
  normalise: () => number;
  z: Float64Array;
  touched: number[];
} {
  const z = new Float64Array(classes);
  const touched: number[] = [];
  const seen = new Uint8Array(classes);
  /** Logits of the classes the example's features reach; every other class has logit 0. */
  const logits = (x: Sparse, s: number): void => {
    for (const c of touched) {
      z[c] = 0;
      seen[c] = 0;
    }
    touched.length = 0;
    for (let k = 0; k < x.index.length; k++) {
      const f = x.index[k] as number;
      const v = (x.value[k] as number) * s;
      for (let j = start[f] as number, end = start[f + 1] as number; j < end; j++) {
        const c = owner[j] as number;
        if (!seen[c]) {
          seen[c] = 1;
          touched.push(c);
        }
        z[c] = (z[c] as number) + v * (w[j] as number);
      }
    }
  };
  /** Turn the touched logits into probabilities in place; returns the probability of an untouched class. */
  const normalise = (): number => {
    const rest = classes - touched.length;
    let max = rest > 0 ? 0 : -Infinity;
    for (const c of touched) max = Math.max(max, z[c] as number);
    let sum = rest * Math.exp(-max);
    for (const c of touched) {
      const e = Math.exp((z[c] as number) - max);
      z[c] = e;
      sum += e;
    }
    for (const c of touched) z[c] = (z[c] as number) / sum;
    return Math.exp(-max) / sum;
  };
  return { logits, normalise, z, touched };
}

/** Weight updates one training may make: about two seconds on a slow core. */
const WORK_BUDGET = 500_000_000;
const MIN_EPOCHS = 3;

/** Features are never pruned below this many classes (CLINC150's 150 intents keep every feature). */
const MIN_PRUNED_SUPPORT = 200;

/** For each feature, the classes it occurs with in training (CSR layout: start[f]..start[f+1]). */
function supportOf(xs: readonly Sparse[], ys: readonly number[], dims: number, classes: number): { start: Int32Array; owner: Int32Array } {
  const sets: Set<number>[] = Array.from({ length: dims }, () => new Set<number>());
  xs.forEach((x, i) => x.index.forEach((f) => sets[f]?.add(ys[i] as number)));
  // In a large FAQ a feature used by a quarter of all entries ("what", "how do") tells them apart
  // little but would cost every step and every question a pass over all of them: it gets no weights.
  const widest = Math.max(MIN_PRUNED_SUPPORT, Math.ceil(classes / 4));
  for (const s of sets) if (s.size > widest) s.clear();
  const start = new Int32Array(dims + 1);
  sets.forEach((s, f) => (start[f + 1] = (start[f] as number) + s.size));
  const owner = new Int32Array(start[dims] as number);
  sets.forEach((s, f) => owner.set([...s].sort((a, b) => a - b), start[f] as number));
  return { start, owner };
}

/** A small deterministic PRNG (Mulberry32). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = items[i] as number;
    items[i] = items[j] as number;
    items[j] = t;
  }
}

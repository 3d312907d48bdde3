import { describe, expect, it } from 'vitest';
import { FeatureSpace, namedFeatures } from '../../src/nlu/features.js';
import { trainSoftmax, type Sparse } from '../../src/nlu/softmax.js';
import { accuracyAt, paperThreshold, type Verdict } from '../../src/eval/threshold.js';

const vec = (pairs: [number, number][]): Sparse => ({ index: Int32Array.from(pairs.map((p) => p[0])), value: Float64Array.from(pairs.map((p) => p[1])) });

describe('trainSoftmax', () => {
  const xs = [vec([[0, 1]]), vec([[0, 1], [2, 0.5]]), vec([[1, 1]]), vec([[1, 1], [2, 0.5]])];
  const ys = [0, 0, 1, 1];

  it('learns which features point to which class, with probabilities summing to 1', () => {
    const model = trainSoftmax(xs, ys, 3, 3);
    const p = new Float64Array(3);
    model.probabilities(vec([[0, 1]]), p);
    expect(p[0]).toBeGreaterThan(0.6);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    model.probabilities(vec([[1, 1]]), p);
    expect(p[1]).toBeGreaterThan(0.6);
  });

  it('is deterministic for a seed', () => {
    const a = new Float64Array(3);
    const b = new Float64Array(3);
    trainSoftmax(xs, ys, 3, 3).probabilities(vec([[2, 1]]), a);
    trainSoftmax(xs, ys, 3, 3).probabilities(vec([[2, 1]]), b);
    expect([...a]).toEqual([...b]);
  });

  it('gives no class an edge for a question with no known feature', () => {
    const p = new Float64Array(3);
    trainSoftmax(xs, ys, 3, 3).probabilities(vec([]), p);
    expect(p[0]).toBeCloseTo(1 / 3, 9);
    expect(p[2]).toBeCloseTo(1 / 3, 9);
  });
});

describe('features', () => {
  const analysis = { content: ['backup', 'zone'], unknown: [], words: ['where', 'backup', 'zone'], naming: [true, true], normals: ['where', 'backups', 'zones'], names: [false, false, false] };

  it('has words, neighbouring pairs and letter trigrams', () => {
    const f = namedFeatures(analysis);
    expect(f.get('w backup')).toBe(1);
    expect(f.get('b where backup')).toBeGreaterThan(0);
    expect(f.has('c <ba')).toBe(true);
    expect(f.has('w where')).toBe(true);
  });

  it('drops features unseen in training but still counts them in the length, so foreign words dilute', () => {
    const space = new FeatureSpace();
    space.vector(new Map([['w backup', 1]]), true);
    const known = space.vector(new Map([['w backup', 1]]));
    const diluted = space.vector(new Map([['w backup', 1], ['w pizza', 1]]));
    expect(known.value[0]).toBeCloseTo(1);
    expect(diluted.index.length).toBe(1);
    expect(diluted.value[0]).toBeCloseTo(Math.SQRT1_2);
  });
});

describe('paperThreshold', () => {
  const v = (expect: string | undefined, got: string, score: number): Verdict => ({ expect, got, score, eligible: true });

  it('picks the threshold with the best accuracy over all classes, out-of-scope as a class', () => {
    const val = [v('a', 'a', 0.9), v('b', 'b', 0.8), v(undefined, 'a', 0.3), v('a', 'a', 0.5), v(undefined, 'b', 0.4)];
    const t = paperThreshold(val);
    expect(t).toBeGreaterThan(0.4);
    expect(t).toBeLessThanOrEqual(0.5);
    expect(accuracyAt(val, t)).toEqual({ inScope: 1, oosRecall: 1, overall: 1 });
  });

  it('counts a wrong entry as a miss even when accepted', () => {
    expect(accuracyAt([v('a', 'b', 0.9)], 0).inScope).toBe(0);
  });
});

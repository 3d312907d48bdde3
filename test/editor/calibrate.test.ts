import { describe, expect, it } from 'vitest';
import { buildFaq } from '../../src/faq/build.js';
import { bestThreshold, crossValidate, rates, scoreAll, type Scored } from '../../src/editor/calibrate.js';
import { backupZones, faqYaml, insurance } from '../fixtures/faq/faq-yaml.js';

const faq = buildFaq(
  faqYaml([backupZones, insurance]),
  'tiny.yaml',
);

const inScope = (score: number, got = 'a'): Scored => ({ expect: 'a', got, score, eligible: true });
const outOfScope = (score: number): Scored => ({ got: 'a', score, eligible: true });

describe('rates', () => {
  it('counts in-scope questions accepted with the right entry, and out-of-scope ones rejected', () => {
    const scored = [inScope(0.8), inScope(0.8, 'b'), inScope(0.2), outOfScope(0.1), outOfScope(0.9)];
    expect(rates(scored, 0.5)).toEqual({ inScope: 1 / 3, outOfScope: 1 / 2 });
  });

  it('does not accept a score the other gates reject (too little evidence)', () => {
    expect(rates([{ expect: 'a', got: 'a', score: 0.9, eligible: false }], 0.5).inScope).toBe(0);
  });
});

describe('bestThreshold', () => {
  it('finds a threshold that separates in-scope from out-of-scope scores', () => {
    const best = bestThreshold([inScope(0.7), inScope(0.65), outOfScope(0.3), outOfScope(0.35)]);
    expect(best.rates).toEqual({ inScope: 1, outOfScope: 1 });
    expect(best.threshold).toBeGreaterThan(0.35);
    expect(best.threshold).toBeLessThanOrEqual(0.65);
  });

  it('breaks a tie towards the stricter threshold, up to the lowest in-scope score itself', () => {
    expect(bestThreshold([inScope(0.6), outOfScope(0.3)]).threshold).toBe(0.6);
  });
});

describe('crossValidate', () => {
  it('scores every phrasing once, each against a classifier that has not seen it', () => {
    const scored = crossValidate(faq, {});
    expect(scored).toHaveLength(12);
    expect(scored.filter((s) => s.expect === 'insurance')).toHaveLength(6);
    expect(scored.filter((s) => s.got === s.expect).length).toBeGreaterThanOrEqual(10);
  });
});

describe('scoreAll', () => {
  it('scores an out-of-scope question lower than an in-scope one', () => {
    const [good, bad] = scoreAll(faq, {}, [{ text: 'what insurance do you carry', expect: 'insurance' }, { text: 'best pizza in new york' }]);
    expect(good?.got).toBe('insurance');
    expect(bad?.score ?? 0).toBeLessThan(good?.score ?? 0);
  });
});

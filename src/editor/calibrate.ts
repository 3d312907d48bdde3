import type { Faq } from '../faq/model.js';
import type { Labelled } from '../eval/labelled-set.js';
import { accuracyAt, type Verdict } from '../eval/threshold.js';
import { createClassifier, type Classification, type ClassifierOptions } from '../nlu/classifier.js';

/** What a question scored: the best entry (if any), its score, and whether the other gates let it answer. */
export type Scored = Verdict & {
  /** A question of an entry left out of training (calibration without declines): out of scope by proxy. */
  readonly unseenEntry?: boolean;
};

/**
 * Score every phrasing and every decline of the FAQ with a classifier that has not seen it
 * (k folds), so the threshold can be calibrated without a separate labelled set. With
 * `unseenEntries`, each fold also leaves out whole entries, and their questions and phrasings
 * count as out of scope: questions on a subject the FAQ does not cover, from the FAQ itself (for an
 * FAQ that has no declines of its own: see `leavesOutEntries`).
 */
export function crossValidate(faq: Faq, options: Partial<ClassifierOptions>, folds = 5, unseenEntries = false): Scored[] {
  const out: Scored[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const held: Labelled[] = [];
    const unseen: string[] = [];
    const kept = faq.entries.filter((e) => {
      if (!unseenEntries || foldOf(e.id, folds) !== fold) return true;
      for (const q of [e.question, ...e.phrasings]) unseen.push(q);
      return false;
    });
    const entries = kept.map((e) => ({
      ...e,
      phrasings: e.phrasings.filter((p) => (foldOf(p, folds) === fold ? (held.push({ text: p, expect: e.id }), false) : true)),
    }));
    const declines = faq.declines.filter((d) => (foldOf(d, folds) === fold ? (held.push({ text: d }), false) : true));
    const classifier = createClassifier({ ...faq, entries, declines }, { ...options, threshold: 0 });
    for (const q of held) out.push(score(classifier.classify(q.text), q.expect));
    for (const q of unseen) out.push({ ...score(classifier.classify(q)), unseenEntry: true });
  }
  return out;
}

/** Whether calibration leaves out whole entries as out-of-scope questions: for an FAQ without declines, with enough entries. */
export function leavesOutEntries(faq: Faq, folds = 5): boolean {
  return faq.declines.length === 0 && faq.entries.length >= 2 * folds;
}

/**
 * An FAQ this large covers everyday subjects itself (CLINC150's 150 intents include the weather,
 * alarms and recipes): the general out-of-scope set would count its own questions as out of scope.
 */
export const GENERAL_SET_MAX_ENTRIES = 50;

/** Whether calibration scores the general out-of-scope set: only for an FAQ without declines that is not large. */
export function usesGeneralSet(faq: Faq): boolean {
  return faq.declines.length === 0 && faq.entries.length < GENERAL_SET_MAX_ENTRIES;
}

export function scoreAll(faq: Faq, options: Partial<ClassifierOptions>, set: readonly Labelled[]): Scored[] {
  const classifier = createClassifier(faq, { ...options, threshold: 0 });
  return set.map((q) => score(classifier.classify(q.text), q.expect));
}

/** Scored at threshold 0, so `accepted` is exactly "the other gates pass". */
function score(c: Classification, expect?: string): Scored {
  return { expect, got: c.best?.entry.id, score: c.best?.score ?? 0, eligible: c.best !== undefined && c.accepted };
}

export interface Rates {
  /** In-scope questions answered with the expected entry. */
  readonly inScope: number;
  /** Out-of-scope questions rejected (declines and extra sets; with none, the left-out entries' questions). */
  readonly outOfScope: number;
  /** Questions of left-out entries rejected, when calibration left entries out. */
  readonly unseenEntries?: number;
  /** Whether any out-of-scope question other than left-out entries' was scored. */
  readonly declinesScored?: boolean;
}

export function rates(scored: readonly Scored[], threshold: number): Rates {
  return ratesOf(split(scored), threshold);
}

interface Split {
  readonly rest: readonly Scored[];
  readonly unseen: readonly Scored[];
  readonly hasOut: boolean;
}

/** The left-out entries' questions apart from the rest: done once, then scored at every threshold. */
function split(scored: readonly Scored[]): Split {
  const unseen = scored.filter((s) => s.unseenEntry);
  const rest = unseen.length ? scored.filter((s) => !s.unseenEntry) : scored;
  return { rest, unseen, hasOut: rest.some((s) => s.expect === undefined) };
}

function ratesOf({ rest, unseen, hasOut }: Split, threshold: number): Rates {
  const a = accuracyAt(rest, threshold);
  if (!unseen.length) return { inScope: a.inScope, outOfScope: a.oosRecall };
  const u = accuracyAt(unseen, threshold).oosRecall;
  return { inScope: a.inScope, outOfScope: hasOut ? a.oosRecall : u, unseenEntries: u, declinesScored: hasOut };
}

/**
 * An answer to a question the FAQ does not cover is worse than an apology for one it does (the line
 * must never seem to say what the FAQ does not), so a wrong acceptance costs this many missed answers.
 */
export const FALSE_ANSWER_COST = 3;

/**
 * A left-out entry's question stands in for an out-of-scope one but is harder to decline (it is
 * about the FAQ's own subject, in the FAQ's words): answering one costs one missed answer.
 */
export const UNSEEN_ENTRY_COST = 1;

/** The value calibration maximises: in-scope rate plus the weighted out-of-scope rates. */
export function calibrationValue(r: Rates): number {
  if (r.unseenEntries === undefined) return r.inScope + FALSE_ANSWER_COST * r.outOfScope;
  return r.inScope + (r.declinesScored ? FALSE_ANSWER_COST * r.outOfScope : 0) + UNSEEN_ENTRY_COST * r.unseenEntries;
}

/** The threshold with the best calibration value; ties go to the stricter one. */
export function bestThreshold(scored: readonly Scored[]): { threshold: number; rates: Rates } {
  const parts = split(scored);
  let best = { threshold: 1, rates: ratesOf(parts, 1) };
  const value = calibrationValue;
  // Whole hundredths, so the threshold tested is exactly the one written.
  for (let k = 5; k <= 95; k++) {
    const t = k / 100;
    const r = ratesOf(parts, t);
    if (value(r) > value(best.rates) + 1e-12 || (Math.abs(value(r) - value(best.rates)) < 1e-12 && t > best.threshold)) {
      best = { threshold: t, rates: r };
    }
  }
  return best;
}

/**
 * A question's fold: from its words alone (case, punctuation and spacing ignored), so a phrasing
 * written twice, in one entry or two, is always held out together and never scored by a classifier
 * that learned it.
 */
export function foldOf(text: string, folds: number): number {
  const key = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  let h = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h % folds;
}

/** The settings searched. Small on purpose: a few well-separated values generalise better than a fine grid. */
export const GRID = {
  linearShare: [0.3, 0.5],
  coverageShare: [0.3, 0.5],
  foreignWeight: [1, 2],
  foreignNounWeight: [1.5, 2],
} as const;

export interface Calibration {
  readonly settings: { linearShare: number; coverageShare: number; foreignWeight: number; foreignNounWeight: number };
  readonly threshold: number;
  readonly rates: Rates;
}

/**
 * The line's own calibration: every setting of the grid scored by cross-validation over the FAQ's
 * phrasings and declines, plus `extra` out-of-scope questions (scored, never learned); the best
 * calibration value wins. `report` hears each setting tried. What `npm run calibrate` writes, and
 * what `npm run bench:clinc` trains with.
 */
export function calibrate(faq: Faq, extra: readonly Labelled[], report: (c: Calibration) => void = () => {}, folds = 5): Calibration {
  let best: Calibration | undefined;
  for (const linearShare of GRID.linearShare)
    for (const coverageShare of GRID.coverageShare)
      for (const foreignWeight of GRID.foreignWeight)
        for (const foreignNounWeight of GRID.foreignNounWeight) {
          const settings = { linearShare, coverageShare, foreignWeight, foreignNounWeight };
          const options = { ...faq.understanding, ...settings };
          const scored = [...crossValidate(faq, options, folds, leavesOutEntries(faq, folds)), ...scoreAll(faq, options, extra)];
          const c = { settings, ...bestThreshold(scored) };
          report(c);
          if (!best || calibrationValue(c.rates) > calibrationValue(best.rates)) best = c;
        }
  return best as Calibration;
}

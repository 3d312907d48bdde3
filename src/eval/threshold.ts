/** One scored question: the engine's best entry and score, and whether its other gates let it answer. */
export interface Verdict {
  /** The right entry id; undefined when the question is out of scope. */
  readonly expect?: string;
  readonly got?: string;
  readonly score: number;
  /** False when the engine would not answer at any threshold (no shared word, too little evidence). */
  readonly eligible: boolean;
}

export interface Accuracy {
  /** In-scope questions answered with the right entry. */
  readonly inScope: number;
  /** Out-of-scope questions rejected. */
  readonly oosRecall: number;
  /** Over all classes, out-of-scope counted as its own class. */
  readonly overall: number;
}

const answers = (v: Verdict, threshold: number): boolean => v.eligible && v.got !== undefined && v.score >= threshold;

export function accuracyAt(verdicts: readonly Verdict[], threshold: number): Accuracy {
  let ins = 0;
  let insRight = 0;
  let oos = 0;
  let oosRight = 0;
  for (const v of verdicts) {
    const answered = answers(v, threshold);
    if (v.expect === undefined) {
      oos++;
      if (!answered) oosRight++;
    } else {
      ins++;
      if (answered && v.got === v.expect) insRight++;
    }
  }
  return { inScope: insRight / Math.max(1, ins), oosRecall: oosRight / Math.max(1, oos), overall: (insRight + oosRight) / Math.max(1, ins + oos) };
}

/**
 * The rejection threshold by the CLINC150 paper's rule: the value with the best accuracy over all
 * classes on the validation questions (out-of-scope as its own class). Ties go to the lower value.
 */
export function paperThreshold(validation: readonly Verdict[]): number {
  const candidates = [...new Set(validation.map((v) => v.score))].sort((a, b) => a - b);
  let best = { threshold: 0, overall: accuracyAt(validation, 0).overall };
  for (const t of candidates) {
    const { overall } = accuracyAt(validation, t);
    if (overall > best.overall + 1e-12) best = { threshold: t, overall };
  }
  return best.threshold;
}

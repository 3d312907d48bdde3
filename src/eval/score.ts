import type { ReplyKind } from '../dialog/reply.js';
import type { Line } from '../line.js';
import type { LabelledItem } from './labelled-set.js';

/** What the line did with one labelled question, through the same dialog as the webhook. */
export interface Outcome {
  readonly item: LabelledItem;
  readonly kind: ReplyKind;
  /** The entry answered, when kind is 'answer' (the first, with several questions). */
  readonly got?: string;
  /** Every entry answered, in order. */
  readonly answered: readonly string[];
  readonly correct: boolean;
}

export interface Tally {
  readonly total: number;
  readonly correct: number;
}

export interface Report {
  readonly outcomes: readonly Outcome[];
  readonly inScope: { readonly total: number; readonly correct: number; readonly clarified: number; readonly byKind: ReadonlyMap<string, Tally> };
  readonly outOfScope: { readonly total: number; readonly rejected: number; readonly byKind: ReadonlyMap<string, { total: number; rejected: number }> };
}

/**
 * An in-scope question is right when the line answers exactly the entries wanted, in order (and, for
 * several questions with one the FAQ does not cover, names that part); an out-of-scope one when it
 * gives no FAQ answer at all.
 */
export function evaluate(line: Line, items: readonly LabelledItem[]): Report {
  const outcomes = items.map((item): Outcome => {
    const reply = line.reply({ text: item.text, numMedia: 0 });
    const answered = reply.kind === 'answer' ? [reply.entry.id, ...(reply.more ?? []).map((e) => e.id)] : [];
    const uncovered = reply.kind === 'answer' && (reply.uncovered?.length ?? 0) > 0;
    const wanted = item.expectAll ?? (item.expect === undefined ? [] : [item.expect]);
    const rejected = reply.kind !== 'answer' && reply.kind !== 'clarify';
    const correct =
      item.expect === undefined ? rejected : answered.length === wanted.length && answered.every((id, i) => id === wanted[i]) && (!item.uncovered || uncovered);
    const got = answered[0];
    return got ? { item, kind: reply.kind, got, answered, correct } : { item, kind: reply.kind, answered, correct };
  });
  const ins = outcomes.filter((o) => o.item.expect !== undefined);
  const oos = outcomes.filter((o) => o.item.expect === undefined);
  return {
    outcomes,
    inScope: {
      total: ins.length,
      correct: ins.filter((o) => o.correct).length,
      clarified: ins.filter((o) => o.kind === 'clarify').length,
      byKind: tally(ins),
    },
    outOfScope: {
      total: oos.length,
      rejected: oos.filter((o) => o.correct).length,
      byKind: new Map([...tally(oos)].map(([k, t]) => [k, { total: t.total, rejected: t.correct }])),
    },
  };
}

function tally(outcomes: readonly Outcome[]): Map<string, Tally> {
  const byKind = new Map<string, { total: number; correct: number }>();
  for (const o of outcomes) {
    const k = o.item.kind ?? 'other';
    const c = byKind.get(k) ?? { total: 0, correct: 0 };
    c.total++;
    if (o.correct) c.correct++;
    byKind.set(k, c);
  }
  return byKind;
}

import type { ReplyKind } from '../dialog/reply.js';
import type { Line } from '../line.js';
import type { LabelledItem } from './labelled-set.js';

/** What the line did with one labelled question, through the same dialog as the webhook. */
export interface Outcome {
  readonly item: LabelledItem;
  readonly kind: ReplyKind;
  /** The entry answered, when kind is 'answer'. */
  readonly got?: string;
  readonly correct: boolean;
}

export interface Report {
  readonly outcomes: readonly Outcome[];
  readonly inScope: { readonly total: number; readonly correct: number; readonly clarified: number };
  readonly outOfScope: { readonly total: number; readonly rejected: number; readonly byKind: ReadonlyMap<string, { total: number; rejected: number }> };
}

export function evaluate(line: Line, items: readonly LabelledItem[]): Report {
  const outcomes = items.map((item): Outcome => {
    const reply = line.reply({ text: item.text, numMedia: 0 });
    const got = reply.kind === 'answer' ? reply.entry.id : undefined;
    const rejected = reply.kind !== 'answer' && reply.kind !== 'clarify';
    const correct = item.expect === undefined ? rejected : got === item.expect;
    return got ? { item, kind: reply.kind, got, correct } : { item, kind: reply.kind, correct };
  });
  const ins = outcomes.filter((o) => o.item.expect !== undefined);
  const oos = outcomes.filter((o) => o.item.expect === undefined);
  const byKind = new Map<string, { total: number; rejected: number }>();
  for (const o of oos) {
    const k = o.item.kind ?? 'other';
    const c = byKind.get(k) ?? { total: 0, rejected: 0 };
    c.total++;
    if (o.correct) c.rejected++;
    byKind.set(k, c);
  }
  return {
    outcomes,
    inScope: { total: ins.length, correct: ins.filter((o) => o.correct).length, clarified: ins.filter((o) => o.kind === 'clarify').length },
    outOfScope: { total: oos.length, rejected: oos.filter((o) => o.correct).length, byKind },
  };
}

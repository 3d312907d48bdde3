import { parse } from 'yaml';
import { z } from 'zod';
import { LineError } from '../errors.js';
import type { Labelled } from '../nlu/calibrate.js';

/** A labelled question file: in_scope (text + expected entry id) and out_of_scope (text, optional kind). */
const setSchema = z.strictObject({
  in_scope: z.array(z.strictObject({ expect: z.string().min(1), text: z.string().min(1) })).default([]),
  out_of_scope: z.array(z.strictObject({ text: z.string().min(1), kind: z.string().optional() })).default([]),
});

export interface LabelledItem extends Labelled {
  readonly kind?: string;
}

export function parseLabelledSet(yamlText: string, source: string, entryIds: ReadonlySet<string>): LabelledItem[] {
  const parsed = setSchema.safeParse(parse(yamlText));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LineError('FAQ_INVALID', `${source}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`, 'see faq-data/README.md for the labelled set format');
  }
  const unknown = parsed.data.in_scope.find((q) => !entryIds.has(q.expect));
  if (unknown) {
    throw new LineError('FAQ_INVALID', `${source}: question "${unknown.text}" expects "${unknown.expect}", which is not an entry id of the FAQ`);
  }
  return [
    ...parsed.data.in_scope.map((q) => ({ text: q.text, expect: q.expect })),
    ...parsed.data.out_of_scope.map((q) => (q.kind ? { text: q.text, kind: q.kind } : { text: q.text })),
  ];
}

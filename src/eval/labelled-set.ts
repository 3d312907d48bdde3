import { parse } from 'yaml';
import { z } from 'zod';
import { LineError } from '../errors.js';

/** One labelled question: `expect` is an entry id, or undefined when the FAQ does not cover it. */
export interface Labelled {
  readonly text: string;
  readonly expect?: string;
}

const id = z.string().min(1);

/**
 * A labelled question file: in_scope (text + the entry id it wants, or the ids of several questions
 * asked in one message, in order) and out_of_scope (text, optional kind; `entry` for a missing detail,
 * `lang` for another language). Format: faq-data/README.md.
 */
const setSchema = z.strictObject({
  in_scope: z
    .array(
      z.strictObject({
        expect: z.union([id, z.array(id).min(1).max(3)]),
        text: z.string().min(1),
        kind: z.string().optional(),
        /** Several questions of which one the FAQ does not cover. */
        uncovered: z.boolean().optional(),
      }),
    )
    .default([]),
  out_of_scope: z
    .array(z.strictObject({ text: z.string().min(1), kind: z.string().optional(), entry: id.optional(), lang: z.string().optional() }))
    .default([]),
});

export interface LabelledItem extends Labelled {
  readonly kind?: string;
  /** Several questions in one message: every entry wanted, in order (`expect` is the first). */
  readonly expectAll?: readonly string[];
  readonly uncovered?: boolean;
  /** For a missing detail: the entry whose subject it is. */
  readonly entry?: string;
  readonly lang?: string;
}

export function parseLabelledSet(yamlText: string, source: string, entryIds: ReadonlySet<string>): LabelledItem[] {
  const parsed = setSchema.safeParse(parse(yamlText));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LineError('FAQ_INVALID', `${source}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`, 'see faq-data/README.md for the labelled set format');
  }
  for (const q of parsed.data.in_scope) {
    const unknown = [q.expect].flat().find((e) => !entryIds.has(e));
    if (unknown !== undefined) {
      throw new LineError('FAQ_INVALID', `${source}: question "${q.text}" expects "${unknown}", which is not an entry id of the FAQ`);
    }
  }
  return [
    ...parsed.data.in_scope.map((q): LabelledItem => {
      const all = [q.expect].flat();
      return {
        text: q.text,
        expect: all[0] as string,
        ...(all.length > 1 ? { expectAll: all } : {}),
        ...(q.kind ? { kind: q.kind } : {}),
        ...(q.uncovered ? { uncovered: true } : {}),
      };
    }),
    ...parsed.data.out_of_scope.map(
      (q): LabelledItem => ({ text: q.text, ...(q.kind ? { kind: q.kind } : {}), ...(q.entry ? { entry: q.entry } : {}), ...(q.lang ? { lang: q.lang } : {}) }),
    ),
  ];
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { z } from 'zod';
import { LineError } from '../errors.js';
import { buildFaq } from '../faq/build.js';
import type { Faq } from '../faq/model.js';
import type { FaqFile } from '../faq/schema.js';

/** CLINC150 (Larson et al., EMNLP 2019): 150 intents plus out-of-scope queries. */
export type ClincSplit = 'full' | 'small';

export interface ClincQuery {
  readonly text: string;
  /** The intent as an FAQ entry id; undefined for out-of-scope. */
  readonly expect?: string;
}

export interface ClincData {
  readonly split: ClincSplit;
  /** Training queries by entry id, in the file's order. */
  readonly train: ReadonlyMap<string, readonly string[]>;
  readonly val: readonly ClincQuery[];
  readonly test: readonly ClincQuery[];
}

const pairs = z.array(z.tuple([z.string(), z.string()]));
const fileSchema = z.object({ train: pairs, val: pairs, test: pairs, oos_val: pairs, oos_test: pairs });

/** CLINC's intent names ("meaning_of_life") as FAQ entry ids ("meaning-of-life"). */
export const entryId = (intent: string): string => intent.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Read `data_<split>.json` from the benchmark folder. Throws a LineError saying what is missing. */
export function loadClinc(dir: string, split: ClincSplit): ClincData {
  const file = join(dir, `data_${split}.json`);
  if (!existsSync(file)) {
    throw new LineError('BENCH_DATA_MISSING', `CLINC150 ${split} split not found: ${file}`, 'pass --data <folder holding data_full.json and data_small.json> (the dataset is not copied into this repository)');
  }
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new LineError('BENCH_DATA_INVALID', `${file}: not CLINC150's format (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  const d = parsed.data;
  const train = new Map<string, string[]>();
  for (const [text, intent] of d.train) {
    const id = entryId(intent);
    const list = train.get(id);
    if (list) list.push(text);
    else train.set(id, [text]);
  }
  const inScope = (rows: [string, string][]): ClincQuery[] => rows.map(([text, intent]) => ({ text, expect: entryId(intent) }));
  const oos = (rows: [string, string][]): ClincQuery[] => rows.map(([text]) => ({ text }));
  return { split, train, val: [...inScope(d.val), ...oos(d.oos_val)], test: [...inScope(d.test), ...oos(d.oos_test)] };
}

/**
 * The benchmark's training queries as an FAQ data file, built through the same validation an
 * operator's file goes through: one entry per intent, its first query as the question and the rest
 * as phrasings. Answers carry no words (the engine must not learn from intent names).
 */
export function clincFaq(data: ClincData): Faq {
  const file: FaqFile = {
    name: `CLINC150 ${data.split}`,
    apology: 'Out of scope.',
    synonyms: {},
    // The shipped decision (shared-word gates included); calibration chooses the rest.
    understanding: { threshold: 0, minEvidence: 1, answerWeight: 0.5, coverageShare: 0.5, foreignWeight: 1, foreignNounWeight: 1.5, linearShare: 0.3, foreignEvidence: 2, clarifyMargin: 0.02 },
    smalltalk: [],
    // The paper's rule: no out-of-scope training data.
    declines: [],
    entries: [...data.train].map(([id, [question = id, ...phrasings]]) => ({ id, topic: 'CLINC150', question, also: [], answer: '-', phrasings })),
  };
  return buildFaq(stringify(file), `CLINC150 ${data.split}`);
}

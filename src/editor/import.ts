import { toGsm7 } from '../render/gsm.js';
import type { SourceBlock, SourceDocument } from './source-format.js';
import { understandingSchema, type FaqFile, type FaqFileEntry, type SourceQuestion } from '../faq/schema.js';

export interface ImportReport {
  readonly file: FaqFile;
  /** Ids of entries that are new and need phrasings written. */
  readonly added: readonly string[];
  /** Ids of entries whose answer text changed (phrasings kept). */
  readonly changed: readonly string[];
  /** Ids of entries of the old file that the export no longer has. */
  readonly removed: readonly string[];
}

const DEFAULTS: Omit<FaqFile, 'entries'> = {
  name: 'the FAQ',
  apology: "Sorry, I can't answer that. I can only answer questions from the FAQ.",
  synonyms: {},
  understanding: understandingSchema.parse({}),
  smalltalk: [],
  declines: [],
};

/**
 * Turn an export into the data format. Blocks with the same topic and question become one entry
 * whose answer gives every part; blocks with the same answer become one entry that lists the other
 * questions under `also`. Entries of `previous` keep their id and phrasings.
 */
export function importSource(doc: SourceDocument, previous?: FaqFile): ImportReport {
  const merged = mergeSameQuestion(doc.blocks);
  const grouped = mergeSameAnswer(merged);
  const added: string[] = [];
  const changed: string[] = [];
  const usedIds = new Set<string>();
  const entries: FaqFileEntry[] = grouped.map(({ main, also, answer }) => {
    // An old entry is kept once: when its questions now have different answers, the others are new.
    const old = previous?.entries.find((e) => !usedIds.has(e.id) && [e, ...e.also].some((q) => [main, ...also].some((n) => sameQuestion(q, n))));
    if (old) {
      if (old.answer !== answer) changed.push(old.id);
      usedIds.add(old.id);
      return { ...old, topic: main.topic, question: main.question, also, answer };
    }
    const id = uniqueId(slug(main.question), usedIds, previous);
    usedIds.add(id);
    added.push(id);
    return { id, topic: main.topic, question: main.question, also, answer, phrasings: [] };
  });
  const removed = (previous?.entries ?? []).map((e) => e.id).filter((id) => !usedIds.has(id));
  const base = previous ?? { ...DEFAULTS, smalltalk: doc.greeting ? [{ id: 'greeting' as const, answer: doc.greeting, phrasings: [] }] : [] };
  return { file: { ...base, entries }, added, changed, removed };
}

interface Merged {
  readonly main: SourceQuestion;
  readonly also: SourceQuestion[];
  readonly answer: string;
}

function mergeSameQuestion(blocks: readonly SourceBlock[]): Merged[] {
  const out: Merged[] = [];
  for (const b of blocks) {
    const same = out.find((m) => sameQuestion(m.main, b));
    if (same) {
      out[out.indexOf(same)] = { ...same, answer: `${same.answer}\n\n${b.answer}` };
    } else {
      out.push({ main: { topic: b.topic, question: b.question }, also: [], answer: b.answer });
    }
  }
  return out;
}

function mergeSameAnswer(items: readonly Merged[]): Merged[] {
  const out: Merged[] = [];
  for (const item of items) {
    const same = out.find((m) => answerKey(m.answer) === answerKey(item.answer));
    if (same) same.also.push(item.main);
    else out.push({ ...item, also: [] });
  }
  return out;
}

/** Two answers are the same when they differ only in quote style, case or spacing. */
function answerKey(answer: string): string {
  return toGsm7(answer).replace(/\s+/g, ' ').toLowerCase();
}

function sameQuestion(a: SourceQuestion, b: SourceQuestion): boolean {
  const k = (q: SourceQuestion): string => `${q.topic}\u0000${q.question}`.toLowerCase().replace(/\s+/g, ' ');
  return k(a) === k(b);
}

function slug(question: string): string {
  const words = question
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/['\u2019]s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.slice(0, 5).join('-') || 'entry';
}

function uniqueId(base: string, used: Set<string>, previous?: FaqFile): string {
  const taken = (id: string): boolean => used.has(id) || (previous?.entries.some((e) => e.id === id) ?? false);
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

import { nonGsmCharacters, toGsm7 } from '../render/gsm.js';
import { measureSms, type SmsMeasure } from '../render/measure.js';
import type { Faq } from '../faq/model.js';
import { createSmallTalkMatcher } from '../nlu/smalltalk.js';

/** error: the line misbehaves until fixed. warning: costs money or reads oddly. info: for the record. */
export type Severity = 'error' | 'warning' | 'info';

export interface LintProblem {
  readonly severity: Severity;
  /** 'entry "backup-zones"', 'small-talk "help"', 'declines', 'apology', 'name'. */
  readonly where: string;
  readonly message: string;
}

/** How one answer goes out by SMS. `id` is the entry id, or "smalltalk/<id>". */
export interface AnswerStats extends SmsMeasure {
  readonly id: string;
}

export interface LintReport {
  /** Errors first, then warnings, then info; in file order within each. */
  readonly problems: readonly LintProblem[];
  /** Entries in file order, then small talk. */
  readonly answers: readonly AnswerStats[];
}

/** A phrasing as the collision check compares it: case, punctuation and spacing ignored. */
export function phrasingKey(text: string): string {
  return toGsm7(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What an editor should fix in the FAQ, and how each answer goes out by SMS. Pure.
 *
 * Takes the built, frozen Faq (buildFaq), so the schema's own errors come first from buildFaq.
 * The schema already rejects empty fields; the check is kept for a Faq built some other way.
 */
export function lintFaq(faq: Faq): LintReport {
  const problems: LintProblem[] = [];
  const add = (severity: Severity, where: string, message: string) => problems.push({ severity, where, message });
  const items = [
    ...faq.entries.map((e) => ({ where: `entry "${e.id}"`, id: e.id, answer: e.answer, phrasings: e.phrasings })),
    ...[...faq.smalltalk.values()].map((s) => ({ where: `small-talk "${s.id}"`, id: `smalltalk/${s.id}`, answer: s.answer, phrasings: s.phrasings })),
  ];

  checkEmpty(faq, add);
  checkPhrasings(faq, items, add);
  checkDeclines(faq, items, add);

  const visible: Array<[string, string]> = [
    ['name', faq.name],
    ['apology', faq.apology],
    ...faq.topics.map((t): [string, string] => [`topic ${t.letter}`, t.name]),
    ...faq.entries.map((e): [string, string] => [`entry "${e.id}"`, e.question]),
  ];
  for (const [where, text] of visible) checkGsm(where, text, add);

  const answers = items.map((item) => {
    const stats = { id: item.id, ...measureSms(item.answer) };
    checkGsm(item.where, item.answer, add);
    if (stats.encodingBefore !== stats.encoding) {
      add('info', item.where, `answer made GSM-7 by normalising ${quoteChars(nonGsmCharacters(item.answer))}`);
    }
    if (stats.parts > 1) {
      add('info', item.where, `answer of ${stats.chars} characters goes out as ${stats.parts} messages, ${stats.segments} segments`);
    }
    return stats;
  });

  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  problems.sort((a, b) => order[a.severity] - order[b.severity]);
  return { problems, answers };
}

/** Problems counted by severity. */
export function countProblems(report: LintReport): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const p of report.problems) counts[p.severity]++;
  return counts;
}

type Add = (severity: Severity, where: string, message: string) => void;

interface Item {
  readonly where: string;
  readonly phrasings: readonly string[];
}

function checkEmpty(faq: Faq, add: Add): void {
  const empty = (where: string, field: string, value: string) => {
    if (!value.trim()) add('error', where, `field "${field}" is empty`);
  };
  empty('name', 'name', faq.name);
  empty('apology', 'apology', faq.apology);
  for (const e of faq.entries) {
    const where = `entry "${e.id}"`;
    for (const field of ['id', 'topic', 'question', 'answer'] as const) empty(where, field, e[field]);
    e.also.forEach((a, i) => {
      empty(where, `also[${i}].topic`, a.topic);
      empty(where, `also[${i}].question`, a.question);
    });
    e.phrasings.forEach((p, i) => empty(where, `phrasings[${i}]`, p));
  }
  for (const s of faq.smalltalk.values()) {
    const where = `small-talk "${s.id}"`;
    empty(where, 'answer', s.answer);
    s.phrasings.forEach((p, i) => empty(where, `phrasings[${i}]`, p));
  }
}

function checkPhrasings(faq: Faq, items: readonly Item[], add: Add): void {
  const owners = new Map<string, { where: string; text: string }[]>();
  for (const item of items) {
    const mine = new Set<string>();
    for (const text of item.phrasings) {
      const key = phrasingKey(text);
      if (!key) continue;
      if (mine.has(key)) {
        add('warning', item.where, `phrasing "${text}" is given twice`);
        continue;
      }
      mine.add(key);
      owners.set(key, [...(owners.get(key) ?? []), { where: item.where, text }]);
    }
  }
  for (const list of owners.values()) {
    const [first, ...others] = list;
    if (first && others.length) {
      const all = list.map((o) => `${o.where} ("${o.text}")`).join(', ');
      add('error', first.where, `the same phrasing is in ${list.length} places: ${all}; the line cannot tell them apart`);
    }
  }
  const questions = new Map<string, string>();
  for (const e of faq.entries) {
    for (const q of [e.question, ...e.also.map((a) => a.question)]) {
      const key = phrasingKey(q);
      if (key && !questions.has(key)) questions.set(key, `entry "${e.id}"`);
    }
  }
  for (const item of items) {
    for (const text of item.phrasings) {
      const owner = questions.get(phrasingKey(text));
      if (owner && owner !== item.where) add('error', item.where, `phrasing "${text}" is the question of ${owner}`);
    }
  }
}

/**
 * A decline that is also a phrasing, a question or small talk teaches the line two things at once; one
 * a single word away from a phrasing pulls that entry down; one small talk answers never reaches the
 * classifier at all.
 */
function checkDeclines(faq: Faq, items: readonly Item[], add: Add): void {
  const phrasings = items.flatMap((item) => item.phrasings.map((text) => ({ where: item.where, text, words: phrasingKey(text).split(' ') })));
  const questions = faq.entries.flatMap((e) => [e.question, ...e.also.map((a) => a.question)].map((q) => ({ where: `entry "${e.id}"`, key: phrasingKey(q) })));
  const smallTalk = createSmallTalkMatcher(faq.smalltalk.values());
  const seen = new Set<string>();
  for (const text of faq.declines) {
    const key = phrasingKey(text);
    if (!key) continue;
    if (seen.has(key)) {
      add('warning', 'declines', `decline "${text}" is given twice`);
      continue;
    }
    seen.add(key);
    const words = key.split(' ');
    const same = phrasings.find((p) => p.words.join(' ') === key);
    const question = questions.find((q) => q.key === key);
    const near = phrasings.find((p) => words.length >= 3 && p.words.length >= 3 && oneWordApart(words, p.words));
    const talk = smallTalk(text);
    if (same) add('error', 'declines', `decline "${text}" is also a phrasing of ${same.where}: the line learns it both ways`);
    else if (question) add('error', 'declines', `decline "${text}" is the question of ${question.where}`);
    else if (talk) add('warning', 'declines', `decline "${text}" is answered as small talk "${talk}" before the classifier sees it`);
    else if (near) add('warning', 'declines', `decline "${text}" is one word away from the phrasing "${near.text}" of ${near.where}`);
  }
}

/** The same words but for one word left out, added or changed. */
function oneWordApart(a: readonly string[], b: readonly string[]): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return a.length - i - j <= 1 && b.length - i - j <= 1;
}

function checkGsm(where: string, text: string, add: Add): void {
  const left = nonGsmCharacters(toGsm7(text));
  if (left.length) {
    add('warning', where, `keeps ${quoteChars(left)} outside GSM-7: the whole message goes as UCS-2, 70 characters a segment`);
  }
}

/** '"©" (U+00A9), "😀" (U+1F600)' */
function quoteChars(chars: readonly string[]): string {
  return chars.map((c) => `"${c}" (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
}

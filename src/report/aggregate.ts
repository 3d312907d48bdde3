import type { LoggedTurn } from '../turn/record.js';

/** Outcomes that answer a question; the apology rate is apologies over these. */
const QUESTIONS = new Set(['answered', 'apology', 'clarify']);

export interface ReportOptions {
  /** Answers scoring below this are "low confidence". */
  readonly lowScore: number;
  /** Rows per question table. */
  readonly top: number;
}

/** A question people asked (grouped case- and spacing-insensitively), how often, and what the line made of it. */
export interface QuestionRow {
  readonly text: string;
  readonly count: number;
  /** The entry answered, or for the apology the nearest miss seen most often. */
  readonly entry?: string;
  /** The best score seen (apology) or the lowest (low-confidence answer). */
  readonly score?: number;
  /** The entries a clarification offered. */
  readonly options?: readonly string[];
}

export interface EntryRow {
  readonly entry: string;
  readonly answers: number;
  readonly meanScore: number;
  /** Answers below the low-confidence score. */
  readonly low: number;
}

export interface Report {
  readonly lines: number;
  readonly turns: number;
  readonly byChannel: ReadonlyArray<readonly [string, number]>;
  readonly byOutcome: ReadonlyArray<readonly [string, number]>;
  readonly questions: number;
  readonly apologies: number;
  readonly firstTime?: string;
  readonly lastTime?: string;
  /** Question turns (answered, apology, clarify) logged without their text. */
  readonly questionsWithoutText: number;
  /** True when no question turn carried its text: the line ran in "no log" mode (LOG_UTTERANCES=false). */
  readonly noTexts: boolean;
  readonly apologyQuestions: readonly QuestionRow[];
  readonly lowConfidence: readonly QuestionRow[];
  readonly clarifications: readonly QuestionRow[];
  readonly answersByEntry: readonly EntryRow[];
  readonly options: ReportOptions;
}

interface Group {
  text: string;
  count: number;
  score: number | undefined;
  entries: Map<string, number>;
  options: readonly string[] | undefined;
}

/** Feed it turns one by one (a log can be large), then ask for the report. Pure: no I/O. */
export function createAggregator(options: ReportOptions): { add(turn: LoggedTurn): void; countLine(): void; report(): Report } {
  let lines = 0;
  let turns = 0;
  let questions = 0;
  let apologies = 0;
  let withoutText = 0;
  let firstTime: string | undefined;
  let lastTime: string | undefined;
  const byChannel = new Map<string, number>();
  const byOutcome = new Map<string, number>();
  const apology = new Map<string, Group>();
  const low = new Map<string, Group>();
  const clarify = new Map<string, Group>();
  const entries = new Map<string, { answers: number; scoreSum: number; scored: number; low: number }>();

  const group = (groups: Map<string, Group>, turn: LoggedTurn & { text: string }, keep: 'max' | 'min'): void => {
    const key = normalise(turn.text);
    if (key === '') return;
    const g = groups.get(key) ?? { text: turn.text.trim(), count: 0, score: undefined, entries: new Map(), options: turn.options };
    g.count += 1;
    if (turn.score !== undefined) {
      g.score = g.score === undefined ? turn.score : keep === 'max' ? Math.max(g.score, turn.score) : Math.min(g.score, turn.score);
    }
    if (turn.entry !== undefined) g.entries.set(turn.entry, (g.entries.get(turn.entry) ?? 0) + 1);
    groups.set(key, g);
  };

  return {
    countLine() {
      lines += 1;
    },
    add(turn) {
      turns += 1;
      bump(byChannel, turn.channel);
      bump(byOutcome, turn.outcome);
      if (turn.time !== undefined) {
        if (firstTime === undefined || turn.time < firstTime) firstTime = turn.time;
        if (lastTime === undefined || turn.time > lastTime) lastTime = turn.time;
      }
      if (QUESTIONS.has(turn.outcome)) {
        questions += 1;
        if (turn.outcome === 'apology') apologies += 1;
        if (turn.text === undefined) withoutText += 1;
      }
      if (turn.outcome === 'answered' && turn.entry !== undefined) {
        const e = entries.get(turn.entry) ?? { answers: 0, scoreSum: 0, scored: 0, low: 0 };
        e.answers += 1;
        if (turn.score !== undefined) {
          e.scoreSum += turn.score;
          e.scored += 1;
          if (turn.score < options.lowScore) e.low += 1;
        }
        entries.set(turn.entry, e);
      }
      if (turn.text === undefined) return;
      const withText = turn as LoggedTurn & { text: string };
      if (turn.outcome === 'apology') group(apology, withText, 'max');
      else if (turn.outcome === 'clarify') group(clarify, withText, 'max');
      else if (turn.outcome === 'answered' && turn.score !== undefined && turn.score < options.lowScore) group(low, withText, 'min');
    },
    report() {
      return {
        lines,
        turns,
        byChannel: sortedCounts(byChannel),
        byOutcome: sortedCounts(byOutcome),
        questions,
        apologies,
        ...(firstTime !== undefined ? { firstTime } : {}),
        ...(lastTime !== undefined ? { lastTime } : {}),
        questionsWithoutText: withoutText,
        noTexts: questions > 0 && withoutText === questions,
        apologyQuestions: rows(apology, options.top, 'highest'),
        lowConfidence: rows(low, options.top, 'lowest'),
        clarifications: rows(clarify, options.top, 'highest'),
        answersByEntry: [...entries]
          .map(([entry, e]) => ({ entry, answers: e.answers, meanScore: e.scored ? e.scoreSum / e.scored : Number.NaN, low: e.low }))
          .sort((a, b) => b.answers - a.answers || a.entry.localeCompare(b.entry)),
        options,
      };
    },
  };
}

/** The same question however it was typed: case, spacing, final punctuation and compatibility forms ignored. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s?!.…]+$/u, '');
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function sortedCounts(map: Map<string, number>): Array<readonly [string, number]> {
  return [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * The most frequent groups first, at most `top`; among equals the highest score first (an apology that
 * nearly matched an entry is the easiest to fix) or, for low-confidence answers, the lowest.
 */
function rows(groups: Map<string, Group>, top: number, first: 'highest' | 'lowest'): QuestionRow[] {
  const byScore = (a: Group, b: Group): number =>
    first === 'highest' ? (b.score ?? -1) - (a.score ?? -1) : (a.score ?? 2) - (b.score ?? 2);
  return [...groups.values()]
    .sort((a, b) => b.count - a.count || byScore(a, b) || a.text.localeCompare(b.text))
    .slice(0, top)
    .map((g) => {
      const entry = [...g.entries].sort((a, b) => b[1] - a[1])[0]?.[0];
      return {
        text: g.text,
        count: g.count,
        ...(entry !== undefined ? { entry } : {}),
        ...(g.score !== undefined ? { score: g.score } : {}),
        ...(g.options ? { options: g.options } : {}),
      };
    });
}

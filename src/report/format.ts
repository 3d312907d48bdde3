import type { QuestionRow, Report } from './aggregate.js';

export const TABLES = ['apology', 'low', 'clarify', 'entries'] as const;
export type TableName = (typeof TABLES)[number];

/** What the report says when the log holds no question texts. */
export const NO_TEXTS =
  'This log has no message texts: the line ran in "no log" mode (LOG_UTTERANCES=false), so there are no questions to list. ' +
  'Only the counts by outcome and by entry can be reported; run with LOG_UTTERANCES=true to see what people ask.';

const MAX_CELL = 160;

/** The report as Markdown for FAQ editors: summary, the three question tables, answers by entry, outcomes. */
export function toMarkdown(report: Report, source: string): string {
  const out: string[] = ['# Unanswered-question report', ''];
  out.push(summary(report, source), '');
  if (report.turns === 0) {
    out.push('No turns found: is this a log of the FAQ line (pino JSON lines, one per message)?', '');
    return out.join('\n');
  }
  if (report.noTexts) out.push(`> ${NO_TEXTS}`, '');
  else if (report.questionsWithoutText > 0) {
    out.push(`> ${report.questionsWithoutText} of ${report.questions} questions were logged without their text (LOG_UTTERANCES=false for part of this log); the tables list the rest.`, '');
  }

  const questionTable = (title: string, rows: readonly QuestionRow[], columns: string[], cells: (r: QuestionRow) => string[]) => {
    out.push(`## ${title}`, '');
    if (report.noTexts) out.push('_No texts in this log._', '');
    else if (rows.length === 0) out.push('_None._', '');
    else out.push(...table(['#', ...columns], rows.map((r, i) => [String(i + 1), ...cells(r)])), '');
  };
  questionTable('Questions that got the apology', report.apologyQuestions, ['question', 'times', 'nearest entry', 'best score'], (r) => [
    cell(r.text),
    String(r.count),
    r.entry ?? '',
    score(r.score),
  ]);
  questionTable(`Low-confidence answers (score below ${report.options.lowScore})`, report.lowConfidence, ['question', 'times', 'entry answered', 'lowest score'], (r) => [
    cell(r.text),
    String(r.count),
    r.entry ?? '',
    score(r.score),
  ]);
  questionTable('Clarifications asked', report.clarifications, ['question', 'times', 'entries offered'], (r) => [
    cell(r.text),
    String(r.count),
    (r.options ?? []).join(', '),
  ]);

  out.push('## Answers by entry', '');
  if (report.answersByEntry.length === 0) out.push('_No answers._', '');
  else {
    const answered = report.answersByEntry.reduce((n, e) => n + e.answers, 0);
    out.push(
      ...table(
        ['entry', 'answers', 'share', 'mean score', `below ${report.options.lowScore}`],
        report.answersByEntry.map((e) => [e.entry, String(e.answers), percent(e.answers, answered), score(e.meanScore), String(e.low)]),
      ),
      '',
    );
  }
  out.push('## Turns by outcome', '');
  out.push(...table(['outcome', 'turns', 'share'], report.byOutcome.map(([o, n]) => [o, String(n), percent(n, report.turns)])), '');
  return out.join('\n');
}

function summary(report: Report, source: string): string {
  const channels = report.byChannel.map(([c, n]) => `${c} ${n}`).join(', ');
  const period = report.firstTime && report.lastTime ? `, ${report.firstTime} to ${report.lastTime}` : '';
  const parts = [`From ${source}: ${report.lines} log lines, ${report.turns} turns${channels ? ` (${channels})` : ''}${period}.`];
  if (report.questions > 0) {
    parts.push(`Apology rate: ${percent(report.apologies, report.questions)} of ${report.questions} questions (answered, apology or clarify).`);
  }
  return parts.join('  \n');
}

/**
 * The report as CSV (RFC 4180) with columns table,question,times,entry,score: the question tables
 * (apology, low, clarify) then answers by entry, or only `only`. In "no log" mode only the entries.
 */
export function toCsv(report: Report, only?: TableName): string {
  const rows: string[][] = [['table', 'question', 'times', 'entry', 'score']];
  const want = (t: TableName) => only === undefined || only === t;
  if (want('apology')) for (const r of report.apologyQuestions) rows.push(['apology', r.text, String(r.count), r.entry ?? '', csvScore(r.score)]);
  if (want('low')) for (const r of report.lowConfidence) rows.push(['low', r.text, String(r.count), r.entry ?? '', csvScore(r.score)]);
  if (want('clarify')) for (const r of report.clarifications) rows.push(['clarify', r.text, String(r.count), (r.options ?? []).join(' | '), '']);
  if (want('entries')) for (const e of report.answersByEntry) rows.push(['entries', '', String(e.answers), e.entry, csvScore(e.meanScore)]);
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A CSV field: quoted when needed; text that a spreadsheet would run as a formula is defused with a leading '. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function table(header: string[], rows: string[][]): string[] {
  const right = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[\d.%-]*$/.test(r[i] ?? '')));
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (right[i] ? ' ---: ' : ' --- ')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

/** Texters' words in a Markdown table cell: one line, pipes and markup escaped, long ones cut. */
export function cell(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const cut = line.length > MAX_CELL ? `${line.slice(0, MAX_CELL - 1)}…` : line;
  return cut.replace(/[\\|`*_<>[\]]/g, (c) => `\\${c}`);
}

function score(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? '' : value.toFixed(2);
}

function csvScore(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? '' : value.toFixed(3);
}

function percent(n: number, of: number): string {
  return of === 0 ? '' : `${((100 * n) / of).toFixed(1)}%`;
}

import { describe, expect, it } from 'vitest';
import { createAggregator, normalise, type Report } from '../../src/report/aggregate.js';
import { csvField, NO_TEXTS, toCsv, toMarkdown } from '../../src/report/format.js';
import { turnOf } from '../../src/turn/record.js';

/** A log line as the SMS channel writes it. */
function sms(fields: Record<string, unknown>): string {
  return JSON.stringify({ level: 30, time: '2026-05-01T10:00:00.000Z', msg: 'sms', channel: 'sms', messageSid: 'SM1', from: '+1415****567', ...fields });
}

const LOG = [
  '{"level":30,"time":"2026-05-01T09:59:00.000Z","msg":"FAQ loaded","entries":17}',
  sms({ outcome: 'apology', entry: 'insurance', score: 0.21, text: 'Best pizza in Naples?' }),
  sms({ outcome: 'apology', entry: 'uptime', score: 0.3, text: 'best  PIZZA in naples' }),
  sms({ outcome: 'apology', text: 'can I pay by card' }),
  sms({ outcome: 'answered', entry: 'insurance', score: 0.36, text: 'are you covered' }),
  sms({ outcome: 'answered', entry: 'insurance', score: 0.9, text: 'insurance?' }),
  sms({ outcome: 'answered', entry: 'backups', score: 0.4, text: 'where do backups go' }),
  sms({ outcome: 'clarify', options: ['backups', 'disaster-recovery'], text: 'recovery of backups' }),
  sms({ outcome: 'menu', text: 'HELP' }),
  sms({ outcome: 'rate-limited' }),
  'not json at all',
  '{"broken json',
  JSON.stringify({ level: 40, msg: 'rejected a malformed request', status: 400 }),
];

function reportOf(lines: readonly string[], lowScore = 0.44): Report {
  const agg = createAggregator({ lowScore, top: 20 });
  for (const line of lines) {
    agg.countLine();
    const turn = turnOf(line);
    if (turn) agg.add(turn);
  }
  return agg.report();
}

describe('reading log lines', () => {
  it('takes the turn of a webhook log line and ignores every other line without throwing', () => {
    expect(turnOf(sms({ outcome: 'answered', entry: 'x', score: 0.5, text: 'hi' }))).toEqual({
      channel: 'sms',
      outcome: 'answered',
      entry: 'x',
      score: 0.5,
      text: 'hi',
      time: '2026-05-01T10:00:00.000Z',
    });
    for (const line of ['', 'null', '[1]', '{"channel":1,"outcome":"x"}', '{"msg":"FAQ loaded"}', '{{', '  \t', 'INFO: listening']) {
      expect(turnOf(line)).toBeUndefined();
    }
  });

  it('groups the same question typed differently', () => {
    expect(normalise('  Best  PIZZA in Naples?? ')).toBe(normalise('best pizza in naples'));
    expect(normalise('ｂｅｓｔ pizza')).toBe('best pizza');
  });
});

describe('the report', () => {
  it('lists the apology questions most frequent first, with the nearest entry and best score', () => {
    const r = reportOf(LOG);
    expect(r.apologyQuestions).toEqual([
      { text: 'Best pizza in Naples?', count: 2, entry: 'insurance', score: 0.3 },
      { text: 'can I pay by card', count: 1 },
    ]);
  });

  it('lists answers below the low-confidence score, and the clarifications with the entries offered', () => {
    const r = reportOf(LOG);
    expect(r.lowConfidence.map((q) => [q.text, q.entry, q.score])).toEqual([
      ['are you covered', 'insurance', 0.36],
      ['where do backups go', 'backups', 0.4],
    ]);
    expect(r.clarifications).toEqual([{ text: 'recovery of backups', count: 1, options: ['backups', 'disaster-recovery'] }]);
  });

  it('counts answers by entry with their mean score, and the apology rate over questions only', () => {
    const r = reportOf(LOG);
    expect(r.answersByEntry).toEqual([
      { entry: 'insurance', answers: 2, meanScore: expect.closeTo(0.63, 5), low: 1 },
      { entry: 'backups', answers: 1, meanScore: 0.4, low: 1 },
    ]);
    expect([r.apologies, r.questions, r.turns, r.lines]).toEqual([3, 7, 9, LOG.length]);
    expect(r.noTexts).toBe(false);
  });

  it('prints Markdown tables with a summary, escaping what texters typed', () => {
    const md = toMarkdown(reportOf([...LOG, sms({ outcome: 'apology', text: 'a | b <script> *bold*\nnext line' })]), 'line.log');
    expect(md).toContain('# Unanswered-question report');
    expect(md).toContain('Apology rate: 50.0% of 8 questions');
    expect(md).toContain('| # | question | times | nearest entry | best score |');
    expect(md).toContain('| 1 | Best pizza in Naples? | 2 | insurance | 0.30 |');
    expect(md).toContain('| 1 | recovery of backups | 1 | backups, disaster-recovery |');
    expect(md).toContain('| insurance | 2 | 66.7% | 0.63 | 1 |');
    expect(md).toContain('a \\| b \\<script\\> \\*bold\\* next line');
    expect(md).toContain('| rate-limited | 1 |');
  });

  it('says so in "no log" mode, where there are no texts, and still counts entries and outcomes', () => {
    const noLog = LOG.map((line) => line.replace(/,"text":"[^"]*"/, ''));
    const r = reportOf(noLog);
    expect(r.noTexts).toBe(true);
    expect(r.apologyQuestions).toEqual([]);
    const md = toMarkdown(r, 'line.log');
    expect(md).toContain(NO_TEXTS);
    expect(md).toContain('LOG_UTTERANCES=false');
    expect(md).toContain('| insurance | 2 |');
    expect(toCsv(r)).toBe('table,question,times,entry,score\r\nentries,,2,insurance,0.630\r\nentries,,1,backups,0.400\r\n');
  });

  it('says when a log has no turns at all', () => {
    expect(toMarkdown(reportOf(['hello', '{}']), 'x.log')).toMatch(/No turns found/);
  });

  it('prints CSV with one row per question, or one table with only', () => {
    const r = reportOf(LOG);
    const lines = toCsv(r).trimEnd().split('\r\n');
    expect(lines[0]).toBe('table,question,times,entry,score');
    expect(lines).toContain('apology,Best pizza in Naples?,2,insurance,0.300');
    expect(lines).toContain('low,are you covered,1,insurance,0.360');
    expect(lines).toContain('clarify,recovery of backups,1,backups | disaster-recovery,');
    expect(toCsv(r, 'clarify').trimEnd().split('\r\n')).toHaveLength(2);
  });

  it('quotes CSV fields and defuses texts a spreadsheet would run as formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1 555')).toBe("'+1 555");
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});

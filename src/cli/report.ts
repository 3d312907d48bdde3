import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { Command, InvalidArgumentError, Option } from 'commander';
import { positiveInteger } from './options.js';
import { loadConfig } from '../config.js';
import { describeError, LineError } from '../errors.js';
import { loadFaq } from '../faq/load.js';
import { createAggregator } from '../report/aggregate.js';
import { NO_TEXTS, TABLES, toCsv, toMarkdown, type TableName } from '../report/format.js';
import { turnOf } from '../turn/record.js';
import { createTimeline } from '../console/timeline.js';
import { unansweredDocument } from '../console/unanswered.js';

/** Answers this far above the FAQ's acceptance threshold or closer count as low confidence. */
const LOW_MARGIN = 0.1;

interface Options {
  readonly csv?: boolean;
  readonly html?: boolean;
  readonly only?: TableName;
  readonly top: number;
  readonly low?: number;
  readonly faq?: string;
}

const program = new Command('report')
  .description(
    "Read the line's logs (pino JSON lines) and list, for FAQ editors, the questions that got the apology, the low-confidence answers, the clarifications asked and the answers by entry.",
  )
  .argument('[log]', 'a log file; "-" or nothing reads standard input')
  .option('--csv', 'print CSV (table,question,times,entry,score) instead of Markdown')
  .option('--html', "print the console's Unanswered view as a page of its own (chart included, no script)")
  .addOption(new Option('--only <table>', 'with --csv, one table only').choices(TABLES))
  .option('--top <n>', 'rows per question table', positiveInteger, 20)
  .option('--low <score>', `answers scoring below this are low confidence (default: the FAQ's threshold + ${LOW_MARGIN})`, score)
  .option('--faq <file>', 'the FAQ whose threshold sets the default for --low (default: FAQ_FILE or faq-data/faq.yaml)')
  .addHelpText('after', '\nExamples:\n  npm run report -- line.log\n  kubectl logs deploy/faq-line | npm run report -- --csv --only apology > unanswered.csv\n  npm run report -- --html line.log > unanswered.html')
  .action(async (log: string | undefined, opts: Options) => {
    const input = await openInput(log);
    const lowScore = opts.low ?? (await defaultLowScore(opts.faq));
    const aggregator = createAggregator({ lowScore, top: opts.top });
    const timeline = createTimeline();
    for await (const line of createInterface({ input: input.stream, crlfDelay: Infinity })) {
      aggregator.countLine();
      const turn = turnOf(line);
      if (turn) aggregator.add(turn);
      if (turn && opts.html) timeline.add(turn.time, turn.outcome);
    }
    const report = aggregator.report();
    if (opts.html) {
      process.stdout.write(unansweredDocument(report, timeline.result(), input.name));
    } else if (opts.csv) {
      if (report.noTexts) console.error(NO_TEXTS);
      process.stdout.write(toCsv(report, opts.only));
    } else {
      process.stdout.write(toMarkdown(report, input.name));
    }
  });

async function openInput(log: string | undefined): Promise<{ stream: Readable; name: string }> {
  if (log === undefined || log === '-') {
    if (process.stdin.isTTY) {
      console.error('no log to read: standard input is a terminal\n  hint: give a log file, or pipe the log in: npm run report -- line.log');
      process.exit(2);
    }
    return { stream: process.stdin, name: 'standard input' };
  }
  // opened first, so a missing file is an error here rather than an event on the stream
  const handle = await open(log);
  return { stream: handle.createReadStream({ encoding: 'utf8' }), name: log };
}

async function defaultLowScore(faqFile: string | undefined): Promise<number> {
  const file = faqFile ?? loadConfig({ FAQ_FILE: process.env.FAQ_FILE }).faqFile;
  try {
    const faq = await loadFaq(file);
    return Math.round((faq.understanding.threshold + LOW_MARGIN) * 100) / 100;
  } catch (err) {
    const fallback = 0.5;
    console.error(`${describeError(err)}\n  (low confidence means below ${fallback}; give --low to choose)`);
    return fallback;
  }
}

function score(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('must be a score from 0 to 1');
  return n;
}

program.parseAsync().catch((err: unknown) => {
  const code = (err as NodeJS.ErrnoException).code;
  if (err instanceof LineError) console.error(err.describe());
  else if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') console.error(`cannot read the log: ${(err as Error).message}`);
  else console.error(String(err));
  process.exit(2);
});

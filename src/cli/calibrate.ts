import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { parseDocument } from 'yaml';
import { LineError } from '../errors.js';
import { loadFaq } from '../faq/load.js';
import { parseLabelledSet } from '../eval/labelled-set.js';
import { bestThreshold, calibrationValue, crossValidate, scoreAll, type Rates } from '../nlu/calibrate.js';

/** The settings searched. Small on purpose: a few well-separated values generalise better than a fine grid. */
const GRID = {
  linearShare: [0.3, 0.5],
  coverageShare: [0.3, 0.5],
  foreignWeight: [1, 2],
  foreignNounWeight: [1.5, 2],
};

/** Questions no company FAQ answers, shipped with the project for FAQs without declines. */
const GENERAL_SET = fileURLToPath(new URL('../../faq-data/general-out-of-scope.yaml', import.meta.url));

const pct = (r: number): string => `${(100 * r).toFixed(1)}%`;

const program = new Command('calibrate')
  .description(
    'Choose the classifier settings and acceptance threshold: every phrasing and every decline of the FAQ is ' +
      'scored by a classifier that has not seen it (5 folds), plus an optional extra out-of-scope set. ' +
      'Writes the result into the FAQ file\'s "understanding" section.',
  )
  .option('--faq <file>', 'FAQ data file', 'faq-data/faq.yaml')
  .option('--set <file>', 'extra out-of-scope questions (labelled-set format), scored but not learned')
  .option('--dry-run', 'print the result without writing it')
  .action(async (opts: { faq: string; set?: string; dryRun?: boolean }) => {
    const faq = await loadFaq(opts.faq);
    // An FAQ without declines of its own is calibrated against the project's general out-of-scope set.
    const setFile = opts.set ?? (faq.declines.length === 0 ? GENERAL_SET : undefined);
    const extra = setFile ? parseLabelledSet(readFileSync(setFile, 'utf8'), setFile, new Set(faq.entries.map((e) => e.id))) : [];
    if (setFile === GENERAL_SET) console.log(`${opts.faq} has no declines: scoring the general out-of-scope set ${GENERAL_SET}`);
    let best: { settings: Record<string, number>; threshold: number; rates: Rates } | undefined;
    for (const linearShare of GRID.linearShare)
      for (const coverageShare of GRID.coverageShare)
        for (const foreignWeight of GRID.foreignWeight)
          for (const foreignNounWeight of GRID.foreignNounWeight) {
            const settings = { linearShare, coverageShare, foreignWeight, foreignNounWeight };
            const options = { ...faq.understanding, ...settings };
            const scored = [...crossValidate(faq, options), ...scoreAll(faq, options, extra)];
            const { threshold, rates } = bestThreshold(scored);
            console.log(`${JSON.stringify(settings)} threshold ${threshold}: in-scope ${pct(rates.inScope)}, out-of-scope ${pct(rates.outOfScope)}`);
            if (!best || calibrationValue(rates) > calibrationValue(best.rates)) best = { settings, threshold, rates };
          }
    if (!best) return;
    console.log(`\nchosen: ${JSON.stringify({ ...best.settings, threshold: best.threshold })}`);
    console.log(`cross-validated in-scope ${pct(best.rates.inScope)}, cross-validated out-of-scope ${pct(best.rates.outOfScope)}`);
    if (opts.dryRun) return;
    const doc = parseDocument(readFileSync(opts.faq, 'utf8'));
    doc.set('understanding', { ...faq.understanding, ...best.settings, threshold: best.threshold });
    writeFileSync(opts.faq, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
    console.log(`written to ${opts.faq}`);
  });

program.parseAsync().catch((err: unknown) => {
  console.error(err instanceof LineError ? err.describe() : String(err));
  process.exit(2);
});

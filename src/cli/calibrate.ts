import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { parseDocument } from 'yaml';
import { describeError } from '../errors.js';
import { loadFaq } from '../faq/load.js';
import { calibrate, leavesOutEntries, usesGeneralSet } from '../editor/calibrate.js';
import { GENERAL_SET, readLabelledSet } from '../eval/general-set.js';

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
    const setFile = opts.set ?? (usesGeneralSet(faq) ? GENERAL_SET : undefined);
    const extra = setFile ? readLabelledSet(setFile, new Set(faq.entries.map((e) => e.id))) : [];
    if (leavesOutEntries(faq)) console.log(`${opts.faq} has no declines: each fold also leaves out whole entries and scores their questions as out of scope`);
    if (setFile === GENERAL_SET) console.log(`${opts.faq} has no declines: scoring the general out-of-scope set ${GENERAL_SET}`);
    const best = calibrate(faq, extra, (c) =>
      console.log(`${JSON.stringify(c.settings)} threshold ${c.threshold}: in-scope ${pct(c.rates.inScope)}, out-of-scope ${pct(c.rates.outOfScope)}`),
    );
    console.log(`\nchosen: ${JSON.stringify({ ...best.settings, threshold: best.threshold })}`);
    console.log(`cross-validated in-scope ${pct(best.rates.inScope)}, cross-validated out-of-scope ${pct(best.rates.outOfScope)}`);
    if (opts.dryRun) return;
    const doc = parseDocument(readFileSync(opts.faq, 'utf8'));
    doc.set('understanding', { ...faq.understanding, ...best.settings, threshold: best.threshold });
    writeFileSync(opts.faq, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
    console.log(`written to ${opts.faq}`);
  });

program.parseAsync().catch((err: unknown) => {
  console.error(describeError(err));
  process.exit(2);
});

import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { describeError, LineError } from '../errors.js';
import { buildFaqSet } from '../faq/build.js';
import { siblingPath } from '../faq/files.js';
import { readFaqSet } from '../faq/load.js';
import { parseYamlText } from '../faq/yaml.js';
import { formatUnderstandingFile } from '../editor/understanding-file.js';
import { calibrate, leavesOutEntries, usesGeneralSet } from '../editor/calibrate.js';
import { GENERAL_SET, readLabelledSet } from '../eval/general-set.js';

const pct = (r: number): string => `${(100 * r).toFixed(1)}%`;

const program = new Command('calibrate')
  .description(
    'Choose the classifier settings and acceptance threshold: every phrasing and every decline of the FAQ is ' +
      'scored by a classifier that has not seen it (5 folds), plus an optional extra out-of-scope set. ' +
      'Writes the result to understanding.yaml beside the FAQ file, and nothing else.',
  )
  .option('--faq <file>', 'FAQ data file', 'faq-data/faq.yaml')
  .option('--set <file>', 'extra out-of-scope questions (labelled-set format), scored but not learned')
  .option('--dry-run', 'print the result without writing it')
  .action(async (opts: { faq: string; set?: string; dryRun?: boolean }) => {
    const texts = await readFaqSet(opts.faq);
    const faq = buildFaqSet(texts);
    const out = siblingPath(opts.faq, 'understanding');
    const inline = (parseYamlText(texts.main) as Record<string, unknown> | null)?.understanding !== undefined;
    if (inline && !opts.dryRun) {
      throw new LineError('FAQ_INVALID', `${opts.faq}: field "understanding": calibrate writes the settings to ${out}`, `move the "understanding" section of ${opts.faq} there (or run with --dry-run)`);
    }
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
    writeFileSync(out, formatUnderstandingFile({ ...faq.understanding, ...best.settings, threshold: best.threshold }));
    console.log(`written to ${out}`);
  });

program.parseAsync().catch((err: unknown) => {
  console.error(describeError(err));
  process.exit(2);
});

import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { projectRoot } from '../config.js';
import { describeError } from '../errors.js';
import { clincFaq, loadClinc, type ClincQuery, type ClincSplit } from '../eval/clinc.js';
import { accuracyAt, paperThreshold, type Accuracy, type Verdict } from '../eval/threshold.js';
import { createClassifier, type Classifier } from '../nlu/classifier.js';
import { calibrate, usesGeneralSet, type Calibration } from '../editor/calibrate.js';
import { GENERAL_SET, readLabelledSet } from '../eval/general-set.js';

/** The paper's Table 2, oos-threshold scheme: in-scope accuracy / out-of-scope recall on test, %. */
const published: readonly (readonly [string, number, number, number, number])[] = [
  ['SVM', 88.2, 18.0, 85.6, 13.0],
  ['FastText', 88.6, 28.3, 84.8, 6.0],
  ['DialogFlow', 90.8, 26.7, 89.2, 20.5],
  ['Rasa', 90.9, 31.2, 89.6, 1.0],
  ['CNN', 90.9, 30.9, 88.9, 25.5],
  ['MLP', 93.4, 49.1, 91.3, 32.4],
  ['BERT', 96.2, 52.3, 96.2, 58.9],
];

interface Result {
  readonly split: ClincSplit;
  readonly threshold: number;
  readonly test: Accuracy;
  readonly trainMs: number;
  /** The line's own calibration (settings and threshold) and its test figures. */
  readonly own: Calibration & { readonly test: Accuracy };
  readonly calibrateMs: number;
  readonly queryUs: number;
  readonly curve: readonly { readonly threshold: number; readonly at: Accuracy }[];
}

function judge(classifier: Classifier, queries: readonly ClincQuery[]): Verdict[] {
  return queries.map((q) => {
    const c = classifier.classify(q.text);
    return { expect: q.expect, got: c.best?.entry.id, score: c.best?.score ?? 0, eligible: c.best !== undefined && c.accepted };
  });
}

function run(dir: string, split: ClincSplit, folds: number): Result {
  const data = loadClinc(dir, split);
  const started = performance.now();
  const faq = clincFaq(data);
  // The line's own calibration, as `npm run calibrate` does it for an FAQ without declines.
  const extra = usesGeneralSet(faq) ? readLabelledSet(GENERAL_SET, new Set(faq.entries.map((e) => e.id))) : [];
  const own = calibrate(faq, extra, () => {}, folds);
  const calibrateMs = performance.now() - started;
  // Threshold 0 here: the paper's rule chooses its own from the validation split.
  const classifier = createClassifier(faq, { ...faq.understanding, ...own.settings, threshold: 0 });
  const trainMs = performance.now() - started - calibrateMs;
  const threshold = paperThreshold(judge(classifier, data.val));
  const t0 = performance.now();
  const verdicts = judge(classifier, data.test);
  const queryUs = ((performance.now() - t0) * 1000) / data.test.length;
  const scores = verdicts.map((v) => v.score).sort((a, b) => a - b);
  const quantiles = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];
  const curve = [...new Set([threshold, ...quantiles.map((q) => scores[Math.floor(q * (scores.length - 1))] ?? 0)])]
    .sort((a, b) => a - b)
    .map((t) => ({ threshold: t, at: accuracyAt(verdicts, t) }));
  return { split, threshold, test: accuracyAt(verdicts, threshold), own: { ...own, test: accuracyAt(verdicts, own.threshold) }, calibrateMs, trainMs, queryUs, curve };
}

const pct = (x: number): string => (100 * x).toFixed(1);

function print(results: readonly Result[]): void {
  const col = (split: ClincSplit): number => (split === 'full' ? 1 : 3);
  const splits = results.map((r) => r.split);
  console.log(`\n| model | ${splits.map((s) => `${s} in-scope / oos recall`).join(' | ')} |`);
  console.log(`|---|${splits.map(() => '---').join('|')}|`);
  for (const row of published) console.log(`| ${row[0]} | ${splits.map((s) => `${row[col(s)]} / ${row[col(s) + 1]}`).join(' | ')} |`);
  console.log(`| **this line** | ${results.map((r) => `**${pct(r.test.inScope)} / ${pct(r.test.oosRecall)}**`).join(' | ')} |`);
  for (const r of results) {
    console.log(`\n${r.split}: threshold ${r.threshold.toFixed(4)} (best validation accuracy), overall test accuracy ${pct(r.test.overall)}%`);
    console.log(`  the line's own threshold ${r.own.threshold} (${JSON.stringify(r.own.settings)}): in-scope ${pct(r.own.test.inScope)}, oos recall ${pct(r.own.test.oosRecall)}`);
    console.log(`  calibration ${(r.calibrateMs / 1000).toFixed(1)} s, training ${(r.trainMs / 1000).toFixed(1)} s, ${r.queryUs.toFixed(0)} µs per query`);
    console.log('  threshold   in-scope   oos recall');
    for (const p of r.curve) console.log(`  ${p.threshold.toFixed(4).padStart(9)}   ${pct(p.at.inScope).padStart(8)}   ${pct(p.at.oosRecall).padStart(10)}${p.threshold === r.threshold ? '   <- chosen' : ''}`);
  }
  for (const r of results) console.log(`clinc150 ${r.split} at the line's own threshold: in-scope=${pct(r.own.test.inScope)} oos-recall=${pct(r.own.test.oosRecall)}`);
  for (const r of results) console.log(`clinc150 ${r.split} in-scope=${pct(r.test.inScope)} oos-recall=${pct(r.test.oosRecall)}`);
}

const program = new Command('bench:clinc')
  .description('Score the shipped understanding on CLINC150 (Full and Small), calibrated as npm run calibrate does, by the paper\'s oos-threshold rule and at the line\'s own threshold.')
  .option('--data <folder>', 'folder holding data_full.json and data_small.json', resolve(projectRoot, '../shared/benchmarks/clinc150'))
  .addOption(new Option('--split <split>', 'which split').choices(['full', 'small', 'both']).default('both'))
  .option('--folds <n>', 'cross-validation folds of the calibration', '5')
  .action((opts: { data: string; split: 'full' | 'small' | 'both'; folds: string }) => {
    const splits: ClincSplit[] = opts.split === 'both' ? ['small', 'full'] : [opts.split];
    // Full last, so the last line printed is Full's.
    print(splits.map((s) => run(opts.data, s, Number(opts.folds))));
  });

try {
  program.parse();
} catch (err) {
  console.error(describeError(err));
  process.exit(2);
}

import { Command } from 'commander';
import { describeError } from '../errors.js';
import { loadFaq } from '../faq/load.js';
import { readLabelledSet } from '../eval/general-set.js';
import { evaluate, type Report } from '../eval/score.js';
import { createLine } from '../line.js';

const pct = (n: number, d: number): string => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;

function print(report: Report, verbose: boolean): void {
  const { inScope: i, outOfScope: o } = report;
  console.log(`in-scope answered correctly: ${i.correct}/${i.total} = ${pct(i.correct, i.total)}  (asked to clarify: ${i.clarified})`);
  if (i.byKind.size > 1) for (const [kind, c] of [...i.byKind].sort()) console.log(`  ${kind.padEnd(14)} ${c.correct}/${c.total} = ${pct(c.correct, c.total)}`);
  console.log(`out-of-scope rejected:       ${o.rejected}/${o.total} = ${pct(o.rejected, o.total)}`);
  for (const [kind, c] of [...o.byKind].sort()) console.log(`  ${kind.padEnd(14)} ${c.rejected}/${c.total} = ${pct(c.rejected, c.total)}`);
  const confusions = new Map<string, number>();
  for (const x of report.outcomes) {
    if (x.correct) continue;
    const key = `${x.item.expectAll?.join('+') ?? x.item.expect ?? '(out of scope)'} -> ${x.answered.length ? x.answered.join('+') : x.kind}`;
    confusions.set(key, (confusions.get(key) ?? 0) + 1);
  }
  if (confusions.size) {
    console.log('\nconfusions (expected -> got: count)');
    for (const [k, n] of [...confusions].sort((a, b) => b[1] - a[1])) console.log(`  ${k}: ${n}`);
  }
  if (verbose) {
    console.log('\nmisses');
    for (const x of report.outcomes) if (!x.correct) console.log(`  [${x.item.expectAll?.join('+') ?? x.item.expect ?? x.item.kind ?? 'oos'}] ${x.item.text} -> ${x.answered.length ? x.answered.join('+') : x.kind}`);
  }
}

const program = new Command('eval')
  .description('Score the line on a labelled question set, through the same dialog as the webhook.')
  .option('--faq <file>', 'FAQ data file', 'faq-data/faq.yaml')
  .option('--set <file>', 'labelled set (in_scope / out_of_scope YAML)', 'faq-data/eval-set.yaml')
  .option('--min-in <rate>', 'lowest acceptable in-scope accuracy', '0.95')
  .option('--min-out <rate>', 'lowest acceptable out-of-scope rejection', '0.95')
  .option('-v, --verbose', 'list every miss')
  .action(async (opts: { faq: string; set: string; minIn: string; minOut: string; verbose?: boolean }) => {
    const faq = await loadFaq(opts.faq);
    const items = readLabelledSet(opts.set, new Set(faq.entries.map((e) => e.id)));
    const report = evaluate(createLine(faq), items);
    console.log(`FAQ ${opts.faq} (${faq.entries.length} entries), set ${opts.set} (${items.length} questions)\n`);
    print(report, opts.verbose ?? false);
    const inRate = report.inScope.correct / Math.max(1, report.inScope.total);
    const outRate = report.outOfScope.rejected / Math.max(1, report.outOfScope.total);
    const ok = inRate >= Number(opts.minIn) && outRate >= Number(opts.minOut);
    console.log(`\n${ok ? 'PASS' : 'FAIL'}: targets ${pct(Number(opts.minIn), 1)} in-scope, ${pct(Number(opts.minOut), 1)} out-of-scope`);
    process.exitCode = ok ? 0 : 1;
  });

program.parseAsync().catch((err: unknown) => {
  console.error(describeError(err));
  process.exit(2);
});

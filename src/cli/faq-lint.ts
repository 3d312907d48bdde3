import { Command } from 'commander';
import { LineError } from '../errors.js';
import { loadFaq } from '../faq/load.js';
import { countProblems, lintFaq, type LintReport } from '../editor/lint.js';

const program = new Command('faq:lint')
  .description(
    'Check the FAQ (its main file and the files beside it): phrasing collisions, declines that are phrasings or small talk, ' +
      'empty fields, characters outside GSM-7, and how each answer goes out by SMS.',
  )
  .argument('[file]', 'the FAQ\'s main file', 'faq-data/faq.yaml')
  .option('--json', 'print the report as JSON')
  .action(async (file: string, opts: { json?: boolean }) => {
    const report = lintFaq(await loadFaq(file));
    const counts = countProblems(report);
    if (opts.json) process.stdout.write(`${JSON.stringify({ file, counts, ...report }, null, 2)}\n`);
    else process.stdout.write(formatReport(file, report));
    process.exitCode = counts.error > 0 ? 1 : 0;
  });

function formatReport(file: string, report: LintReport): string {
  const header = ['answer', 'chars', 'encoding', 'segments', 'parts'];
  const rows = report.answers.map((a) => [
    a.id,
    String(a.chars),
    a.encodingBefore === a.encoding ? a.encoding : `${a.encodingBefore} -> ${a.encoding}`,
    String(a.segments),
    String(a.parts),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  const out = [file, '', line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ''];
  for (const p of report.problems) out.push(`${p.severity.padEnd(7)} ${p.where}: ${p.message}`);
  const counts = countProblems(report);
  out.push(`${report.problems.length ? '\n' : ''}${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes`, '');
  return out.join('\n');
}

program.parseAsync().catch((err: unknown) => {
  const json = process.argv.includes('--json');
  if (err instanceof LineError) {
    console.error(err.describe());
    if (json) process.stdout.write(`${JSON.stringify({ error: { code: err.code, message: err.message, hint: err.hint } }, null, 2)}\n`);
  } else {
    console.error(String(err));
  }
  process.exit(1);
});

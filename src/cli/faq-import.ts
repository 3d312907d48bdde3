import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { parse } from 'yaml';
import { z } from 'zod';
import { describeError, LineError } from '../errors.js';
import { describeIssue } from '../faq/build.js';
import { importSource } from '../editor/import.js';
import { removePhrasings, updateEntries } from '../editor/faq-document.js';
import { siblingPath } from '../faq/files.js';
import { readFaqText } from '../faq/load.js';
import { entrySchema, faqFileSchema, smallTalkSchema, type FaqFile } from '../faq/schema.js';
import { parseSource } from '../editor/source-format.js';
import { formatFaqFile } from '../editor/yaml-file.js';

const program = new Command('faq:import')
  .description(
    'Convert an FAQ export (TOPIC/QUESTION/ANSWER blocks) into the FAQ data: a new file, or the entries of an existing one ' +
      'updated in place (phrasings, comments and layout kept; only what the export changes is written).',
  )
  .argument('<export>', 'the exported FAQ text file')
  .option('-o, --out <file>', 'the FAQ\'s main file to update or create', 'faq-data/faq.yaml')
  .option('--dry-run', 'print the main file instead of writing it')
  .action(async (exportPath: string, opts: { out: string; dryRun?: boolean }) => {
    const doc = parseSource(await readFaqText(exportPath, 'give the path of the exported FAQ text'), exportPath);
    const before = existsSync(opts.out) ? await readFaqText(opts.out) : undefined;
    const report = importSource(doc, before === undefined ? undefined : readPrevious(before, opts.out));
    const phrasingsFile = siblingPath(opts.out, 'phrasings');
    const split = before !== undefined && existsSync(phrasingsFile);
    const text = before === undefined ? formatFaqFile(report.file) : updateEntries(before, report.file.entries, { phrasings: !split });
    if (opts.dryRun) process.stdout.write(text);
    else if (text !== before) writeFileSync(opts.out, text);
    const written = opts.dryRun ? '' : text === before ? `; ${opts.out} unchanged` : ` written to ${opts.out}`;
    console.error(`${report.file.entries.length} entries from ${doc.blocks.length} blocks${written}`);
    if (split && report.removed.length && !opts.dryRun) {
      const phrasings = readFileSync(phrasingsFile, 'utf8');
      const kept = removePhrasings(phrasings, report.removed);
      if (kept !== phrasings) writeFileSync(phrasingsFile, kept);
    }
    if (report.changed.length) console.error(`answer changed (phrasings kept): ${report.changed.join(', ')}`);
    if (report.removed.length) console.error(`no longer in the export, removed${split ? ' (with their phrasings)' : ''}: ${report.removed.join(', ')}`);
    if (report.added.length) {
      const where = split ? ` in ${phrasingsFile}` : '';
      console.error(`new, write at least 6 phrasings${where} for each before starting the line: ${report.added.join(', ')}`);
    }
  });

/** An unfinished file (new entries without phrasings yet), or one whose phrasings are kept beside it, still keeps what it has. */
const previousFileSchema = faqFileSchema.extend({
  smalltalk: z.array(smallTalkSchema.extend({ phrasings: z.array(z.string()).default([]) })).default([]),
  entries: z.array(entrySchema.extend({ phrasings: z.array(z.string()).default([]) })),
});

function readPrevious(text: string, path: string): FaqFile {
  const raw: unknown = parse(text);
  const parsed = previousFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new LineError('FAQ_INVALID', `${path}: ${describeIssue(parsed.error.issues[0], raw)}`, 'fix the data file, or import into a new file with --out');
  }
  return parsed.data;
}

program.parseAsync().catch((err: unknown) => {
  console.error(describeError(err));
  process.exit(1);
});

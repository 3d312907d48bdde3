import { existsSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { parse } from 'yaml';
import { z } from 'zod';
import { describeError, LineError } from '../errors.js';
import { describeIssue } from '../faq/build.js';
import { importSource } from '../editor/import.js';
import { readFaqText } from '../faq/load.js';
import { entrySchema, faqFileSchema, smallTalkSchema, type FaqFile } from '../faq/schema.js';
import { parseSource } from '../editor/source-format.js';
import { formatFaqFile } from '../editor/yaml-file.js';

const program = new Command('faq:import')
  .description('Convert an FAQ export (TOPIC/QUESTION/ANSWER blocks) into the FAQ data file, keeping the phrasings of entries already there.')
  .argument('<export>', 'the exported FAQ text file')
  .option('-o, --out <file>', 'the FAQ data file to update or create', 'faq-data/faq.yaml')
  .option('--dry-run', 'print the result instead of writing it')
  .action(async (exportPath: string, opts: { out: string; dryRun?: boolean }) => {
    const doc = parseSource(await readFaqText(exportPath, 'give the path of the exported FAQ text'), exportPath);
    const previous = existsSync(opts.out) ? await readPrevious(opts.out) : undefined;
    const report = importSource(doc, previous);
    const text = formatFaqFile(report.file);
    if (opts.dryRun) process.stdout.write(text);
    else writeFileSync(opts.out, text);
    console.error(`${report.file.entries.length} entries from ${doc.blocks.length} blocks${opts.dryRun ? '' : ` written to ${opts.out}`}`);
    if (report.changed.length) console.error(`answer changed (phrasings kept): ${report.changed.join(', ')}`);
    if (report.removed.length) console.error(`no longer in the export, removed: ${report.removed.join(', ')}`);
    if (report.added.length) {
      console.error(`new, write at least 6 phrasings for each before starting the line: ${report.added.join(', ')}`);
    }
  });

/** An unfinished file (new entries without phrasings yet) still keeps what it has. */
const previousFileSchema = faqFileSchema.extend({
  smalltalk: z.array(smallTalkSchema.extend({ phrasings: z.array(z.string()) })).default([]),
  entries: z.array(entrySchema.extend({ phrasings: z.array(z.string()) })),
});

async function readPrevious(path: string): Promise<FaqFile> {
  const raw: unknown = parse(await readFaqText(path));
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

import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Faq } from '../faq/model.js';
import type { ClassifierIndex } from '../nlu/classifier.js';

/**
 * The classifier's index (what `buildIndex` reads, counts and trains) kept on disk, so a start or a
 * reload of an FAQ already built skips the work. A file is named by the key of what it was built
 * from; it holds a SHA-256 of its payload, so a file cut short or altered is seen and ignored.
 */

/** Bumped when the file layout changes. */
const FORMAT = 1;
const HASH_BYTES = 32;

/**
 * The key of an FAQ's index: the texts the classifier reads, its settings, and the code that builds it
 * (the classifier's own sources, wink-nlp and its model, and V8, whose serializer writes the file).
 */
export function modelKey(faq: Faq): string {
  const built = {
    format: FORMAT,
    code: codeVersion(),
    name: faq.name,
    understanding: faq.understanding,
    synonyms: faq.synonyms,
    declines: faq.declines,
    entries: faq.entries.map((e) => [e.question, e.also.map((a) => a.question), e.phrasings, e.answer]),
  };
  return createHash('sha256').update(JSON.stringify(built)).digest('hex');
}

let code: string | undefined;

/** A hash of the files of src/nlu (as run: .ts under tsx, .js once built) and the versions they depend on. */
function codeVersion(): string {
  if (code !== undefined) return code;
  const hash = createHash('sha256');
  const require = createRequire(import.meta.url);
  for (const pkg of ['wink-nlp', 'wink-eng-lite-web-model']) hash.update(`${pkg}@${(require(`${pkg}/package.json`) as { version: string }).version}\n`);
  hash.update(`v8@${process.versions.v8}\n`);
  const nlu = new URL('../nlu/', import.meta.url);
  for (const name of readdirSync(nlu).filter((n) => /\.(js|ts)$/.test(n) && !n.endsWith('.d.ts')).sort()) {
    hash.update(`${name}\n`).update(readFileSync(new URL(name, nlu)));
  }
  code = hash.digest('hex');
  return code;
}

function fileOf(dir: string, key: string): string {
  return join(dir, `${key}.model`);
}

/** The index cached under `key`, or undefined: none, unreadable, cut short, altered, or of another format. Never throws. */
export async function readCachedIndex(dir: string, key: string): Promise<ClassifierIndex | undefined> {
  try {
    const data = await readFile(fileOf(dir, key));
    const payload = data.subarray(HASH_BYTES);
    if (data.length <= HASH_BYTES || !createHash('sha256').update(payload).digest().equals(data.subarray(0, HASH_BYTES))) return undefined;
    const stored = deserialize(payload) as { format?: unknown; key?: unknown; index?: unknown };
    return stored.format === FORMAT && stored.key === key && isIndex(stored.index) ? stored.index : undefined;
  } catch {
    return undefined;
  }
}

/** Indexes kept in the folder: the newest few, so lines of two FAQs (or two versions) sharing it do not evict each other at once. */
const KEPT = 4;

/**
 * Keep `index` under `key` (written to a temporary file, then renamed: a reader never sees half a file),
 * and remove all but the KEPT newest files (an FAQ edited often would otherwise fill the folder).
 * Throws when the folder cannot be written; the caller logs that and serves anyway.
 */
export async function writeCachedIndex(dir: string, key: string, index: ClassifierIndex): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const payload = serialize({ format: FORMAT, key, index });
  const file = fileOf(dir, key);
  const partial = `${file}.${process.pid}.${Date.now()}.partial`;
  await writeFile(partial, Buffer.concat([createHash('sha256').update(payload).digest(), payload]), { mode: 0o600 });
  await rename(partial, file);
  const kept = await Promise.all(
    (await readdir(dir)).filter((n) => n.endsWith('.model')).map(async (n) => ({ n, at: await stat(join(dir, n)).then((st) => st.mtimeMs, () => 0) })),
  );
  kept.sort((a, b) => b.at - a.at);
  for (const { n } of kept.slice(KEPT)) if (n !== `${key}.model`) await rm(join(dir, n), { force: true });
}

/** The shape of an index, checked on the fields a classifier reads first (the hash has vouched for the rest). */
function isIndex(value: unknown): value is ClassifierIndex {
  const v = value as Partial<Record<keyof ClassifierIndex, unknown>> | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    Array.isArray(v.words) &&
    Array.isArray(v.strength) &&
    v.df instanceof Map &&
    v.entryPostings instanceof Map &&
    v.docPostings instanceof Map &&
    Array.isArray(v.docEntry) &&
    Array.isArray(v.features) &&
    v.vocabulary instanceof Set &&
    Array.isArray(v.answerEntities)
  );
}

import type { z } from 'zod';
import { LineError } from '../errors.js';
import type { FaqText, FaqTexts } from './files.js';
import { parseLanguages } from './languages.js';
import { parseYamlText } from './yaml.js';
import { declinesFileSchema, phrasingsFileSchema, understandingSchema, type PhrasingsFile } from './schema.js';

type Raw = Record<string, unknown>;

const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The main file's data with what its siblings give put in its place: phrasings into each entry and
 * small-talk item, synonyms, declines (groups in file order), understanding, languages. Each sibling
 * is validated on its own first, so a problem names its file, entry and field; an id in phrasings.yaml
 * that the main file does not have, or a field given in both files, is rejected.
 */
export function withSiblings(raw: unknown, texts: FaqTexts): unknown {
  if (!isRecord(raw)) return raw; // the schema names what is wrong with the main file
  const main = texts.main.path;
  let out: Raw = { ...raw };
  const place = (field: string, value: unknown, from: FaqText): void => {
    if (field in out) throw new LineError('FAQ_INVALID', `${main}: field "${field}": is also given in ${from.path}; keep one`, 'keep each part of the FAQ in one file');
    out[field] = value;
  };
  if (texts.phrasings) out = withPhrasings(out, main, texts.phrasings, place);
  if (texts.declines) {
    const groups = validate(texts.declines, declinesFileSchema, (path) => `group "${String(path[0])}"${path.length > 1 ? `, question ${Number(path[1]) + 1}` : ''}`);
    place('declines', Object.values(groups).flat(), texts.declines);
  }
  if (texts.understanding) place('understanding', validate(texts.understanding, understandingSchema.partial(), fieldName), texts.understanding);
  if (texts.languages) place('languages', parseLanguages(texts.languages.text, texts.languages.path), texts.languages);
  return out;
}

function withPhrasings(raw: Raw, main: string, from: FaqText, place: (field: string, value: unknown, from: FaqText) => void): Raw {
  const file: PhrasingsFile = validate(from, phrasingsFileSchema, (path) => {
    const [section, id, index] = path;
    const what = section === 'entries' ? 'entry' : section === 'smalltalk' ? 'small-talk' : undefined;
    if (!what || id === undefined) return fieldName(path);
    return `${what} "${String(id)}"${index === undefined ? '' : `, phrasing ${Number(index) + 1}`}`;
  });
  if (file.synonyms) place('synonyms', file.synonyms, from);
  const out: Raw = { ...raw, entries: fill(raw.entries, file.entries, { main, from, what: 'entry', needs: 'at least 6 phrasings of how people ask it' }) };
  if (file.smalltalk) out.smalltalk = fill(raw.smalltalk ?? [], file.smalltalk, { main, from, what: 'small-talk', needs: 'at least 3 phrasings' });
  return out;
}

/** Each item of the main file's list with its phrasings from phrasings.yaml. */
function fill(list: unknown, phrasings: Readonly<Record<string, string[]>>, at: { main: string; from: FaqText; what: string; needs: string }): unknown {
  if (!Array.isArray(list)) return list; // the schema reports it
  const ids = new Set(list.flatMap((item: unknown) => (isRecord(item) && typeof item.id === 'string' ? [item.id] : [])));
  // an id of phrasings.yaml the main file lacks first: a typo or a renamed entry shows as that id
  for (const id of Object.keys(phrasings)) {
    if (!ids.has(id)) {
      throw new LineError('FAQ_INVALID', `${at.from.path}: ${at.what} "${id}": is not an ${at.what === 'entry' ? 'entry' : 'small-talk entry'} of ${at.main}`, 'use the id the main file gives it, or remove these phrasings with the entry');
    }
  }
  return list.map((item: unknown, i) => {
    if (!isRecord(item) || typeof item.id !== 'string') return item;
    const where = `${at.what === 'entry' ? 'entry' : 'small-talk entry'} ${i + 1} "${item.id}"`;
    if ('phrasings' in item) {
      throw new LineError('FAQ_INVALID', `${at.main}: ${where}, field "phrasings": is also given in ${at.from.path}; keep them there`, 'phrasings belong in phrasings.yaml');
    }
    const own = phrasings[item.id];
    if (!own) throw new LineError('FAQ_INVALID', `${at.from.path}: ${at.what} "${item.id}": has no phrasings (it is ${where} of ${at.main}); it needs ${at.needs}`, 'add them under its id');
    return { ...item, phrasings: own };
  });
}

/** A sibling's data, validated by its own schema; a problem names the file and, through `where`, the item. */
function validate<T extends z.ZodType>(file: FaqText, schema: T, where: (path: readonly PropertyKey[]) => string): z.infer<T> {
  const raw = parseYamlText(file) ?? {};
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path ?? [];
  // A bad key's own message ("must be a group name ...") is inside the record's issue.
  const message = (issue?.code === 'invalid_key' ? issue.issues[0]?.message : issue?.message) ?? 'invalid';
  throw new LineError('FAQ_INVALID', `${file.path}: ${path.length ? `${where(path)}: ` : ''}${message}`, 'see faq-data/README.md for the format');
}

function fieldName(path: readonly PropertyKey[]): string {
  return `field "${path.map(String).join('.')}"`;
}

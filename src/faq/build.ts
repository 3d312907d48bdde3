import type { z } from 'zod';
import { LineError } from '../errors.js';
import type { FaqTexts } from './files.js';
import type { Entry, Faq, SmallTalk, Topic } from './model.js';
import { faqFileSchema, type FaqFile, type SmallTalkId } from './schema.js';
import { withSiblings } from './siblings.js';
import { parseYamlText } from './yaml.js';

/** Parse and validate the text of a one-file FAQ. Throws a LineError naming file, entry and field. */
export function buildFaq(yamlText: string, source: string): Faq {
  return buildFaqSet({ main: { path: source, text: yamlText } });
}

/**
 * Parse and validate an FAQ's files (the main file and the siblings beside it, faq/files.ts) into one
 * Faq. Pure: the caller reads the files. Throws a LineError naming the file, entry and field.
 */
export function buildFaqSet(texts: FaqTexts): Faq {
  const source = texts.main.path;
  const raw = withSiblings(parseYamlText(texts.main), texts);
  const parsed = faqFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new LineError('FAQ_INVALID', `${source}: ${describeIssue(parsed.error.issues[0], raw)}`, 'see faq-data/README.md for the format');
  }
  checkUnique(parsed.data, source);
  return freeze(parsed.data, source);
}

/** A schema problem of an FAQ data file, naming the entry and field: `entry 3 "x", field "phrasings": ...`. */
export function describeIssue(issue: z.core.$ZodIssue | undefined, raw: unknown): string {
  if (!issue) return 'invalid';
  const path = issue.path;
  const [section, index, field, ...rest] = path;
  if ((section === 'entries' || section === 'smalltalk') && typeof index === 'number') {
    const item = (raw as Record<string, unknown[]>)[section]?.[index] as Record<string, unknown> | undefined;
    const name = typeof item?.id === 'string' ? ` "${item.id}"` : '';
    const where = `${section === 'entries' ? 'entry' : 'small-talk entry'} ${index + 1}${name}`;
    if (field === undefined) return `${where}: ${issue.message}`;
    const sub = rest.length ? `[${rest.join('][')}]` : '';
    return `${where}, field "${String(field)}${sub}": ${issue.message}`;
  }
  return path.length ? `field "${path.join('.')}": ${issue.message}` : issue.message;
}

function checkUnique(file: FaqFile, source: string): void {
  const seen = new Set<string>();
  file.entries.forEach((entry, i) => {
    if (seen.has(entry.id)) {
      throw new LineError('FAQ_INVALID', `${source}: entry ${i + 1} "${entry.id}", field "id": is used by an earlier entry`, 'ids must be unique');
    }
    seen.add(entry.id);
  });
  const talk = new Set<string>();
  file.smalltalk.forEach((item, i) => {
    if (talk.has(item.id)) {
      throw new LineError('FAQ_INVALID', `${source}: small-talk entry ${i + 1} "${item.id}", field "id": is used by an earlier small-talk entry`);
    }
    talk.add(item.id);
  });
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function freeze(file: FaqFile, source: string): Faq {
  const entries: Entry[] = file.entries.map((e, i) =>
    Object.freeze({ ...e, number: i + 1, also: Object.freeze(e.also), phrasings: Object.freeze(e.phrasings) }),
  );
  const topicNames: string[] = [];
  for (const e of entries) {
    for (const t of [e.topic, ...e.also.map((a) => a.topic)]) if (!topicNames.includes(t)) topicNames.push(t);
  }
  const topics: Topic[] = topicNames.map((name, i) =>
    Object.freeze({
      letter: LETTERS[i] ?? String(i + 1),
      name,
      entries: entries.filter((e) => e.topic === name || e.also.some((a) => a.topic === name)),
    }),
  );
  const smalltalk = new Map<SmallTalkId, SmallTalk>(file.smalltalk.map((s) => [s.id, Object.freeze(s)]));
  return Object.freeze({
    source,
    name: file.name,
    apology: file.apology,
    synonyms: Object.freeze(file.synonyms),
    understanding: Object.freeze(file.understanding),
    smalltalk,
    declines: Object.freeze(file.declines),
    languages: Object.freeze(file.languages ?? {}),
    entries: Object.freeze(entries),
    topics: Object.freeze(topics),
  });
}

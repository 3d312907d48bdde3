import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import { LineError } from '../errors.js';
import type { Faq } from './model.js';
import { languagesSchema, type LanguageApology } from './schema.js';

/** The apologies for other languages are kept in this file beside the FAQ's main file. */
export const LANGUAGES_FILE = 'languages.yaml';

export function languagesPath(faqFile: string): string {
  return join(dirname(faqFile), LANGUAGES_FILE);
}

/** Parse and validate languages.yaml. Throws a LineError naming the file, the language and the field. */
export function parseLanguages(yamlText: string, path: string): Record<string, LanguageApology> {
  const doc = parseDocument(yamlText, { prettyErrors: true });
  const syntax = doc.errors[0];
  if (syntax) throw new LineError('FAQ_SYNTAX', `${path}: ${syntax.message.split('\n')[0]}`, 'fix the YAML at that line');
  const parsed = languagesSchema.safeParse(doc.toJS() ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const [language, field] = issue?.path ?? [];
  const where = language === undefined ? '' : `language "${String(language)}"${field === undefined ? '' : `, field "${String(field)}"`}: `;
  // A bad key's own message ("must be a two-letter ... code") is inside the record's issue.
  const message = (issue?.code === 'invalid_key' ? issue.issues[0]?.message : issue?.message) ?? 'invalid';
  throw new LineError('FAQ_INVALID', `${path}: ${where}${message}`, 'see faq-data/README.md for the format');
}

/** The FAQ with the apologies of languages.yaml; the FAQ file must not give them too. */
export function withLanguages(faq: Faq, languages: Record<string, LanguageApology>, path: string): Faq {
  if (Object.keys(faq.languages).length) {
    throw new LineError('FAQ_INVALID', `${faq.source}: field "languages": is also given in ${path}; keep one`);
  }
  return Object.freeze({ ...faq, languages: Object.freeze(languages) });
}

/** The FAQ with languages.yaml beside it read in, when there is one. */
export async function readLanguagesBeside(faq: Faq): Promise<Faq> {
  const path = languagesPath(faq.source);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return faq;
    throw new LineError('FAQ_UNREADABLE', `${path}: ${(err as Error).message}`, 'the FAQ reads this file beside its main file');
  }
  return withLanguages(faq, parseLanguages(text, path), path);
}

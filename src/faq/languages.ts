import { LineError } from '../errors.js';
import { languagesSchema, type LanguageApology } from './schema.js';
import { parseYamlText } from './yaml.js';

/** Parse and validate languages.yaml. Throws a LineError naming the file, the language and the field. */
export function parseLanguages(yamlText: string, path: string): Record<string, LanguageApology> {
  const parsed = languagesSchema.safeParse(parseYamlText({ path, text: yamlText }) ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const [language, field] = issue?.path ?? [];
  const where = language === undefined ? '' : `language "${String(language)}"${field === undefined ? '' : `, field "${String(field)}"`}: `;
  // A bad key's own message ("must be a two-letter ... code") is inside the record's issue.
  const message = (issue?.code === 'invalid_key' ? issue.issues[0]?.message : issue?.message) ?? 'invalid';
  throw new LineError('FAQ_INVALID', `${path}: ${where}${message}`, 'see faq-data/README.md for the format');
}

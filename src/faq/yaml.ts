import { parseDocument } from 'yaml';
import { LineError } from '../errors.js';
import type { FaqText } from './files.js';

/** The YAML of one file of the FAQ, as plain data. Throws FAQ_SYNTAX naming the file and the first problem. */
export function parseYamlText({ path, text }: FaqText): unknown {
  const doc = parseDocument(text, { prettyErrors: true });
  const syntax = doc.errors[0];
  if (syntax) throw new LineError('FAQ_SYNTAX', `${path}: ${syntax.message.split('\n')[0]}`, 'fix the YAML at that line');
  return doc.toJS() as unknown;
}

import { decodeHTML } from 'entities';
import { LineError } from '../errors.js';

/** One TOPIC/QUESTION/ANSWER block of an FAQ export, cleaned. */
export interface SourceBlock {
  readonly topic: string;
  readonly question: string;
  readonly answer: string;
  /** 1-based line of the block's TOPIC, for messages. */
  readonly line: number;
}

export interface SourceDocument {
  readonly blocks: readonly SourceBlock[];
  /** The assistant's reply to the greeting at the end of the export ("AI: ..."), if any. */
  readonly greeting?: string;
}

const FIELD = /^(TOPIC|QUESTION|ANSWER):\s?(.*)$/;
const SECTION_END = /^(INSTRUCTION:|_{3,}|Human:|AI:)/;

/** Parse the export format: blocks of TOPIC:, QUESTION:, ANSWER: lines (an answer may run on). */
export function parseSource(text: string, file: string): SourceDocument {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: SourceBlock[] = [];
  let current: { topic?: string; question?: string; answer?: string[]; line: number } | undefined;
  let inFaq = false;

  const finish = (): void => {
    if (!current) return;
    const { topic, question, answer, line } = current;
    if (topic === undefined || question === undefined || answer === undefined) {
      const missing = topic === undefined ? 'TOPIC' : question === undefined ? 'QUESTION' : 'ANSWER';
      throw new LineError('IMPORT_FORMAT', `${file}:${line}: block has no ${missing} line`, 'each block is TOPIC:, QUESTION:, ANSWER: in that order');
    }
    blocks.push({ topic: cleanText(topic), question: cleanText(question), answer: cleanText(answer.join(' ')), line });
    current = undefined;
  };

  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    if (SECTION_END.test(line)) {
      finish();
      inFaq = false;
      return;
    }
    const m = FIELD.exec(line);
    if (m) {
      const [, field, value = ''] = m;
      inFaq = true;
      if (field === 'TOPIC') {
        finish();
        current = { topic: value, line: i + 1 };
      } else if (!current) {
        throw new LineError('IMPORT_FORMAT', `${file}:${i + 1}: ${field} before any TOPIC`, 'each block starts with a TOPIC: line');
      } else if (field === 'QUESTION') {
        current.question = value;
      } else {
        current.answer = [value];
      }
      return;
    }
    if (inFaq && current?.answer && line.trim() !== '') current.answer.push(line.trim());
  });
  finish();
  if (blocks.length === 0) {
    throw new LineError('IMPORT_FORMAT', `${file}: no TOPIC/QUESTION/ANSWER blocks found`, 'is this an FAQ export?');
  }
  const greeting = /^AI:\s*(.+)$/m.exec(text)?.[1];
  return greeting ? { blocks, greeting: cleanText(greeting) } : { blocks };
}

/**
 * Undo the export's damage and nothing else: HTML entities, doubled quotes (""Hard Down""),
 * runs of spaces, and a link repeated back to back.
 */
export function cleanText(text: string): string {
  return decodeHTML(text)
    .replace(/""([^"]+)""/g, '"$1"')
    .replace(/\s+/g, ' ')
    .replace(/(https?:\/\/\S+) \1(?=\s|$)/g, '$1')
    .trim();
}

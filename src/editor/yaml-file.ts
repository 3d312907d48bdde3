import { stringify } from 'yaml';
import type { FaqFile } from '../faq/schema.js';

const HEADER = `# The FAQ the line answers from. Edit freely; the line validates this file at start and on reload.
# Format: faq-data/README.md. Answers are given exactly as written here; phrasings teach the line
# how people ask (write them as people text and speak, never copy evaluation questions here).
`;

/** The data file's text, in the order and style an editor expects. */
export function formatFaqFile(file: FaqFile): string {
  const ordered = {
    name: file.name,
    apology: file.apology,
    synonyms: file.synonyms,
    understanding: file.understanding,
    smalltalk: file.smalltalk,
    entries: file.entries.map((e) => ({
      id: e.id,
      topic: e.topic,
      question: e.question,
      ...(e.also.length ? { also: e.also } : {}),
      answer: e.answer,
      phrasings: e.phrasings,
    })),
    ...(file.declines.length ? { declines: file.declines } : {}),
  };
  return HEADER + stringify(ordered, { lineWidth: 0, flowCollectionPadding: false });
}

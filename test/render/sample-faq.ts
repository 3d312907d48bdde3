import { buildFaq } from '../../src/faq/build.js';
import type { Entry, Faq } from '../../src/faq/model.js';

/** A small FAQ in the data file's format, independent of faq-data/faq.yaml. */
export interface SampleEntry {
  readonly id: string;
  readonly topic: string;
  readonly question: string;
  readonly answer: string;
  readonly phrasings?: readonly string[];
  readonly also?: ReadonlyArray<{ readonly topic: string; readonly question: string }>;
}

const BCDR = 'Business Continuity and Disaster Recovery';
const CLOUD = 'Cloud Security';

export const SAMPLE_ENTRIES: readonly SampleEntry[] = [
  { id: 'business-continuity-plan', topic: BCDR, question: 'Business Continuity Plan', answer: 'Twilio’s platform runs in several AWS regions. See https://status.twilio.com/ for its status.' },
  { id: 'backup-zones', topic: BCDR, question: 'BCDR backup zones', answer: 'Backups are kept in AWS US West and encrypted at rest.' },
  { id: 'legal-language-for-bcp', topic: BCDR, question: 'Legal language for BCP', answer: 'Twilio maintains business continuity procedures and reviews them periodically.' },
  {
    id: 'maintenance-windows',
    topic: BCDR,
    question: 'Scheduled Maintenance Window',
    also: [{ topic: CLOUD, question: 'Downtime / Maintenance windows' }],
    answer: 'Twilio does not interrupt service for scheduled maintenance.',
  },
  { id: 'data-isolation', topic: CLOUD, question: 'Customer data isolation / multi-tenancy', answer: 'Each customer’s data is kept apart by account SID.' },
];

const SMALLTALK = [
  { id: 'help', answer: 'I answer questions from the Example FAQ.', phrasings: ['help', 'menu', 'what can you do'] },
  { id: 'greeting', answer: 'Hi! Text me a question.', phrasings: ['hi', 'hello', 'hey'] },
  { id: 'thanks', answer: 'You’re welcome!', phrasings: ['thanks', 'thank you', 'ty'] },
];

/** The YAML text of a sample FAQ (JSON strings are valid YAML scalars). */
export function sampleYaml(entries: readonly SampleEntry[] = SAMPLE_ENTRIES, smalltalk: readonly object[] = SMALLTALK): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = ['name: the Example FAQ', `apology: ${q("Sorry, I can't answer that.")}`, `smalltalk: ${JSON.stringify(smalltalk)}`, 'entries:'];
  for (const e of entries) {
    lines.push(`  - id: ${e.id}`, `    topic: ${q(e.topic)}`, `    question: ${q(e.question)}`, `    answer: ${q(e.answer)}`);
    if (e.also) lines.push(`    also: ${JSON.stringify(e.also)}`);
    const phrasings = e.phrasings ?? [1, 2, 3, 4, 5, 6].map((n) => `${e.id.replace(/-/g, ' ')} ${n}`);
    lines.push(`    phrasings: ${JSON.stringify(phrasings)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function sampleFaq(entries?: readonly SampleEntry[], smalltalk?: readonly object[]): Faq {
  return buildFaq(sampleYaml(entries, smalltalk), 'sample.yaml');
}

export function entryOf(faq: Faq, id: string): Entry {
  const entry = faq.entries.find((e) => e.id === id);
  if (!entry) throw new Error(`no entry ${id}`);
  return entry;
}

/** Whole, distinct sentences joined by spaces: as many as fit in `length` characters. */
export function sentences(length: number): string {
  let text = '';
  for (let i = 1; ; i++) {
    const next = `${text ? `${text} ` : ''}Sentence ${i} says that backups are encrypted and stored in several availability zones.`;
    if (next.length > length) return text;
    text = next;
  }
}

import type { Entry, Faq, Topic } from '../faq/model.js';
import type { SmallTalkId } from '../faq/schema.js';
import { speakable } from './speakable.js';
import { voiceHints } from './voice-hints.js';
import { voicePages, voiceSegments } from './voice-pages.js';

/** An answer as the voice line speaks it: pages of <Say> segments. */
export interface SpokenAnswer {
  readonly pages: readonly (readonly string[])[];
}

/**
 * Everything the voice line says that comes from the FAQ, derived once when the line is built:
 * each answer's spoken pages (with and without the offer to text a long link), spoken labels for
 * the keypad menus, the greeting's example question and the recogniser's hints.
 */
export interface VoiceBook {
  /** The entry's answer as spoken; `texting` says whether a long link may be offered by text. */
  answer(entry: Entry, texting: boolean): SpokenAnswer;
  /** A question's spoken label in a menu, as `topic` lists it. */
  question(entry: Entry, topic?: Topic): string;
  /** A topic's spoken name. */
  topic(topic: Topic): string;
  /** Small talk from the FAQ file, spoken, or undefined when the file has none for `id`. */
  smalltalk(id: SmallTalkId): string | undefined;
  /** The FAQ's name, spoken: "the Twilio F A Q". */
  readonly name: string;
  /** The apology, spoken. */
  readonly apology: string;
  /** One question a caller could ask, spoken: "where are backups stored?". */
  readonly example: string;
  /** <Gather hints>: comma-separated, within Twilio's limits. */
  readonly hints: string;
}

export function createVoiceBook(faq: Faq): VoiceBook {
  const speak = (text: string): string => speakable(text, { texting: false });
  const answers = new Map<string, readonly [SpokenAnswer, SpokenAnswer]>();
  for (const entry of faq.entries) {
    const pages = (texting: boolean): SpokenAnswer => ({ pages: voicePages(voiceSegments(speakable(entry.answer, { texting }))) });
    answers.set(entry.id, [pages(false), pages(true)]);
  }
  const labels = new Map<string, string>();
  for (const entry of faq.entries) {
    labels.set(entry.id, label(speak(entry.question)));
    for (const also of entry.also) labels.set(`${entry.id}\n${also.topic}`, label(speak(also.question)));
  }
  const topics = new Map(faq.topics.map((t) => [t.name, label(speak(t.name))]));
  const smalltalk = new Map([...faq.smalltalk].map(([id, talk]) => [id, speak(talk.answer)]));
  return {
    answer: (entry, texting) => answers.get(entry.id)?.[texting ? 1 : 0] ?? { pages: voicePages(voiceSegments(speakable(entry.answer, { texting }))) },
    question: (entry, topic) => (topic && labels.get(`${entry.id}\n${topic.name}`)) || labels.get(entry.id) || label(speak(entry.question)),
    topic: (topic) => topics.get(topic.name) ?? label(speak(topic.name)),
    smalltalk: (id) => smalltalk.get(id),
    name: speak(faq.name),
    apology: speak(faq.apology),
    example: exampleQuestion(faq),
    hints: voiceHints(faq).join(', '),
  };
}

/** A question or name inside a spoken list: no brackets, no closing punctuation. */
function label(text: string): string {
  return text
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/["]/g, '')
    .trim()
    .replace(/[\s.?!:;,]+$/, '');
}

/** The example in the help small talk ("for example: Where are backups stored?"), or a phrasing that reads like a question. */
function exampleQuestion(faq: Faq): string {
  const help = faq.smalltalk.get('help')?.answer ?? '';
  const quoted = /for example:?\s*([^.?!]{8,100}\?)/i.exec(help)?.[1];
  const phrasing = faq.entries.flatMap((e) => e.phrasings).find((p) => /^(where|what|how|do|does|is|are|can)\b/i.test(p) && p.split(' ').length >= 4);
  const example = quoted ?? phrasing ?? faq.entries[0]?.question ?? '';
  const spoken = speakable(example, { texting: false }).replace(/[.?!]+$/, '');
  const lower = /^(where|what|how|do|does|is|are|can|who|when|why)\b/i.test(spoken);
  return `${lower ? spoken.charAt(0).toLowerCase() : spoken.charAt(0)}${spoken.slice(1)}?`;
}

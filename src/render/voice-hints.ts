import type { Faq } from '../faq/model.js';

/** Twilio's limits on <Gather hints>: at most 500 phrases, each at most 100 characters. */
export const MAX_HINTS = 500;
export const MAX_HINT_CHARS = 100;

/** What callers say to steer the call; hinted so the recogniser expects them. */
const COMMANDS = ['text me that', 'continue', 'more', 'repeat', 'menu', 'goodbye', 'no thanks', "that's all"];

/**
 * The phrases that help the speech recogniser with this FAQ: its acronyms (AWS, BCDR, RTO...),
 * the canonical terms of its synonyms, its topic names and questions, and the call's commands.
 * Each phrase is cleaned of commas (the separator) and brackets, at most 100 characters; at most
 * 500 phrases, without case-insensitive duplicates. Computed once per FAQ.
 */
export function voiceHints(faq: Faq): string[] {
  const acronyms = new Set<string>();
  for (const text of [...faq.entries.flatMap((e) => [e.question, e.answer]), ...faq.entries.flatMap((e) => e.also.map((a) => a.question))]) {
    for (const m of text.replace(/\bhttps?:\/\/\S+/g, ' ').matchAll(/\b[A-Z][A-Z0-9]{1,5}(?=s?\b)/g)) acronyms.add(m[0]);
  }
  const phrases = [
    ...acronyms,
    ...Object.keys(faq.synonyms),
    ...faq.topics.map((t) => t.name),
    ...faq.entries.flatMap((e) => [e.question, ...e.also.map((a) => a.question)]),
    ...COMMANDS,
  ];
  const seen = new Set<string>();
  const hints: string[] = [];
  for (const phrase of phrases) {
    const hint = clean(phrase);
    const key = hint.toLowerCase();
    if (!hint || seen.has(key)) continue;
    seen.add(key);
    hints.push(hint);
    if (hints.length === MAX_HINTS) break;
  }
  return hints;
}

/** "Where are Twilio Data Centres located? (general includes SendGrid)" -> "Where are Twilio Data Centres located". */
function clean(phrase: string): string {
  const words = phrase
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[,"()[\]{}<>?!.;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (words.length <= MAX_HINT_CHARS) return words;
  return words.slice(0, MAX_HINT_CHARS + 1).replace(/\s+\S*$/, '');
}

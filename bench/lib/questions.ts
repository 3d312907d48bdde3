import type { Faq } from '../../src/faq/model.js';
import { seeded, type Random } from './random.js';
import { CITIES, CLOSERS, EVERYDAY_NOUNS, OFF_TOPIC_TEMPLATES, OPENERS } from './vocab.js';

/**
 * `count` distinct questions for `faq`, the same on every run for a seed: about 65% reworded
 * phrasings of its entries (openers, closers, a typo, a synonym, halves of two phrasings joined),
 * 20% everyday questions it does not cover and 15% near-misses that borrow one of its words.
 * Distinct texts, so no cache of whole texts can stand in for the classifier.
 */
export function generateQuestions(faq: Faq, count: number, seed = 7): string[] {
  const rnd = seeded(seed);
  const asked = faq.entries.map((e) => [e.question, ...e.phrasings]);
  const faqWords = [...new Set(asked.flat().join(' ').toLowerCase().match(/[a-z]{5,}/g) ?? [])];
  const synonyms = Object.entries(faq.synonyms);
  const out = new Set<string>();
  for (let attempts = 0; out.size < count && attempts < count * 20; attempts++) {
    const roll = rnd.next();
    let q: string;
    if (roll < 0.65) q = reworded(rnd, rnd.pick(asked), synonyms);
    else if (roll < 0.85) q = offTopic(rnd);
    else q = nearMiss(rnd, rnd.pick(faqWords));
    q = q.replace(/\s+/g, ' ').trim();
    if (q) out.add(q);
  }
  return [...out];
}

function reworded(rnd: Random, texts: readonly string[], synonyms: readonly (readonly [string, readonly string[]])[]): string {
  let q = rnd.pick(texts);
  if (texts.length > 1 && rnd.chance(0.25)) {
    const other = rnd.pick(texts).split(' ');
    const words = q.split(' ');
    q = [...words.slice(0, Math.ceil(words.length / 2)), ...other.slice(Math.floor(other.length / 2))].join(' ');
  }
  q = q.replace(/[?.!]+$/, '');
  if (rnd.chance(0.3)) q = typo(rnd, q);
  if (synonyms.length && rnd.chance(0.3)) {
    const [canonical, variants] = rnd.pick(synonyms);
    if (q.toLowerCase().includes(canonical) && variants.length) q = q.toLowerCase().replace(canonical, rnd.pick(variants));
  }
  if (rnd.chance(0.4)) q = q.toLowerCase();
  return rnd.pick(OPENERS) + q + rnd.pick(CLOSERS);
}

/** Swap two letters, drop one, or double one, in a word of 5 letters or more. */
function typo(rnd: Random, text: string): string {
  const words = text.split(' ');
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => /^[a-z]{5,}$/i.test(w));
  if (!long.length) return text;
  const [word, at] = rnd.pick(long);
  const i = 1 + rnd.int(word.length - 2);
  const kind = rnd.int(3);
  words[at] =
    kind === 0 ? word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2)
    : kind === 1 ? word.slice(0, i) + word.slice(i + 1)
    : word.slice(0, i) + word.charAt(i) + word.slice(i);
  return words.join(' ');
}

function offTopic(rnd: Random): string {
  return rnd.pick(OFF_TOPIC_TEMPLATES).replace('{x}', rnd.pick(EVERYDAY_NOUNS)).replace('{c}', rnd.pick(CITIES)) + rnd.pick(CLOSERS);
}

function nearMiss(rnd: Random, word: string): string {
  const x = rnd.pick(EVERYDAY_NOUNS);
  const forms = [`what is the ${word} of my ${x}`, `${word} for my ${x}`, `does my ${x} have a ${word}`, `how do i get ${word} for a ${x}`, `${x} ${word} near ${rnd.pick(CITIES)}`];
  return rnd.pick(OPENERS) + rnd.pick(forms) + rnd.pick(CLOSERS);
}

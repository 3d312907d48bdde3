import { createSoundAlikes, type SoundAlikes } from './sound-alike.js';
import { makeSpeller } from './spelling.js';
import { compileSynonyms } from './synonyms.js';
import { cleanText, expandShorthand, joinSpelledLetters } from './text.js';
import { createWordReader, MAX_WORD_LENGTH, type Word, type WordReader } from './wink.js';

/** An utterance reduced to what the classifier compares. */
export interface Analysis {
  /** Stems of the content words (stop words dropped), in order, with repeats. */
  readonly content: readonly string[];
  /** Stems of content words that neither the English model nor the FAQ knows. */
  readonly unknown: readonly string[];
  /**
   * Whether each content word is a noun, name or number (same order as `content`). With `tagged`
   * given to `analyze`, only the words it names are sure to be tagged; the others may read false.
   */
  readonly naming: readonly boolean[];
  /** Stems of every word, stop words included, in order: for phrase features. */
  readonly words: readonly string[];
  /** The normal form of every word (same order as `words`): "'s" marks a possessive. */
  readonly normals: readonly string[];
  /** Whether each word (same order as `words`) is known to neither English nor the FAQ: a name such as "plivo". */
  readonly names: readonly boolean[];
}

const NAMING: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'NUM']);

export interface Analyzer {
  /**
   * `tagged(stem)`: whether the caller needs to know if this content word is a noun (see `naming`).
   * With it, a text made of pieces read before skips wink-nlp's document and tagger: the words it
   * names are tagged as read on their own. On the eval and held-out sets (about 1,000 texted and
   * spoken questions) that changes no answer, and it saves most of the work of reading.
   */
  analyze(text: string, tagged?: (stem: string) => boolean): Analysis;
  /** The types of the named entities in a text (DATE, MONEY, EMAIL, ...), read by the same reader. */
  entityTypes(text: string): string[];
  /** The FAQ's words as read when it was built: `createAnalyzer(synonyms, { vocabulary })` gives the same analyzer without reading again. */
  readonly vocabulary: readonly Word[];
  /** The text with runs of words that sound like one FAQ word joined into it ("main tenants" -> "maintenance"), if any. */
  soundAlike(text: string): string | undefined;
}

/**
 * Build the analysis pipeline for one FAQ: clean-up, spelled letters, the FAQ's synonyms,
 * wink-nlp words, and spelling correction towards the FAQ's vocabulary. It reads with its own
 * wink-nlp reader (`reader`), so no two analyzers share a lexicon or a cache.
 */
export function createAnalyzer(
  synonyms: Readonly<Record<string, readonly string[]>>,
  training: readonly string[] | { readonly vocabulary: readonly Word[] },
  reader: WordReader = createWordReader(),
): Analyzer {
  const { readWords, readUntagged, tagAlone } = reader;
  const rewrite = compileSynonyms(synonyms, (s) => expandShorthand(cleanText(s)));
  const prepare = (text: string, known: (w: string) => boolean): string =>
    rewrite(expandShorthand(joinSpelledLetters(cleanText(text), known)));

  // The FAQ's vocabulary: every word of its phrasings, questions, answers and synonyms.
  const vocabulary = new Map<string, Word>();
  if ('vocabulary' in training) {
    for (const word of training.vocabulary) vocabulary.set(word.normal, word);
  } else {
    const none = (): boolean => false;
    const canonical = Object.keys(synonyms).map((k) => cleanText(k));
    for (const text of [...training, ...canonical]) {
      for (const word of readWords(prepare(text, none))) vocabulary.set(word.normal, word);
    }
  }
  const acronymish = new Set([...vocabulary.keys()].filter((w) => /^[a-z]{2,6}$/.test(w)));
  for (const [canonicalForm, variants] of Object.entries(synonyms)) {
    for (const v of [canonicalForm, ...variants]) {
      const squashed = cleanText(v).replace(/[^a-z]/g, '');
      if (squashed.length >= 2 && squashed.length <= 6) acronymish.add(squashed);
    }
  }
  const knownJoin = (w: string): boolean => acronymish.has(w);
  // Sound-alike targets: the FAQ's words, and its synonyms as written ("t-sirt", "maintenance windows").
  const variants = Object.entries(synonyms).flatMap(([k, v]) => [k, ...v].map((x) => cleanText(x)));
  // Built on the first question that needs a second reading: most lines never hear one.
  let sounds: SoundAlikes | undefined;
  const soundAlikes = (): SoundAlikes =>
    (sounds ??= createSoundAlikes([...[...vocabulary.values()].filter((w) => !w.stop).map((w) => w.normal), ...variants]));
  const correct = makeSpeller(vocabulary.keys());
  const corrections = new Map<string, Word | undefined>();

  const fix = (word: Word): Word => {
    if (!word.unknown || vocabulary.has(word.normal) || word.normal.length > MAX_WORD_LENGTH) return word;
    if (!corrections.has(word.normal)) {
      const to = correct(word.normal);
      // Remember at most a bounded number of corrections: input is unbounded.
      if (corrections.size > 10_000) corrections.clear();
      corrections.set(word.normal, to === undefined ? undefined : vocabulary.get(to));
    }
    return corrections.get(word.normal) ?? word;
  };

  return {
    vocabulary: [...vocabulary.values()],
    analyze(text, tagged) {
      const content: string[] = [];
      const unknown: string[] = [];
      const words: string[] = [];
      const naming: boolean[] = [];
      const normals: string[] = [];
      const names: boolean[] = [];
      const prepared = prepare(text, knownJoin);
      const quick = tagged ? readUntagged(prepared) : undefined;
      for (const word of (quick ?? readWords(prepared)).map(fix)) {
        words.push(word.stem);
        normals.push(word.normal);
        names.push(word.unknown && !vocabulary.has(word.normal));
        if (word.stop) continue;
        content.push(word.stem);
        // With `tagged`, a word's part of speech is always the one it has read on its own, whichever
        // way the text was read: the same question gets the same score every time.
        naming.push(NAMING.has(tagged ? (tagged(word.stem) ? tagAlone(word.normal) : '') : word.pos));
        if (word.unknown && !vocabulary.has(word.normal)) unknown.push(word.stem);
      }
      return { content, unknown, words, naming, normals, names };
    },
    entityTypes: reader.entityTypes,
    soundAlike: (text) => soundAlikes()(cleanText(text)),
  };
}

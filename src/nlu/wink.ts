import winkNLP, { type ItsFunction, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { STOP_WORDS } from './stopwords.js';

/** A word of an utterance as the classifier sees it. */
export interface Word {
  /** Lower case, contractions expanded, American spelling. */
  readonly normal: string;
  readonly stem: string;
  readonly stop: boolean;
  /** Not in the English model's lexicon: a name, an acronym, a typo or nonsense. */
  readonly unknown: boolean;
  /** Universal part of speech (NOUN, VERB, ...); '' when read without context (`readUntagged`). */
  readonly pos: string;
}

/**
 * wink-nlp adds every word it has not seen to its lexicon, for the life of the instance. On a
 * public line, random text would grow that without end, so the instance is replaced after this
 * many new words (a replacement costs about 50 ms).
 */
const MAX_NEW_WORDS = 50_000;
const WORD_TYPES = new Set(['word', 'number']);
const MAX_PIECES = 50_000;

/**
 * Longer runs of letters are cut to this (the longest English words have about 30): wink-nlp's
 * tokenizer and the stemmer take time growing with the square of a token's length, so a pasted
 * 100 KB "word" would otherwise stall a request for seconds. Such a token matches nothing anyway.
 */
export const MAX_WORD_LENGTH = 40;
const OVERLONG = new RegExp(`\\S{${MAX_WORD_LENGTH + 1},}`, 'g');

/**
 * wink-eng-lite-web-model 1.8's `metaCER()` replaces its own machines with their JSON string on
 * every call, so each wink-nlp instance loads a string escaped once more than the last: about the
 * 20th instance in a process takes seconds and gigabytes, the 21st throws. Every line has its own
 * instance (and a reload makes a new line), so the machines are read once and handed to each.
 * Immutable data, the same for every instance: nothing of one line's reading is shared.
 */
const cer: unknown = (model.metaCER as () => unknown)();
const loadable: typeof model = { ...model, metaCER: () => cer };

/**
 * One wink-nlp reader and the words it remembers. Each line (each classifier) has its own, so two
 * lines in one process share no lexicon or cache: nothing here lives at module level.
 */
export interface WordReader {
  /** Tokens of a lower-case text: words and numbers only, punctuation and symbols dropped. */
  readWords(text: string): Word[];
  /**
   * A word's part of speech when read on its own: what the tagger thinks it most likely is, without
   * context. For questions read from remembered pieces; remembered, up to MAX_PIECES words.
   */
  tagAlone(normal: string): string;
  /**
   * The words of a text from pieces read before, without parts of speech (`pos` is ''): no wink-nlp
   * document is built. Undefined when a piece is new, or the text is not pieces joined by single spaces.
   */
  readUntagged(text: string): Word[] | undefined;
  /**
   * The types of the named entities wink-nlp finds in a text (DATE, MONEY, EMAIL, ...). For answers,
   * once per FAQ: its own instance, so the questions' reader keeps its cheaper pipe.
   */
  entityTypes(text: string): string[];
  /**
   * Whether a lower-case word is one of the English model's own words (not one read since): what
   * isEnglishWord answers, from the reader already loaded instead of a second unpacked copy of the
   * lexicon. Remembered, up to MAX_PIECES words.
   */
  knows(word: string): boolean;
}

export function createWordReader(): WordReader {
  let nlp: WinkMethods;
  let firstUnknownId = 0;
  /**
   * Stems by wink's id for the token's text: the Porter stemmer is the dearest step of reading an
   * utterance, and a line hears the same few hundred words again and again. Bounded like the lexicon.
   */
  const stems = new Map<number, string>();
  /**
   * The words of each space-separated piece of text wink-nlp has read, without their parts of speech.
   * Its tokenizer splits on spaces first and reads each piece on its own, so a piece always gives the
   * same words (checked on 6,800 texts); only the part-of-speech tagger looks across pieces.
   */
  const pieces = new Map<string, readonly Word[]>();
  const alone = new Map<string, string>();
  const lexicon = new Map<string, boolean>();
  let entityReader: WinkMethods | undefined;

  const fresh = (): void => {
    nlp = winkNLP(loadable, ['sbd', 'pos']);
    stems.clear();
    // The first word it has never seen gets the first id after the model's own lexicon.
    firstUnknownId = nlp.readDoc('qzqzqxv').tokens().out(nlp.its.uniqueId)[0] as number;
  };
  fresh();

  const readWords = (text: string): Word[] => {
    const tokens = nlp.readDoc(text.replace(OVERLONG, (w) => w.slice(0, MAX_WORD_LENGTH))).tokens();
    const its = nlp.its;
    // Whole columns at once: far cheaper than asking token by token.
    const types = tokens.out(its.type) as string[];
    const ids = tokens.out(its.uniqueId) as number[];
    const normals = tokens.out(its.normal) as string[];
    const tags = tokens.out(its.pos) as string[];
    const spaces = tokens.out(its.precedingSpaces) as string[];
    const values = tokens.out(its.value) as string[];
    const words: Word[] = [];
    // The pieces of the text as wink split it, to remember each piece's words.
    const read: { text: string; words: Word[] }[] = [];
    let newest = 0;
    for (let i = 0; i < types.length; i++) {
      if (i === 0 || spaces[i] !== '') read.push({ text: '', words: [] });
      const piece = read[read.length - 1] as { text: string; words: Word[] };
      piece.text += values[i] as string;
      if (!WORD_TYPES.has(types[i] as string)) continue;
      const id = ids[i] as number;
      newest = Math.max(newest, id);
      let stem = stems.get(id);
      if (stem === undefined) {
        // wink's own types do not fit its stem helper under strict mode.
        stem = tokens.itemAt(i).out(its.stem as unknown as ItsFunction<string>);
        stems.set(id, stem);
      }
      const normal = normals[i] as string;
      const word = { normal, stem, pos: tags[i] as string, stop: STOP_WORDS.has(normal), unknown: id >= firstUnknownId };
      words.push(word);
      piece.words.push({ ...word, pos: '' });
    }
    // Remember the pieces only when they are exactly the text split at its spaces.
    if (read.map((p) => p.text).join(' ') === text) {
      if (pieces.size + read.length > MAX_PIECES) pieces.clear();
      for (const p of read) pieces.set(p.text, p.words);
    }
    if (newest - firstUnknownId > MAX_NEW_WORDS) fresh();
    return words;
  };

  return {
    readWords,
    knows(word) {
      let known = lexicon.get(word);
      if (known === undefined) {
        const ids = nlp.readDoc(word).tokens().out(nlp.its.uniqueId) as number[];
        // "cannot", "couldnt": the tokenizer splits a contraction written without its apostrophe
        const newest = Math.max(firstUnknownId - 1, ...ids);
        known = ids.length > 0 && newest < firstUnknownId;
        if (lexicon.size >= MAX_PIECES) lexicon.clear();
        lexicon.set(word, known);
        if (newest - firstUnknownId > MAX_NEW_WORDS) fresh();
      }
      return known;
    },
    tagAlone(normal) {
      let pos = alone.get(normal);
      if (pos === undefined) {
        pos = readWords(normal)[0]?.pos ?? '';
        if (alone.size >= MAX_PIECES) alone.clear();
        alone.set(normal, pos);
      }
      return pos;
    },
    readUntagged(text) {
      const words: Word[] = [];
      let from = 0;
      for (;;) {
        const to = text.indexOf(' ', from);
        const known = pieces.get(to < 0 ? text.slice(from) : text.slice(from, to));
        if (known === undefined) return undefined;
        for (const w of known) words.push(w);
        if (to < 0) return words;
        from = to + 1;
      }
    },
    entityTypes(text) {
      entityReader ??= winkNLP(loadable, ['sbd', 'ner']);
      return entityReader.readDoc(text).entities().out(entityReader.its.type) as string[];
    },
  };
}

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Faq } from '../faq/model.js';
import { isEnglishWord } from './english-words.js';

/** What a language detector says about a text: an ISO 639-1 code ('' when it cannot tell) and whether it is sure. */
export interface Detected {
  readonly language: string;
  readonly reliable: boolean;
  /** How far the language's score is ahead of English's, 0..1 (1 when the detector gives no scores). */
  readonly aheadOfEnglish: number;
}

export type Detector = (text: string) => Detected;

/** The language of a text that is plainly not English, or undefined: English, or too short to tell. */
export type LanguageGuard = (text: string) => string | undefined;

type Eld = (typeof import('eld/extrasmall'))['eld'];
let eld: Eld | undefined;

/**
 * eld's 950 KB table is loaded on the first text that needs it (a Latin-script text that may be
 * foreign), not at start: English traffic and the line's start never pay for it. eld is an ES
 * module exporting no `require` entry, so its file is required by path (Node >= 20.19).
 */
function loadEld(): Eld {
  const file = fileURLToPath(import.meta.resolve('eld/extrasmall'));
  return (createRequire(import.meta.url)(file) as typeof import('eld/extrasmall')).eld;
}

/** eld (Nito-ELD, extra-small database): chosen by `npm run bench:language` (docs/language.md). */
export const eldDetector: Detector = (text) => {
  eld ??= loadEld();
  const result = eld.detect(text);
  const scores = result.getScores();
  return { language: result.language, reliable: result.isReliable(), aheadOfEnglish: (scores[result.language] ?? 0) - (scores.en ?? 0) };
};

/** Letters of a script that decides the language on its own, and the language it means when the detector does not name one of that script. */
const SCRIPTS: readonly { readonly pattern: RegExp; readonly language: string; readonly languages: readonly string[] }[] = [
  { pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, language: 'ja', languages: ['ja'] },
  { pattern: /\p{Script=Han}/u, language: 'zh', languages: ['zh'] },
  { pattern: /\p{Script=Hangul}/u, language: 'ko', languages: ['ko'] },
  { pattern: /\p{Script=Cyrillic}/u, language: 'ru', languages: ['ru', 'uk', 'bg', 'be', 'sr', 'mk', 'kk'] },
  { pattern: /\p{Script=Arabic}/u, language: 'ar', languages: ['ar', 'fa', 'ur', 'ku'] },
  { pattern: /\p{Script=Devanagari}/u, language: 'hi', languages: ['hi', 'mr', 'ne'] },
  { pattern: /\p{Script=Greek}/u, language: 'el', languages: ['el'] },
  { pattern: /\p{Script=Hebrew}/u, language: 'he', languages: ['he'] },
  { pattern: /\p{Script=Thai}/u, language: 'th', languages: ['th'] },
];

const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;
/** A Han, kana or Hangul character carries a syllable or a word: it weighs as much as this many Latin letters. */
const SYLLABIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const SYLLABIC_WEIGHT = 3;
const WORD = /\p{L}+/gu;
const ASCII_WORD = /^[a-z]+$/;

/**
 * A Latin-script text is taken as foreign only when it has at least this many words that are not
 * everyday English...
 */
export const MIN_FOREIGN_WORDS = 2;
/** ...at most half of its words are English ("Onde ficam os backups da Twilio?" passes; "is twilio down rn" does not)... */
/** ...and the detector is sure of another language, scoring it this far ahead of English. */
export const MIN_LEAD = 0.1;

export interface GuardOptions {
  /** Languages the line has an apology for: a script shared by several languages names one of these when the detector does. */
  readonly languages?: Iterable<string>;
  /** Words that count as English besides everyday ones: the FAQ's own ("sendgrid", "rto", "allowlist"). */
  readonly vocabulary?: Iterable<string>;
  readonly detect?: Detector;
  /**
   * Whether a lower-case word is everyday English; by default isEnglishWord (wink-nlp's lexicon, unpacked
   * on first use: ~230 ms and ~11 MB). A line passes its wink reader's `knows`, which answers the same.
   */
  readonly english?: (word: string) => boolean;
}

/**
 * Tell whether a message is in another language than English, for the apology in that language.
 * Other scripts are decided by their share of the letters ("Где хранятся backup данные?" is
 * Russian). A Latin-script text needs most of its words to be words English does not use, and the
 * detector to be sure, so that shorthand, acronyms, typos and transcripts ("rto rpo", "wheres the
 * data senter", "DR plan pls") always stay English. Pure; never throws.
 */
export function createLanguageGuard(options: GuardOptions = {}): LanguageGuard {
  const detect = options.detect ?? eldDetector;
  const languages = new Set(options.languages ?? []);
  const vocabulary = new Set([...(options.vocabulary ?? [])].map((w) => w.toLowerCase()));
  const everyday = options.english ?? isEnglishWord;
  const english = (word: string): boolean => ASCII_WORD.test(word) && (vocabulary.has(word) || everyday(word));
  return (text) => {
    const script = scriptOf(text);
    if (script === 'latin') return latinForeign(text, detect, english);
    if (!script) return undefined;
    // The detector only chooses between languages of one script that both have an apology.
    if (script.languages.filter((l) => languages.has(l)).length < 2) return script.language;
    const { language, reliable } = safeDetect(detect, text);
    return reliable && languages.has(language) && script.languages.includes(language) ? language : script.language;
  };
}

/** The non-Latin script of more than half the (weighted) letters; 'latin' when Latin letters are at least half; undefined without letters. */
function scriptOf(text: string): (typeof SCRIPTS)[number] | 'latin' | undefined {
  let latin = 0;
  let other = 0;
  const others: string[] = [];
  for (const c of text) {
    if (LATIN.test(c)) latin++;
    else if (LETTER.test(c)) {
      other += SYLLABIC.test(c) ? SYLLABIC_WEIGHT : 1;
      others.push(c);
    }
  }
  // One letter says nothing: "¯\_(ツ)_/¯" is a shrug, not Japanese.
  if (latin + others.length < 2) return undefined;
  if (latin >= other) return 'latin';
  // Kana marks Japanese even among many Han characters.
  const [kana, ...rest] = SCRIPTS;
  if (kana && others.some((c) => kana.pattern.test(c))) return kana;
  let best: (typeof SCRIPTS)[number] | undefined;
  let most = 0;
  for (const script of rest) {
    const count = others.filter((c) => script.pattern.test(c)).length;
    if (count > most) [best, most] = [script, count];
  }
  return best;
}

function latinForeign(text: string, detect: Detector, english: (word: string) => boolean): string | undefined {
  // Words of one or two letters are English and foreign alike ("de", "si", "do", "em", "no").
  const words = (text.toLowerCase().match(WORD) ?? []).filter((w) => w.length > 2);
  if (words.length < MIN_FOREIGN_WORDS) return undefined;
  const known = words.filter(english).length;
  if (words.length - known < MIN_FOREIGN_WORDS || known * 2 > words.length) return undefined;
  const { language, reliable, aheadOfEnglish } = safeDetect(detect, text);
  return reliable && language !== '' && language !== 'en' && aheadOfEnglish >= MIN_LEAD ? language : undefined;
}

/** The words of some English texts (an FAQ's questions, answers and phrasings), for `vocabulary`. */
export function wordsOf(texts: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const text of texts) for (const word of text.toLowerCase().match(WORD) ?? []) words.add(word);
  return words;
}

function safeDetect(detect: Detector, text: string): Detected {
  try {
    return detect(text);
  } catch {
    return { language: '', reliable: false, aheadOfEnglish: 0 };
  }
}

/**
 * The guard for an FAQ: its languages' apologies, and its own words (answers, phrasings, synonyms)
 * counted as English. Not the declines: a decline may be a question in another language.
 */
export function languageGuardOf(faq: Faq, english?: (word: string) => boolean): LanguageGuard {
  const texts = [
    faq.name,
    faq.apology,
    ...faq.entries.flatMap((e) => [e.question, e.answer, ...e.phrasings, ...e.also.map((a) => a.question)]),
    ...[...faq.smalltalk.values()].flatMap((s) => [s.answer, ...s.phrasings]),
    ...Object.entries(faq.synonyms).flatMap(([canonical, variants]) => [canonical, ...variants]),
  ];
  return createLanguageGuard({ languages: Object.keys(faq.languages), vocabulary: wordsOf(texts), ...(english ? { english } : {}) });
}

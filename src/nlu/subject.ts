import type { Analysis } from './analyzer.js';

/**
 * Whose question is it? The FAQ speaks for one company ("you", "your", its name) and for what its
 * own text names as that company's (AWS as its host, SendGrid, T-SIRT). A question about another
 * company, product or person, or about the asker's own affairs ("my car insurance"), must be
 * declined even when its other words match an entry. Derived from the FAQ's text and general
 * English only: no list of other companies' names.
 */

/** Words that stand for someone without naming them: the line's "you", the asker, anyone. */
const PRONOUNS: ReadonlySet<string> = new Set(
  `i me you we us they them it he she this that these those there here one someone anyone everyone
  something anything everything nothing nobody somebody anybody everybody all any each either neither
  both what which who whom whose how when where why ya y'all yall u ur`.split(/\s+/),
);

/** Anyone's, not a particular other company's: "other people's data", "one tenant's servers". */
const ANYONES: ReadonlySet<string> = new Set(
  `other others another people ppl person customer customers tenant tenants user users client clients
  account accounts supplier suppliers vendor vendors party parties`.split(/\s+/),
);

/** Words that open a phrase naming who or what a question is about. */
const DETERMINERS: ReadonlySet<string> = new Set('a an the this that these those some any every each no another such'.split(' '));

const PREPOSITIONS: ReadonlySet<string> = new Set('to for of in on at with from about by into over under after before during'.split(' '));

/** The asker's and third parties' own: "my car", "their SLA". "your" and "you" are the line's. */
const OTHERS_OWN: ReadonlySet<string> = new Set(['my', 'our', 'his', 'her', 'their', 'mine', 'ours']);

/** Auxiliaries that open a yes/no question about a subject: "does plivo have", "is aws down". */
const QUESTION_AUX: ReadonlySet<string> = new Set(
  'do does did is are was were has have had can could will would should may might'.split(' '),
);

/** Words after which an auxiliary opens a question ("so does", "and is", "where does"). */
const OPENERS: ReadonlySet<string> = new Set(
  'so and but also then what where when how why which who um uh well ok okay hey hi hello like'.split(' '),
);

export interface SubjectProfile {
  /** Possessors the FAQ itself writes ("twilio's", "customer's"), and its own name. */
  readonly ownPossessors: ReadonlySet<string>;
  /** The FAQ's own name for itself, e.g. "twilio": its subject wherever it appears. */
  readonly own: ReadonlySet<string>;
  /** Whether a normal-form word occurs anywhere in the FAQ (answers, questions, phrasings, synonyms). */
  readonly knows: (normal: string) => boolean;
}

/** What a question is about when that is not the FAQ's company: the word that says so. */
export interface OtherSubject {
  readonly word: string;
  readonly why: 'possessive' | 'subject' | 'name';
}

/**
 * The FAQ's possessors and own name, from its texts (cleaned, lower case): "twilio's" and
 * "customer's" are its own; the FAQ's name ("the Twilio FAQ") gives its company.
 */
export function subjectProfile(texts: readonly string[], faqName: string, knows: (normal: string) => boolean): SubjectProfile {
  const ownPossessors = new Set<string>();
  for (const t of texts) for (const m of t.toLowerCase().matchAll(/([a-z][a-z0-9-]*)['\u2019]s\b/g)) ownPossessors.add(m[1] as string);
  const own = new Set(
    faqName
      .toLowerCase()
      .split(/[^a-z0-9-]+/)
      .filter((w) => w.length > 2 && knows(w) && !['the', 'faq', 'faqs', 'questions', 'frequently', 'asked'].includes(w)),
  );
  for (const w of own) ownPossessors.add(w);
  return { ownPossessors, own, knows };
}

/**
 * The word that puts a question on another subject, if any, for the entry it would be answered
 * from (`entryKnows`: whether the entry's own question, phrasings or answer use a stem).
 * - A possessor the FAQ never writes: "google drive's backups", "aws's own rto", "my company's bcp".
 * - The subject of a yes/no question that the entry never names: "does plivo have a bcp",
 *   "is aws having an outage" (the outages answer never names AWS), "does my health insurance cover".
 * - A name neither English nor the FAQ knows, naming the entry's thing: "is the vonage status page down".
 */
export function otherSubject(a: Analysis, profile: SubjectProfile, entryKnows: (stem: string) => boolean): OtherSubject | undefined {
  const { normals, words: stems } = a;
  for (let i = 0; i < normals.length; i++) {
    const w = normals[i] as string;
    const stem = stems[i] as string;
    // "the vonage status page": a name neither English nor the FAQ knows, naming the entry's thing.
    if (a.names[i] && w.length >= 4 && !/\d/.test(w) && DETERMINERS.has(normals[i - 1] as string) && entryKnows(stems[i + 1] ?? '')) {
      return { word: w, why: 'name' };
    }
    // "our own datacenter", "my own maintenance window": the asker's, not the line's.
    if (w === 'own' && OTHERS_OWN.has(normals[i - 1] as string)) return { word: `${normals[i - 1] as string} own`, why: 'possessive' };
    if ((w === 'my' || w === 'our' || w === 'their')) {
      const foreign = ownThing(i + 1, normals, profile);
      if (foreign) return { word: `${w} ${foreign}`, why: 'possessive' };
    }
    if (normals[i + 1] === "'s") {
      const others = OTHERS_OWN.has(normals[i - 1] as string);
      if (others || (!PRONOUNS.has(w) && !ANYONES.has(w) && !profile.ownPossessors.has(w) && !entryKnows(stem))) return { word: w, why: 'possessive' };
    }
    if (QUESTION_AUX.has(w) && (i === 0 || OPENERS.has(normals[i - 1] as string))) {
      const subject = subjectAfter(i + 1, normals, stems, profile, entryKnows);
      if (subject) return { word: subject, why: 'subject' };
    }
  }
  return undefined;
}

/** The subject phrase after an auxiliary, when it is someone else's: a bare name, or "my/their ...". */
function subjectAfter(
  at: number,
  normals: readonly string[],
  stems: readonly string[],
  profile: SubjectProfile,
  entryKnows: (stem: string) => boolean,
): string | undefined {
  const first = normals[at];
  if (first === undefined || PRONOUNS.has(first) || DETERMINERS.has(first) || PREPOSITIONS.has(first) || first === 'your' || first === 'not') return undefined;
  if (OTHERS_OWN.has(first)) {
    // "does my health insurance cover": the asker's own thing, named with a word the FAQ never uses.
    const next = normals[at + 1];
    return next !== undefined && !profile.knows(next) && !PRONOUNS.has(next) && !QUESTION_AUX.has(next) ? `${first} ${next}` : undefined;
  }
  if (profile.own.has(first)) return undefined;
  // A bare noun right after the auxiliary is what the question is about: it must be the entry's.
  return entryKnows(stems[at] as string) ? undefined : first;
}

/** "my home router", "our bakery": the asker's own thing, named with a word the FAQ never uses. */
function ownThing(at: number, normals: readonly string[], profile: SubjectProfile): string | undefined {
  const n = normals[at];
  if (n === undefined || PRONOUNS.has(n) || DETERMINERS.has(n) || PREPOSITIONS.has(n) || QUESTION_AUX.has(n) || !/^[a-z]/.test(n)) return undefined;
  if (profile.knows(n) || ANYONES.has(n)) return undefined;
  // "our pentesters are worried", "my boss wants": the asker's people setting the scene, not what the question is about.
  const next = normals[at + 1];
  if (next !== undefined && (QUESTION_AUX.has(next) || SCENE_VERBS.has(next))) return undefined;
  return n;
}

/** Verbs after "my/our X" that make X the one asking, not the thing asked about. */
const SCENE_VERBS: ReadonlySet<string> = new Set(
  'want wants wanted need needs needed ask asks asked say says said think thinks thought worry worries worried require requires required insist insists'.split(' '),
);

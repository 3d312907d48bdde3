import type { Entry, Faq } from '../faq/model.js';
import { createAnalyzer, type Analysis, type Analyzer } from './analyzer.js';
import { FeatureSpace, namedFeatures } from './features.js';
import { explainScan, type Explanation, type Scan } from './explain.js';
import { softmaxFrom, trainSoftmax, type SoftmaxWeights, type Sparse } from './softmax.js';
import { detailsAsked, detailsGiven, type Detail } from './detail.js';
import { otherSubject, subjectProfile, type OtherSubject } from './subject.js';
import type { Word, WordReader } from './wink.js';

export interface Match {
  readonly entry: Entry;
  /** 0..1: how much of the question this entry explains, blended with its nearest phrasing. */
  readonly score: number;
  /** Distinct content words of the question found in the entry's question and phrasings. */
  readonly evidence: number;
  /** Content words of the question that the entry does not use at all. */
  readonly unexplained: number;
}

/**
 * Which rule decided: `answer` (accepted), `no-match` (no entry shares a word), `threshold` (the
 * best score is too low), `evidence` (too few shared words), `subject` (about someone else),
 * `detail` (asks for a detail the answer does not give).
 */
export type Rule = 'answer' | 'no-match' | 'threshold' | 'evidence' | 'subject' | 'detail';

/** The classifier's verdict. `best` is there whenever any entry shares a word; `accepted` says whether to answer. */
export interface Classification {
  readonly accepted: boolean;
  readonly rule: Rule;
  /** With rule `subject`: the word that puts the question on another subject. */
  readonly subject?: OtherSubject;
  /** With rule `detail`: the detail asked for that the answer does not give. */
  readonly detail?: Detail;
  readonly best?: Match;
  /** The best entry after `best`, for clarification and logs. */
  readonly runnerUp?: Match;
}

export interface ClassifierOptions {
  /** Lowest score that is answered. Calibrated with `npm run calibrate`. */
  readonly threshold: number;
  /** Fewest distinct content words of the question that must occur in the entry's phrasings. */
  readonly minEvidence: number;
  /** How much a word found only in an entry's answer counts, next to one in its phrasings. */
  readonly answerWeight: number;
  /** Share of the score from coverage of the question; the rest from the nearest phrasing. */
  readonly coverageShare: number;
  /** How much more a word the FAQ never uses weighs than its rarest own word. */
  readonly foreignWeight: number;
  /** How much more a noun, name or number the FAQ never uses weighs than another foreign word. */
  readonly foreignNounWeight: number;
  /** Weight of the model trained on the phrasings in the score (geometric blend with word overlap). */
  readonly linearShare: number;
  /** Shared words needed when the question also has words the entry never uses. */
  readonly foreignEvidence: number;
}

export const defaultOptions: ClassifierOptions = { threshold: 0.5, minEvidence: 1, answerWeight: 0.5, coverageShare: 0.5, foreignWeight: 1, foreignNounWeight: 1, linearShare: 0, foreignEvidence: 2 };

export interface Classifier {
  classify(text: string): Classification;
  /** For the operator's console: the `top` entries that competed for `text` and the words they share (explain.ts). */
  explain?(text: string, top?: number): Explanation;
  readonly options: ClassifierOptions;
}

interface Posting {
  readonly doc: number;
  readonly weight: number;
}

/** An inverted index: term -> the documents it occurs in and its weight in each, as parallel arrays. */
type Index = ReadonlyMap<string, { readonly docs: Int32Array; readonly weights: Float64Array }>;

/**
 * What building the classifier for one FAQ works out, as plain data (structured-cloneable: a worker
 * can build it and a cache keep it). Only good for the options it was built with.
 */
export interface ClassifierIndex {
  /** The FAQ's words as the analyzer read them. */
  readonly words: readonly Word[];
  /** Per entry: the strength of each term (1 in what people ask, answerWeight in the answer only). */
  readonly strength: readonly ReadonlyMap<string, number>[];
  /** In how many entries each term occurs. */
  readonly df: ReadonlyMap<string, number>;
  /** Term -> entries (coverage). */
  readonly entryPostings: Index;
  /** Term -> phrasings (nearest phrasing), and the entry of each phrasing. */
  readonly docPostings: Index;
  readonly docEntry: readonly number[];
  /** The trained model's feature names by number, and its weights (with linearShare > 0). */
  readonly features: readonly string[];
  readonly softmax?: SoftmaxWeights;
  /** The normal form of every word of the FAQ's texts. */
  readonly vocabulary: ReadonlySet<string>;
  /** wink-nlp's named-entity types in each entry's answer. */
  readonly answerEntities: readonly (readonly string[])[];
}

/**
 * The expensive part of building a classifier: read every text of the FAQ with wink-nlp, index it
 * and train the model. Deterministic; no I/O.
 */
export function buildIndex(faq: Faq, options: Partial<ClassifierOptions> = {}, analyzer?: Analyzer): ClassifierIndex {
  const opts: ClassifierOptions = { ...defaultOptions, ...options };
  const entries = faq.entries;
  const declines = faq.declines;
  const asked = askedOf(entries);
  const nlu = analyzer ?? createAnalyzer(faq.synonyms, trainingTextsOf(faq, asked));
  const analysed = asked.map((texts) => texts.map((t) => nlu.analyze(t)));

  // Per entry: the strength of each term (1 in what people ask, answerWeight in the answer only).
  const strength: Map<string, number>[] = entries.map((e, i) => {
    const m = new Map<string, number>();
    for (const t of nlu.analyze(e.answer).content) m.set(t, opts.answerWeight);
    for (const a of analysed[i] ?? []) for (const t of a.content) m.set(t, 1);
    return m;
  });
  const df = new Map<string, number>();
  for (const m of strength) for (const t of m.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = entries.length;
  const weigh = weigher(df, n, opts);

  // Inverted indexes: term -> entries (coverage) and term -> phrasings (nearest phrasing).
  const entryLists = new Map<string, Posting[]>();
  strength.forEach((m, i) => m.forEach((s, t) => push(entryLists, t, { doc: i, weight: s })));
  const entryPostings = freeze(entryLists);
  const docEntry: number[] = [];
  const docLists = new Map<string, Posting[]>();
  analysed.forEach((list, i) => {
    for (const a of list) {
      const vec = unit(weigh(a));
      if (vec.size === 0) continue;
      const doc = docEntry.push(i) - 1;
      vec.forEach((w, t) => push(docLists, t, { doc, weight: w }));
    }
  });
  const docPostings = freeze(docLists);
  // The trained model: every way people ask an entry is an example of that entry.
  const space = new FeatureSpace();
  const learnFeatures = (a: Analysis): Sparse => space.vector(namedFeatures(a), true);
  const model =
    opts.linearShare > 0
      ? (() => {
          const xs: Sparse[] = [];
          const ys: number[] = [];
          const example = (a: Analysis, entry: number): void => {
            xs.push(learnFeatures(a));
            ys.push(entry);
          };
          analysed.forEach((list, i) => list.forEach((a) => example(a, i)));
          // Questions the line must decline form one more class, which draws probability away.
          for (const t of declines) example(nlu.analyze(t), n);
          return trainSoftmax(xs, ys, declines.length ? n + 1 : n, space.size);
        })()
      : undefined;
  const vocabulary = new Set(faqTextsOf(faq, asked).flatMap((t) => nlu.analyze(t).normals));
  return {
    words: nlu.vocabulary,
    strength,
    df,
    entryPostings,
    docPostings,
    docEntry,
    features: space.names(),
    ...(model ? { softmax: model.weights } : {}),
    vocabulary,
    answerEntities: entries.map((e) => nlu.entityTypes(e.answer)),
  };
}

/** What a classifier may be built from besides its FAQ; each part is made when not given. */
export interface ClassifierParts {
  /** Reads the FAQ (without an index) and the questions. */
  readonly analyzer?: Analyzer;
  /** `buildIndex(faq, options)`, from a worker or a cache. */
  readonly index?: ClassifierIndex;
  /** The wink-nlp reader of the analyzer made here (loading one takes a few hundred ms: it may be loaded beforehand). */
  readonly reader?: WordReader;
}

/** Build the classifier for one FAQ, from its index when given (built by `buildIndex` with the same options). Deterministic; no I/O. */
export function createClassifier(faq: Faq, options: Partial<ClassifierOptions> = {}, { analyzer, index: built, reader }: ClassifierParts = {}): Classifier {
  const opts: ClassifierOptions = { ...defaultOptions, ...options };
  const entries = faq.entries;
  const declines = faq.declines;
  const asked = askedOf(entries);
  // One analyzer (one wink-nlp reader) reads the FAQ, when there is no index, and then the questions.
  const nlu = analyzer ?? createAnalyzer(faq.synonyms, built ? { vocabulary: built.words } : trainingTextsOf(faq, asked), reader);
  const index = built ?? buildIndex(faq, opts, nlu);
  const { strength, df, entryPostings, docPostings, docEntry } = index;
  const n = entries.length;
  const weigh = weigher(df, n, opts);
  const space = FeatureSpace.of(index.features);
  const model = index.softmax ? softmaxFrom(index.softmax) : undefined;
  const probability = new Float64Array(declines.length ? n + 1 : n);
  // Scratch for the nearest phrasing: each phrasing's dot product with the question, and which were reached.
  const dots = new Float64Array(docEntry.length);
  const touched = new Int32Array(docEntry.length);

  // Whether a question's word must be known as a noun or not: only for words the FAQ never uses, and
  // only when nouns weigh differently. Questions with none of those skip the part-of-speech tagger.
  const needsTag = opts.foreignNounWeight !== 1 ? (t: string): boolean => !df.has(t) : (): boolean => false;

  const phrasingTerms = strength.map((m) => new Set([...m].filter(([, s]) => s === 1).map(([t]) => t)));

  let scan: Scan | undefined; // what the last classify() scored, for explain()

  // Whose questions the FAQ answers, and which details each answer gives (or its phrasings ask for).
  const vocabulary = index.vocabulary;
  const profile = subjectProfile(faqTextsOf(faq, asked), faq.name, (w) => vocabulary.has(w));
  const given = entries.map((e, i) => {
    const d = detailsGiven(index.answerEntities[i] ?? [], e.answer);
    for (const t of asked[i] ?? []) for (const x of detailsAsked(t.toLowerCase())) d.add(x);
    return d;
  });

  /**
   * A question the line would decline for its words alone gets a second reading with runs of words
   * that sound like an FAQ word joined ("main tenants window"): speech transcripts spell words
   * they do not know as words they do. Only a second reading that is answered replaces the first.
   */
  const classify = (text: string): Classification => {
    const first = classifyOnce(text);
    // Only a question that shares a word with some entry: one sharing none is not the FAQ's, however it sounds.
    if (first.accepted || first.rule === 'subject' || first.rule === 'detail' || first.rule === 'no-match') return first;
    const heard = nlu.soundAlike(text);
    if (heard === undefined) return first;
    const second = classifyOnce(heard);
    return second.accepted ? second : first;
  };

  const classifyOnce = (text: string): Classification => {
    scan = undefined;
    const analysis = nlu.analyze(text, needsTag);
    const weights = weigh(analysis);
    const x = model ? space.query(analysis) : undefined;
    // Never compare empty bags: a question with no content word (and, with a trained model that
    // may answer on its own, no known feature either) matches nothing.
    const modelAlone = model !== undefined && opts.minEvidence === 0 && x !== undefined && x.index.length > 0;
    if (weights.size === 0 && !modelAlone) return { accepted: false, rule: 'no-match' };
    let total = 0;
    let norm = 0;
    weights.forEach((w) => {
      total += w;
      norm += w * w;
    });
    norm = Math.sqrt(norm);
    const coverage = new Float64Array(n);
    weights.forEach((w, t) => {
      const p = entryPostings.get(t);
      if (!p) return;
      for (let k = 0; k < p.docs.length; k++) {
        const e = p.docs[k] as number;
        coverage[e] = (coverage[e] as number) + (w * (p.weights[k] as number)) / total;
      }
    });
    const nearest = new Float64Array(n);
    // With the model alone deciding (linearShare 1) word overlap only gates, and the nearest phrasing is not needed.
    if ((!model || opts.linearShare < 1) && norm > 0) {
      let reached = 0;
      weights.forEach((w, t) => {
        const p = docPostings.get(t);
        if (!p) return;
        const qw = w / norm;
        for (let k = 0; k < p.docs.length; k++) {
          const doc = p.docs[k] as number;
          if (dots[doc] === 0) touched[reached++] = doc;
          dots[doc] = (dots[doc] as number) + qw * (p.weights[k] as number);
        }
      });
      for (let k = 0; k < reached; k++) {
        const doc = touched[k] as number;
        const e = docEntry[doc] as number;
        if ((dots[doc] as number) > (nearest[e] as number)) nearest[e] = dots[doc] as number;
        dots[doc] = 0;
      }
    }
    if (model && x) model.probabilities(x, probability);
    // The best two entries; an entry sharing no word is a candidate only when the model may answer alone.
    let first = -1;
    let second = -1;
    const scores = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const c = coverage[i] ?? 0;
      if (c === 0 && !modelAlone) continue;
      const overlap = opts.coverageShare * c + (1 - opts.coverageShare) * (nearest[i] ?? 0);
      // Geometric blend: an entry must convince both the model and the word overlap.
      const score = model ? Math.pow(probability[i] ?? 0, opts.linearShare) * Math.pow(overlap, 1 - opts.linearShare) : overlap;
      scores[i] = score;
      if (first < 0 || score > (scores[first] as number)) {
        second = first;
        first = i;
      } else if (second < 0 || score > (scores[second] as number)) second = i;
    }
    const terms = [...weights.keys()];
    scan = { scores, words: terms };
    if (first < 0) return { accepted: false, rule: 'no-match' };
    const match = (i: number): Match => {
      let evidence = 0;
      let unexplained = 0;
      for (const t of terms) {
        if (phrasingTerms[i]?.has(t)) evidence++;
        if (!strength[i]?.has(t)) unexplained++;
      }
      return { entry: entries[i] as Entry, score: scores[i] as number, evidence, unexplained };
    };
    const best = match(first);
    // One shared word is enough only when nothing else in the question is foreign to the entry:
    // "insurance?" is answered, "best insurance for my car" is not.
    const enough = best.evidence >= Math.max(opts.minEvidence, best.unexplained > 0 ? opts.foreignEvidence : Math.min(1, opts.minEvidence));
    const verdict = decide(best.score >= opts.threshold, enough, text, analysis, first);
    return second >= 0 ? { ...verdict, best, runnerUp: match(second) } : { ...verdict, best };
  };

  /** The gates after the score, in order: threshold, shared words, subject, detail asked. */
  const decide = (high: boolean, enough: boolean, text: string, analysis: Analysis, entry: number): Pick<Classification, 'accepted' | 'rule' | 'subject' | 'detail'> => {
    if (!high) return { accepted: false, rule: 'threshold' };
    if (!enough) return { accepted: false, rule: 'evidence' };
    const subject = otherSubject(analysis, profile, (stem) => strength[entry]?.has(stem) ?? false);
    if (subject) return { accepted: false, rule: 'subject', subject };
    const missing = detailsAsked(`${text.toLowerCase()} ${analysis.normals.join(' ')}`).find((d) => !given[entry]?.has(d));
    if (missing) return { accepted: false, rule: 'detail', detail: missing };
    return { accepted: true, rule: 'answer' };
  };

  const explain = (text: string, top = 5): Explanation => {
    classify(text);
    return explainScan(scan, entries, strength, opts.threshold, top);
  };
  return { classify, explain, options: opts };
}

/** Each entry's own question, its other questions and its phrasings: what people ask. */
function askedOf(entries: readonly Entry[]): string[][] {
  return entries.map((e) => [e.question, ...e.also.map((a) => a.question), ...e.phrasings]);
}

/** What the analyzer learns the FAQ's vocabulary from: what people ask and the answers. */
function trainingTextsOf(faq: Faq, asked: readonly (readonly string[])[]): string[] {
  return [...asked.flat(), ...faq.entries.map((e) => e.answer)];
}

/** Every text of the FAQ that says what it is about: what people ask, the answers, the synonyms. */
function faqTextsOf(faq: Faq, asked: readonly (readonly string[])[]): string[] {
  return [...asked.flat(), ...faq.entries.map((e) => e.answer), ...Object.entries(faq.synonyms).flat(2)];
}

/** Each distinct content word of a text, weighted by its idf in the FAQ whose document frequencies are `df`. */
function weigher(df: ReadonlyMap<string, number>, n: number, opts: ClassifierOptions): (a: Analysis) => Map<string, number> {
  const unknownIdf = opts.foreignWeight * Math.log(1 + (n + 1) / 0.5);
  const idf = (t: string): number => {
    const d = df.get(t);
    return d === undefined ? unknownIdf : Math.log(1 + (n + 1) / d);
  };
  return (a) => {
    const w = new Map<string, number>();
    a.content.forEach((t, i) => {
      // A foreign noun or name usually says what the question is really about ("my car", "plivo").
      const naming = a.naming[i] && !df.has(t) ? opts.foreignNounWeight : 1;
      const v = naming * idf(t);
      if (v > (w.get(t) ?? 0)) w.set(t, v);
    });
    return w;
  };
}

function push(index: Map<string, Posting[]>, term: string, posting: Posting): void {
  const list = index.get(term);
  if (list) list.push(posting);
  else index.set(term, [posting]);
}

function freeze(lists: ReadonlyMap<string, readonly Posting[]>): Index {
  const index = new Map<string, { docs: Int32Array; weights: Float64Array }>();
  lists.forEach((list, term) =>
    index.set(term, { docs: Int32Array.from(list, (p) => p.doc), weights: Float64Array.from(list, (p) => p.weight) }),
  );
  return index;
}

function unit(weights: ReadonlyMap<string, number>): Map<string, number> {
  let norm = 0;
  weights.forEach((w) => (norm += w * w));
  norm = Math.sqrt(norm);
  const vec = new Map<string, number>();
  if (norm > 0) weights.forEach((w, t) => vec.set(t, w / norm));
  return vec;
}

import type { Entry, Faq, Topic } from '../faq/model.js';
import type { LanguageGuard } from '../nlu/language.js';
import type { CallDecision, CallReply, MissReason } from './call-reply.js';
import { CALL_START, MENU_PAGE, type CallMenu, type CallState } from './call-state.js';
import { asksForPerson } from './handoff.js';
import { commandOf, spokenDigit, spokenWords, withoutHesitations } from './call-words.js';
import { understand, type Understanding } from './understand.js';

/** One voice turn as the channel hands it over: what Twilio heard. */
export interface CallInput {
  /** SpeechResult, trimmed ('' when none). */
  readonly speech: string;
  /** Digits pressed ('' when none); anything but 0-9 * # arrives as given and is a bad key. */
  readonly digits: string;
  /** The recogniser's Confidence (0..1), when it sent a number. */
  readonly confidence?: number;
}

/** What the decision needs of the spoken answers: their pages, with or without the offer to text a link. */
export interface SpokenAnswers {
  answer(entry: Entry, texting: boolean): { readonly pages: readonly unknown[] };
}

/** The per-call settings and per-FAQ facts the decision needs. */
export interface CallContext {
  readonly faq: Faq;
  readonly nlu: Understanding;
  /** Tells a transcript in another language, which gets that language's apology and a reprompt. */
  readonly language?: LanguageGuard;
  /** The FAQ's answers as spoken (the line's voice book): how many pages each has. */
  readonly spoken: SpokenAnswers;
  /** The caller can be texted (REST credentials, phone numbers on both ends). */
  readonly texting: boolean;
  /** Turns after the greeting before the line says goodbye. */
  readonly maxTurns: number;
  /** Texts one call may send. */
  readonly maxTexts: number;
  /** Transcripts below this Confidence are treated as not understood. */
  readonly minConfidence: number;
  /** A person can take the call (HANDOFF_NUMBER): asking for one, or 0 in the topics menu, connects to them. */
  readonly handoff?: boolean;
}

/** What a call's turn depends on besides the FAQ: from the configuration and the call itself. */
export type CallSettings = Pick<CallContext, 'texting' | 'maxTurns' | 'maxTexts' | 'minConfidence' | 'handoff'>;

/** What a call's turn depends on from the FAQ: built once with the line. */
export type CallFacts = Omit<CallContext, keyof CallSettings>;

/** Misunderstood turns in a row that get the apology and a reprompt; the next gets the keypad menu. */
export const MAX_REPROMPTS = 2;
/** Silent turns in a row before the goodbye. */
export const MAX_SILENCES = 2;
/** The longest transcript considered; a recogniser never writes more for one question. */
const MAX_SPEECH = 500;

/** The turn that starts a call. */
export function startCall(): CallDecision {
  return { reply: { kind: 'welcome' }, next: CALL_START, last: false };
}

/** Decide one voice turn. Pure: the same input, state and context give the same decision; never throws. */
export function decideCallTurn(input: CallInput, state: CallState, ctx: CallContext): CallDecision {
  const turn = state.turn + 1;
  const base: CallState = { turn, misses: state.misses, silences: 0, texts: state.texts };
  if (turn > ctx.maxTurns) return { reply: { kind: 'goodbye', reason: 'limit' }, next: base, last: true };
  const [reply, next] = decide(input, state, base, ctx);
  const last = turn >= ctx.maxTurns && reply.kind !== 'goodbye';
  return { reply, next, last };
}

type Decided = readonly [CallReply, CallState];

function decide(input: CallInput, state: CallState, base: CallState, ctx: CallContext): Decided {
  const speech = input.speech.slice(0, MAX_SPEECH).trim();
  if (!speech && !input.digits) {
    const silences = state.silences + 1;
    if (silences >= MAX_SILENCES) return [{ kind: 'goodbye', reason: 'silence' }, { ...base, silences }];
    return [{ kind: 'silence' }, { ...keep(state, base), silences }];
  }
  if (input.digits) return pressed(input.digits, state, base, ctx);
  if (input.confidence !== undefined && input.confidence < ctx.minConfidence) return miss('unclear', state, base);
  return said(speech, state, base, ctx);
}

/** The state with the last answer and menu kept (a reprompt changes neither). */
function keep(state: CallState, base: CallState): CallState {
  return {
    ...base,
    ...(state.entry !== undefined ? { entry: state.entry } : {}),
    ...(state.page !== undefined ? { page: state.page } : {}),
    ...(state.menu ? { menu: state.menu } : {}),
  };
}

function pressed(digits: string, state: CallState, base: CallState, ctx: CallContext): Decided {
  const key = /^[0-9*]$/.test(digits) ? digits : undefined;
  // in the topics menu (which 0 opens, and which then offers the person on 0 again) 0 connects to a person
  if (key === '0' && ctx.handoff && state.menu?.kind === 'topics') return [{ kind: 'handoff' }, base];
  if (key === '0') return topics(0, base);
  if (key !== undefined && state.menu) {
    const picked = pick(state.menu, key === '*' ? undefined : Number(key), base, ctx);
    if (picked) return picked;
  }
  if (!state.menu) {
    if (key === '1' && state.page !== undefined) return more(state, base, ctx);
    if (key === '2' && ctx.texting) return textIt(state, base, ctx);
    if (key === '*' && state.entry !== undefined) return repeat(state, base, ctx);
  }
  return miss('key', state, base);
}

function said(speech: string, state: CallState, base: CallState, ctx: CallContext): Decided {
  if (ctx.handoff && asksForPerson(speech)) return [{ kind: 'handoff' }, base];
  if (state.menu) {
    const digit = spokenDigit(speech);
    const picked = digit === undefined ? undefined : pick(state.menu, digit, base, ctx);
    if (picked) return picked;
  }
  switch (commandOf(speech)) {
    case 'goodbye':
      return [{ kind: 'goodbye', reason: 'caller' }, base];
    case 'no':
      if (state.menu || state.page !== undefined) return [{ kind: 'listen', reason: 'no' }, { ...base, misses: 0 }];
      return [{ kind: 'goodbye', reason: 'caller' }, base];
    case 'yes':
      if (state.page !== undefined && !state.menu) return more(state, base, ctx);
      return [{ kind: 'listen', reason: 'yes' }, { ...base, misses: 0 }];
    case 'more':
      if (state.page !== undefined) return more(state, base, ctx);
      return [{ kind: 'listen', reason: 'no-more' }, keep(state, base)];
    case 'text':
      return textIt(state, base, ctx);
    case 'menu':
      return topics(0, base);
    case 'repeat':
      if (state.menu) return pick(state.menu, undefined, base, ctx) ?? topics(0, base);
      if (state.entry !== undefined) return repeat(state, base, ctx);
      break;
    case undefined:
      break;
  }
  const said = spokenWords(speech).join(' ');
  const topic = ctx.faq.topics.findIndex((t) => spokenWords(t.name).join(' ') === said);
  const named = ctx.faq.topics[topic];
  if (named) return openTopic(named, topic, base);
  return understood(withoutHesitations(speech), state, base, ctx);
}

/** Another language, small talk, then the classifier, as the SMS line decides. */
function understood(text: string, state: CallState, base: CallState, ctx: CallContext): Decided {
  const foreign = ctx.language?.(text);
  if (foreign) return miss('no-match', state, base, undefined, foreign);
  const talk = ctx.nlu.smallTalk(text);
  if (talk === 'goodbye') return [{ kind: 'goodbye', reason: 'caller' }, base];
  if (talk === 'help') return [{ kind: 'help' }, { ...base, misses: 0 }];
  if (talk) return [{ kind: 'smalltalk', id: talk }, { ...keep(state, base), misses: 0 }];
  const understood = understand(text, ctx.faq, ctx.nlu);
  if (understood.kind === 'none') return miss('no-match', state, base, understood.nearest);
  if (understood.kind === 'clarify') {
    const { options } = understood;
    return [{ kind: 'clarify', options }, { ...base, misses: 0, menu: { kind: 'clarify', options: options.map((e) => e.number) } }];
  }
  if (understood.more || understood.uncovered) {
    // Several questions: each answer in the order asked; paging and "text me that" follow the last.
    const all = [understood.entry, ...(understood.more ?? [])];
    const [reply, next] = answer(all[all.length - 1] as Entry, 0, understood.score, base, ctx);
    return [{ ...reply, ...(all.length > 1 ? { before: all.slice(0, -1) } : {}), ...(understood.uncovered ? { uncovered: understood.uncovered } : {}) }, next];
  }
  return answer(understood.entry, 0, understood.score, base, ctx);
}

function answer(entry: Entry, page: number, score: number | undefined, base: CallState, ctx: CallContext): Decided {
  const pages = Math.max(1, ctx.spoken.answer(entry, ctx.texting).pages.length);
  const at = Math.min(page, pages - 1);
  const next: CallState = { ...base, misses: 0, entry: entry.number, ...(at + 1 < pages ? { page: at + 1 } : {}) };
  return [{ kind: 'answer', entry, page: at, pages, ...(score === undefined ? {} : { score }) }, next];
}

function more(state: CallState, base: CallState, ctx: CallContext): Decided {
  const entry = entryOf(state.entry, ctx);
  return entry ? answer(entry, state.page ?? 0, undefined, base, ctx) : miss('key', state, base);
}

function repeat(state: CallState, base: CallState, ctx: CallContext): Decided {
  const entry = entryOf(state.entry, ctx);
  return entry ? answer(entry, 0, undefined, base, ctx) : miss('key', state, base);
}

function textIt(state: CallState, base: CallState, ctx: CallContext): Decided {
  const kept = keep(state, base);
  const entry = entryOf(state.entry, ctx);
  if (!ctx.texting) return [{ kind: 'no-text', reason: 'unavailable' }, kept];
  if (!entry) return [{ kind: 'no-text', reason: 'nothing' }, kept];
  if (state.texts >= ctx.maxTexts) return [{ kind: 'no-text', reason: 'limit' }, kept];
  return [{ kind: 'text', entry }, { ...kept, misses: 0, texts: state.texts + 1 }];
}

function topics(page: number, base: CallState, note?: 'misses' | 'key'): Decided {
  const reply: CallReply = note ? { kind: 'topics', page, note } : { kind: 'topics', page };
  return [reply, { ...base, misses: 0, menu: { kind: 'topics', page } }];
}

/**
 * A key (or a number said) in a menu: `digit` undefined re-reads the menu; a number not in a
 * topics or topic menu re-reads it with a note. Undefined for a clarification's unknown number.
 */
function pick(menu: CallMenu, digit: number | undefined, base: CallState, ctx: CallContext): Decided | undefined {
  const { faq } = ctx;
  if (menu.kind === 'clarify') {
    if (digit === undefined) return undefined;
    const entry = entryOf(menu.options[digit - 1], ctx);
    return entry ? answer(entry, 0, undefined, base, ctx) : undefined;
  }
  if (menu.kind === 'topics') {
    if (digit === undefined) return topics(menu.page, base);
    if (digit === 9 && (menu.page + 1) * MENU_PAGE < faq.topics.length) return topics(menu.page + 1, base);
    const index = menu.page * MENU_PAGE + digit - 1;
    const topic = digit >= 1 && digit <= MENU_PAGE ? faq.topics[index] : undefined;
    return topic ? openTopic(topic, index, base) : topics(menu.page, base, 'key');
  }
  const topic = faq.topics[menu.topic];
  if (!topic) return topics(0, base);
  const reread = (p: number, note?: 'key'): Decided => [
    note ? { kind: 'topic', topic, page: p, note } : { kind: 'topic', topic, page: p },
    { ...base, misses: 0, menu: { kind: 'topic', topic: menu.topic, page: p } },
  ];
  if (digit === undefined) return reread(menu.page);
  if (digit === 9 && (menu.page + 1) * MENU_PAGE < topic.entries.length) return reread(menu.page + 1);
  const entry = digit >= 1 && digit <= MENU_PAGE ? topic.entries[menu.page * MENU_PAGE + digit - 1] : undefined;
  return entry ? answer(entry, 0, undefined, base, ctx) : reread(menu.page, 'key');
}

function openTopic(topic: Topic, index: number, base: CallState): Decided {
  return [{ kind: 'topic', topic, page: 0 }, { ...base, misses: 0, menu: { kind: 'topic', topic: index, page: 0 } }];
}

/** Not understood: the apology and a reprompt, MAX_REPROMPTS times in a row; then the keypad menu. */
function miss(reason: MissReason, state: CallState, base: CallState, nearest?: { entry: Entry; score: number }, language?: string): Decided {
  const misses = state.misses + 1;
  if (misses > MAX_REPROMPTS) return topics(0, base, 'misses');
  const reply: CallReply = { kind: 'apology', reason, ...(nearest ? { nearest } : {}), ...(language ? { language } : {}) };
  return [reply, { ...keep(state, base), misses }];
}

function entryOf(number: number | undefined, ctx: CallContext): Entry | undefined {
  return number === undefined ? undefined : ctx.faq.entries[number - 1];
}

import type { Faq } from '../faq/model.js';
import type { LanguageGuard } from '../nlu/language.js';
import { asksForPerson } from './handoff.js';
import { keywordOf } from './keywords.js';
import type { Reply, TextInput } from './reply.js';
import { understand, type Understanding } from './understand.js';

/** Which rule decided a texted turn's reply (logged, counted and shown to the operator). */
export type TextRule =
  | 'empty message'
  | 'media without text'
  | 'carrier keyword'
  | 'help keyword'
  | 'menu number'
  | 'menu topic'
  | 'asked for a person'
  | 'other language'
  | 'small talk'
  | 'classifier';

export interface TextDecision {
  readonly reply: Reply;
  readonly rule: TextRule;
}

/**
 * Decide the reply to one texted message. Pure: the same FAQ and input give the same decision. A
 * message `language` finds in another language gets that language's apology, never an FAQ answer.
 */
export function decideText(input: TextInput, faq: Faq, nlu: Understanding, language?: LanguageGuard): TextDecision {
  const text = input.text.trim();
  // Twilio posts a picture (MMS) without a caption with an empty Body and NumMedia >= 1
  if (text === '') return { reply: { kind: 'help' }, rule: input.numMedia > 0 ? 'media without text' : 'empty message' };
  const keyword = keywordOf(text);
  if (keyword === 'opt-out' || keyword === 'opt-in') return { reply: { kind: 'silent', reason: keyword }, rule: 'carrier keyword' };
  if (keyword === 'help') return { reply: { kind: 'help' }, rule: 'help keyword' };

  const picked = pickFromMenu(text, faq);
  if (picked) return picked;

  if (input.handoff !== undefined && asksForPerson(text)) return { reply: { kind: 'handoff', number: input.handoff }, rule: 'asked for a person' };

  const foreign = language?.(text);
  if (foreign) return { reply: { kind: 'apology', language: foreign }, rule: 'other language' };

  const talk = nlu.smallTalk(text);
  if (talk === 'help') return { reply: { kind: 'help' }, rule: 'small talk' };
  if (talk) return { reply: { kind: 'smalltalk', id: talk }, rule: 'small talk' };

  const understood = understand(text, faq, nlu);
  if (understood.kind !== 'none') return { reply: understood, rule: 'classifier' };
  return { reply: understood.nearest ? { kind: 'apology', nearest: understood.nearest } : { kind: 'apology' }, rule: 'classifier' };
}

/** Decide the reply to one texted message (the decision without its rule). */
export function replyToText(input: TextInput, faq: Faq, nlu: Understanding, language?: LanguageGuard): Reply {
  return decideText(input, faq, nlu, language).reply;
}

/** "7" or "#7" is entry 7; "b" or a topic's name lists that topic. */
function pickFromMenu(text: string, faq: Faq): TextDecision | undefined {
  const number = /^#?\s*(\d{1,4})\s*[.)]?$/.exec(text);
  if (number) {
    const entry = faq.entries[Number(number[1]) - 1];
    return { reply: entry ? { kind: 'answer', entry, score: 1 } : { kind: 'help' }, rule: 'menu number' };
  }
  const key = text.toLowerCase().replace(/[.!)]+$/, '');
  const topic = faq.topics.find((t) => t.letter.toLowerCase() === key || t.name.toLowerCase() === key);
  return topic ? { reply: { kind: 'topic', topic }, rule: 'menu topic' } : undefined;
}

import type { Faq } from './faq/model.js';
import { replyToText } from './dialog/text-turn.js';
import type { Reply, TextInput } from './dialog/reply.js';
import type { CallDecision } from './dialog/call-reply.js';
import type { CallState } from './dialog/call-state.js';
import { decideCallTurn, type CallInput, type CallSettings } from './dialog/call-turn.js';
import { createVoiceBook, type VoiceBook } from './render/voice-book.js';
import { createClassifier } from './nlu/classifier.js';
import { languageGuardOf } from './nlu/language.js';
import { createSmallTalkMatcher } from './nlu/smalltalk.js';
import type { Understanding } from './dialog/understand.js';
import type { Explanation } from './nlu/explain.js';

/** The line's understanding and decisions for one FAQ, built once at start (or reload). */
export interface Line {
  readonly faq: Faq;
  /** Decide the reply to a texted turn. Pure and deterministic; never throws. */
  reply(input: TextInput): Reply;
  /**
   * Decide a voice turn from what Twilio heard and the call's state. Pure and deterministic; never
   * throws. createLine always provides it (optional only so SMS-only test doubles stay valid).
   */
  call?(input: CallInput, state: CallState, settings: CallSettings): CallDecision;
  /** What the voice line says from this FAQ (spoken answers, menus, hints), derived once; with `call`. */
  readonly voice?: VoiceBook;
  /** For the operator's console: the entries that competed for a question and the words they share. */
  explain?(text: string): Explanation;
}

/** The classifier and small-talk matcher trained from one FAQ. */
export function understandingOf(faq: Faq): Understanding {
  return { classifier: createClassifier(faq, faq.understanding), smallTalk: createSmallTalkMatcher(faq.smalltalk.values()) };
}

export function createLine(faq: Faq): Line {
  const { classifier, smallTalk } = understandingOf(faq);
  const voice = createVoiceBook(faq);
  const language = languageGuardOf(faq);
  return {
    faq,
    reply: (input) => replyToText(input, faq, { classifier, smallTalk }, language),
    call: (input, state, settings) =>
      decideCallTurn(input, state, { ...settings, faq, nlu: { classifier, smallTalk }, language, pages: (entry) => voice.answer(entry, settings.texting).pages.length }),
    voice,
    explain: classifier.explain,
  };
}

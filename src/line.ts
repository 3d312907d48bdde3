import type { CallDecision } from './dialog/call-reply.js';
import type { CallState } from './dialog/call-state.js';
import { decideCallTurn, type CallFacts, type CallInput, type CallSettings } from './dialog/call-turn.js';
import type { Reply, TextInput } from './dialog/reply.js';
import { replyToText } from './dialog/text-turn.js';
import type { Understanding } from './dialog/understand.js';
import type { Faq } from './faq/model.js';
import { createClassifier, type ClassifierParts } from './nlu/classifier.js';
import type { Explanation } from './nlu/explain.js';
import { languageGuardOf } from './nlu/language.js';
import { createWordReader } from './nlu/wink.js';
import { createSmallTalkMatcher } from './nlu/smalltalk.js';
import { createSmsRenderer, type SmsTwiml } from './render/sms.js';
import { createCallRenderer, type CallView, type VoiceTwiml } from './render/voice.js';
import { createVoiceBook, type VoiceBook } from './render/voice-book.js';
import { createWhatsAppRenderer } from './render/whatsapp.js';

/** What a voice turn's TwiML depends on besides the line: the call's settings and where the next turn goes. */
export type CallTurnView = Omit<CallView, 'faq' | 'book'>;

/**
 * Everything that answers turns for one FAQ, built once at start (or reload): the classifier, small
 * talk, the language guard, the voice book and every rendered-reply cache. Nothing of it lives at
 * module level, so two lines in one process share nothing. Channels answer a whole turn through
 * src/turn/ (text.ts, call.ts), which use these parts.
 */
export interface Line {
  readonly faq: Faq;
  /** Decide the reply to a texted turn. Pure and deterministic; never throws. */
  reply(input: TextInput): Reply;
  /** Decide a voice turn from what Twilio heard and the call's state. Pure and deterministic; never throws. */
  call(input: CallInput, state: CallState, settings: CallSettings): CallDecision;
  /** What the voice line says from this FAQ (spoken answers, menus, hints), derived once. */
  readonly voice: VoiceBook;
  /** A texted reply's TwiML and messages, each distinct reply rendered once per line. */
  smsTwiml(reply: Reply): SmsTwiml;
  /** The same reply for a WhatsApp sender (src/render/whatsapp.ts), each distinct reply rendered once per line. */
  whatsappTwiml(reply: Reply): SmsTwiml;
  /** A voice turn's TwiML and what it says, each distinct turn rendered once per line. */
  callTwiml(decision: CallDecision, view: CallTurnView): VoiceTwiml;
  /** For the operator's console: the entries that competed for a question and the words they share. */
  explain?(text: string): Explanation;
}

/**
 * The classifier and small-talk matcher trained from one FAQ (the classifier with its own wink-nlp
 * reader), from `parts.index` when given: `buildIndex(faq, faq.understanding)`, built in a worker or cached.
 */
export function understandingOf(faq: Faq, parts?: ClassifierParts): Understanding {
  return { classifier: createClassifier(faq, faq.understanding, parts), smallTalk: createSmallTalkMatcher(faq.smalltalk.values()) };
}

export function createLine(faq: Faq, parts: ClassifierParts = {}): Line {
  // one wink-nlp reader for the line: the classifier reads with it, the language guard asks it which words are English
  const reader = parts.reader ?? createWordReader();
  const nlu = understandingOf(faq, { ...parts, reader });
  const voice = createVoiceBook(faq);
  const language = languageGuardOf(faq, reader.knows);
  const facts: CallFacts = { faq, nlu, language, spoken: voice };
  const renderCall = createCallRenderer();
  return {
    faq,
    reply: (input) => replyToText(input, faq, nlu, language),
    call: (input, state, settings) => decideCallTurn(input, state, { ...facts, ...settings }),
    voice,
    smsTwiml: createSmsRenderer(faq),
    whatsappTwiml: createWhatsAppRenderer(faq),
    callTwiml: (decision, view) => renderCall(decision, { ...view, faq, book: voice }),
    explain: nlu.classifier.explain,
  };
}

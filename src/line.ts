import type { Faq } from './faq/model.js';
import { replyToText } from './dialog/text-turn.js';
import type { Reply, TextInput } from './dialog/reply.js';
import { createClassifier } from './nlu/classifier.js';
import { createSmallTalkMatcher } from './nlu/smalltalk.js';

/** The line's understanding and decisions for one FAQ, built once at start (or reload). */
export interface Line {
  readonly faq: Faq;
  /** Decide the reply to a texted turn. Pure and deterministic; never throws. */
  reply(input: TextInput): Reply;
}

export function createLine(faq: Faq): Line {
  const classifier = createClassifier(faq, faq.understanding);
  const smallTalk = createSmallTalkMatcher(faq.smalltalk.values());
  return { faq, reply: (input) => replyToText(input, faq, { classifier, smallTalk }) };
}

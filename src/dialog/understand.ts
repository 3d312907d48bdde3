import type { Entry, Faq } from '../faq/model.js';
import type { SmallTalkId } from '../faq/schema.js';
import type { Classifier, Rule } from '../nlu/classifier.js';
import { isQuestion, MAX_QUESTIONS, splitQuestions } from './several.js';

export interface Understanding {
  readonly classifier: Classifier;
  readonly smallTalk: (text: string) => SmallTalkId | undefined;
}

/** What the classifier's verdict means for any channel: answer, ask which, or not covered. */
export type Understood =
  /**
   * With several questions in one message, `more` answers the others in order (at most three in
   * all) and `uncovered` are the questions the FAQ does not cover.
   */
  | { readonly kind: 'answer'; readonly entry: Entry; readonly score: number; readonly more?: readonly Entry[]; readonly uncovered?: readonly string[] }
  | { readonly kind: 'clarify'; readonly options: readonly Entry[] }
  /** Not covered: `rule` says why; `nearest` is the best miss, for logs only. */
  | { readonly kind: 'none'; readonly rule: Rule; readonly nearest?: { readonly entry: Entry; readonly score: number } };

/**
 * Understand a message: one question, or several ("where are backups stored and do you have
 * insurance?"), each answered from its own entry in the order asked.
 */
export function understand(text: string, faq: Faq, nlu: Understanding): Understood {
  const whole = understandOne(text, faq, nlu);
  const parts = splitQuestions(text);
  if (parts.length < 2) return whole;
  const answers: { entry: Entry; score: number }[] = [];
  const uncovered: string[] = [];
  for (const part of parts) {
    if (nlu.smallTalk(part)) continue;
    const u = understandOne(part, faq, nlu);
    if (u.kind === 'answer') {
      if (!answers.some((a) => a.entry === u.entry)) answers.push(u);
    } else if (u.kind === 'none' && isQuestion(part)) uncovered.push(part);
  }
  const [first, ...more] = answers.slice(0, MAX_QUESTIONS);
  if (!first) return whole;
  // One question answered and the rest not covered: only when the message as a whole is about that
  // one, or is refused only for the words or the detail asked of the other parts (never when it is
  // about someone else): "send me the bcp and also what's the price per text" answers the first.
  const refusedForParts = whole.kind === 'none' && (whole.rule === 'threshold' || whole.rule === 'evidence' || (whole.rule === 'detail' && uncovered.length > 0));
  const sameAsWhole = whole.kind === 'answer' ? whole.entry === first.entry : refusedForParts && whole.nearest?.entry === first.entry;
  if (more.length === 0 && !sameAsWhole) return whole;
  if (more.length === 0 && uncovered.length === 0 && whole.kind === 'answer') return whole;
  return {
    kind: 'answer',
    entry: first.entry,
    score: first.score,
    ...(more.length ? { more: more.map((a) => a.entry) } : {}),
    ...(uncovered.length ? { uncovered } : {}),
  };
}

/**
 * Classify one question: the best entry when it is accepted, unless the runner-up is also accepted
 * and within the FAQ's clarify margin, when the line should ask which one was meant.
 */
function understandOne(text: string, faq: Faq, nlu: Understanding): Understood {
  const { accepted, best, runnerUp, rule } = nlu.classifier.classify(text);
  if (!best) return { kind: 'none', rule };
  if (!accepted) return { kind: 'none', rule, nearest: { entry: best.entry, score: best.score } };
  if (runnerUp && runnerUp.score >= nlu.classifier.options.threshold && best.score - runnerUp.score < faq.understanding.clarifyMargin) {
    return { kind: 'clarify', options: [best.entry, runnerUp.entry] };
  }
  return { kind: 'answer', entry: best.entry, score: best.score };
}

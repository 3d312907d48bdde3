import type { Entry, Faq } from '../faq/model.js';
import type { SmallTalkId } from '../faq/schema.js';
import type { Classifier } from '../nlu/classifier.js';

export interface Understanding {
  readonly classifier: Classifier;
  readonly smallTalk: (text: string) => SmallTalkId | undefined;
}

/** What the classifier's verdict means for any channel: answer, ask which, or not covered. */
export type Understood =
  | { readonly kind: 'answer'; readonly entry: Entry; readonly score: number }
  | { readonly kind: 'clarify'; readonly options: readonly Entry[] }
  /** Not covered; `nearest` is the best miss, for logs only. */
  | { readonly kind: 'none'; readonly nearest?: { readonly entry: Entry; readonly score: number } };

/**
 * Classify a question: the best entry when it is accepted, unless the runner-up is also accepted
 * and within the FAQ's clarify margin, when the line should ask which one was meant.
 */
export function understand(text: string, faq: Faq, nlu: Understanding): Understood {
  const { accepted, best, runnerUp } = nlu.classifier.classify(text);
  if (!best) return { kind: 'none' };
  if (!accepted) return { kind: 'none', nearest: { entry: best.entry, score: best.score } };
  if (runnerUp && runnerUp.score >= nlu.classifier.options.threshold && best.score - runnerUp.score < faq.understanding.clarifyMargin) {
    return { kind: 'clarify', options: [best.entry, runnerUp.entry] };
  }
  return { kind: 'answer', entry: best.entry, score: best.score };
}

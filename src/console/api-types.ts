// What the console's API answers. Shared by the server and the browser script, so it imports nothing.

/** One competing entry for a question. */
export interface CandidateView {
  readonly id: string;
  readonly number: number;
  readonly question: string;
  readonly score: number;
  /** Whether the score reaches the FAQ's threshold. */
  readonly reaches: boolean;
  /** The question's words found in the entry's question and phrasings. */
  readonly shared: readonly string[];
  /** The question's words found only in the entry's answer. */
  readonly inAnswer: readonly string[];
}

/** Why the line did what it did on one turn. */
export interface WhyView {
  readonly channel: string;
  readonly outcome: string;
  /** The rule that decided, in words. */
  readonly rule: string;
  readonly text?: string;
  readonly digits?: string;
  readonly entry?: string;
  readonly score?: number;
  readonly threshold: number;
  /** The question's content words (stems) as the classifier weighs them. */
  readonly words: readonly string[];
  readonly candidates: readonly CandidateView[];
}

/** One <Message> as the phone shows it. */
export interface MessageView {
  readonly body: string;
  readonly chars: number;
  readonly encoding: string;
  readonly segments: number;
}

export interface TextAnswer {
  readonly messages: readonly MessageView[];
  readonly why?: WhyView;
}

/** What happened on the call since the caller's last input, in order. */
export type CallStepView =
  | { readonly kind: 'say'; readonly text: string; readonly language?: string }
  | { readonly kind: 'pause'; readonly seconds: number }
  | { readonly kind: 'play'; readonly url: string }
  | { readonly kind: 'request'; readonly path: string }
  | { readonly kind: 'no-input' }
  | { readonly kind: 'listen'; readonly speech: boolean; readonly keys: boolean; readonly describe: string }
  | { readonly kind: 'ended'; readonly reason: string };

export interface CallAnswer {
  readonly steps: readonly CallStepView[];
  /** False once the call has ended. */
  readonly listening: boolean;
  readonly whys: readonly WhyView[];
}

export interface ApiError {
  readonly error: string;
}

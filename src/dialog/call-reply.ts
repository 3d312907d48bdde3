import type { Entry, Topic } from '../faq/model.js';
import type { CallState } from './call-state.js';

/** Why a turn was not understood. */
export type MissReason = 'no-match' | 'unclear' | 'key';

/** What the voice line decided to do in one turn, before it is turned into words and TwiML. */
export type CallReply =
  /** The call has just started. */
  | { readonly kind: 'welcome' }
  /** Page `page` (0-based) of an entry's spoken answer, of `pages`; `score` when the classifier chose it (not a key, "more" or "repeat"). */
  | {
      readonly kind: 'answer';
      readonly entry: Entry;
      readonly page: number;
      readonly pages: number;
      readonly score?: number;
      /** Several questions in one turn: the answers said before this one's page (their first pages), in order. */
      readonly before?: readonly Entry[];
      /** Questions of the turn the FAQ does not cover, named after the answers. */
      readonly uncovered?: readonly string[];
    }
  /**
   * Not understood: no match (the FAQ's apology), an unclear transcript, or a key that does nothing
   * here. `language`: said in that language (ISO 639-1), which gets the FAQ's apology for it.
   */
  | { readonly kind: 'apology'; readonly reason: MissReason; readonly nearest?: { readonly entry: Entry; readonly score: number }; readonly language?: string }
  /** Two entries fit about equally: ask which one, by number. */
  | { readonly kind: 'clarify'; readonly options: readonly Entry[] }
  /** The keypad menu of topics; `note` says why it is read unasked. */
  | { readonly kind: 'topics'; readonly page: number; readonly note?: 'misses' | 'key' }
  /** One topic's questions, read with numbers. */
  | { readonly kind: 'topic'; readonly topic: Topic; readonly page: number; readonly note?: 'key' }
  | { readonly kind: 'help' }
  | { readonly kind: 'smalltalk'; readonly id: 'greeting' | 'thanks' }
  /** Ready for the next question: after "yes", "more" with nothing left, or "no" to a clarification. */
  | { readonly kind: 'listen'; readonly reason: 'yes' | 'no-more' | 'no' }
  /** Text the entry's full answer to the caller (the channel sends it, then reports `texted`). */
  | { readonly kind: 'text'; readonly entry: Entry }
  /** What the channel reports after trying to send a text. */
  | { readonly kind: 'texted'; readonly entry: Entry; readonly ok: boolean }
  /** "Text me that" when it cannot be done. */
  | { readonly kind: 'no-text'; readonly reason: 'unavailable' | 'nothing' | 'limit' }
  /** Asked for a person (or 0 in the topics menu) with HANDOFF_NUMBER set: connect the call to them. */
  | { readonly kind: 'handoff' }
  /** No input: one reprompt. */
  | { readonly kind: 'silence' }
  /** The end of the call: the caller is done, kept silent, or reached the turn limit. */
  | { readonly kind: 'goodbye'; readonly reason: 'caller' | 'silence' | 'limit' };

/** One turn's decision: the reply, the state the next turn starts from, and whether this is the last turn. */
export interface CallDecision {
  readonly reply: CallReply;
  readonly next: CallState;
  /** The turn limit is reached: say the reply, then a goodbye and hang up. */
  readonly last: boolean;
}

/** The outcome recorded and logged for a voice turn. */
export function callOutcome(reply: CallReply): string {
  switch (reply.kind) {
    case 'welcome':
      return 'welcome';
    case 'answer':
      return reply.page === 0 ? 'answered' : 'more';
    case 'apology':
      return reply.reason === 'no-match' ? 'apology' : reply.reason === 'unclear' ? 'unclear' : 'bad key';
    case 'clarify':
      return 'clarify';
    case 'topics':
    case 'topic':
    case 'help':
      return 'menu';
    case 'smalltalk':
      return 'small talk';
    case 'listen':
      return 'listen';
    case 'text':
      return 'text';
    case 'texted':
      return reply.ok ? 'texted' : 'text failed';
    case 'no-text':
      return 'no text';
    case 'handoff':
      return 'handoff';
    case 'silence':
      return 'reprompt';
    case 'goodbye':
      return reply.reason === 'caller' ? 'goodbye' : reply.reason === 'silence' ? 'silence goodbye' : 'limit';
  }
}

import type { Entry, Topic } from '../faq/model.js';
import type { SmallTalkId } from '../faq/schema.js';

/** What the line decided to say, before any channel turns it into words and TwiML. */
export type Reply =
  /**
   * An FAQ entry's own answer. With several questions in one message, `more` are the answers to the
   * others, in the order asked, and `uncovered` the parts the FAQ does not cover (named in an apology).
   */
  | { readonly kind: 'answer'; readonly entry: Entry; readonly score: number; readonly more?: readonly Entry[]; readonly uncovered?: readonly string[] }
  /**
   * The FAQ does not cover it. `nearest` is for logs only, never shown. `language`: the message is
   * in that language (ISO 639-1), and gets the FAQ's apology for it (the English one when it has none).
   */
  | { readonly kind: 'apology'; readonly nearest?: { readonly entry: Entry; readonly score: number }; readonly language?: string }
  /** Two entries fit about equally: ask which one was meant. */
  | { readonly kind: 'clarify'; readonly options: readonly Entry[] }
  /** HELP, INFO, MENU, an empty message, media without text: what the line is and its topics. */
  | { readonly kind: 'help' }
  /** A topic picked from the menu: list its questions. */
  | { readonly kind: 'topic'; readonly topic: Topic }
  /** Greeting, thanks, goodbye (help is its own kind). */
  | { readonly kind: 'smalltalk'; readonly id: Exclude<SmallTalkId, 'help'> }
  /** Asked for a person (HANDOFF_NUMBER set): the number to call. */
  | { readonly kind: 'handoff'; readonly number: string }
  /** Opt-out and opt-in keywords: Twilio handles them; the line must stay silent. */
  | { readonly kind: 'silent'; readonly reason: 'opt-out' | 'opt-in' };

export type ReplyKind = Reply['kind'];

/** The outcome logged and counted for each turn. */
export function outcomeOf(reply: Reply): string {
  switch (reply.kind) {
    case 'answer':
      return 'answered';
    case 'apology':
      return 'apology';
    case 'clarify':
      return 'clarify';
    case 'help':
    case 'topic':
      return 'menu';
    case 'smalltalk':
      return 'small talk';
    case 'handoff':
      return 'handoff';
    case 'silent':
      return reply.reason;
  }
}

/** A text turn as a channel hands it to the dialog. */
export interface TextInput {
  readonly text: string;
  /** Attachments on an MMS; media without text gets the help reply. */
  readonly numMedia: number;
  /** The number of a person to reach (HANDOFF_NUMBER), when the line offers one. */
  readonly handoff?: string;
}

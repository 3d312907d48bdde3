import type { LanguageApology, SmallTalkId, SourceQuestion, Understanding } from './schema.js';

/** An FAQ entry as the rest of the line sees it: validated, numbered, frozen. */
export interface Entry {
  readonly id: string;
  /** 1-based; people text this number to get the answer. Stable while the file's order is. */
  readonly number: number;
  readonly topic: string;
  readonly question: string;
  readonly also: readonly SourceQuestion[];
  readonly answer: string;
  readonly phrasings: readonly string[];
}

export interface SmallTalk {
  readonly id: SmallTalkId;
  readonly answer: string;
  readonly phrasings: readonly string[];
}

export interface Topic {
  /** "A", "B", ...: people text the letter to list the topic's questions. */
  readonly letter: string;
  readonly name: string;
  readonly entries: readonly Entry[];
}

export interface Faq {
  /** Where it was loaded from, for messages. */
  readonly source: string;
  readonly name: string;
  readonly apology: string;
  readonly synonyms: Readonly<Record<string, readonly string[]>>;
  readonly understanding: Readonly<Understanding>;
  readonly smalltalk: ReadonlyMap<SmallTalkId, SmallTalk>;
  readonly entries: readonly Entry[];
  readonly topics: readonly Topic[];
  /** Questions the line must decline, as examples for the classifier. */
  readonly declines: readonly string[];
  /** The apology for a message in another language, by ISO 639-1 code ("es"). */
  readonly languages: Readonly<Record<string, Readonly<LanguageApology>>>;
}

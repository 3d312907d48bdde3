/**
 * Several questions in one message: "where are backups stored and do you have insurance?". The
 * message is cut where a new question starts: after ? ! . or ;, at "and", "also", "plus" or a
 * comma when a question word or auxiliary follows (fillers such as "um" between them), and, for
 * speech transcripts that have no punctuation, before a question word with its verb ("what's",
 * "how do", "do you") that follows a content word: "where's the status page what's the legal
 * language". Parts of one word or two are not questions.
 */

/** Words that start a question, in general English and texting shorthand. */
const OPENERS =
  "do|does|did|is|are|was|were|can|could|will|would|should|have|has|what|what's|whats|where|where's|wheres|when|how|who|which|why|tell|give|send|explain|describe|any|u|r|ur|you|your|i|is there|are there";

/**
 * A question word with its verb: where an unpunctuated transcript starts a new question. Not an
 * auxiliary alone: "what insurance policies does twilio have" is one question.
 */
const QUESTION_START =
  "what's|whats|what is|what are|where's|wheres|where is|where are|where do|how do|how does|how can|how is|how are|when is|when are|when do|who is|who are";

/** Words after which a question word continues the sentence ("tell me what's", "asking how do"). */
const CONTINUES = "me|us|them|you|know|knows|about|to|of|and|or|ask|asking|wondering|wonder|tell|explain|see|is|are|was|that|if|whether|on|the|a|an|just|um|uh|so|how|what|where|when|why|who|which|there|can|do|does";

const FILLERS = '(?:(?:um|uh|erm|like|so|then)\\s+)*';

const SEPARATOR = new RegExp(
  `(?:[?!;]+|\\.(?=\\s|$))\\s*|\\s*,?\\s*(?:\\b(?:and also|and|also|plus|as well as)\\b|&)\\s+${FILLERS}(?=(?:${OPENERS})\\b)|\\s*,\\s+(?=(?:${OPENERS})\\b)|(?<=\\b(?!(?:${CONTINUES})\\b)[a-z0-9]+)\\s+(?=(?:${QUESTION_START})\\b)`,
  'gi',
);

/** At most this many questions are answered from one message. */
export const MAX_QUESTIONS = 3;

/** The questions of a message, in order; one part when it asks one thing. */
export function splitQuestions(text: string): string[] {
  return text
    .split(SEPARATOR)
    .map((p) => p.trim().replace(/^(?:and|also|plus|so|oh|ok|okay)\s+/i, ''))
    .filter((p) => p.split(/\s+/).length >= 3 || /\?$/.test(p));
}

const OPENING = new RegExp(`^(?:${OPENERS})\\b`, 'i');

/** A part that asks something (not the context around a question: "our team is doing a vendor review"). */
export function isQuestion(part: string): boolean {
  return /\?\s*$/.test(part) || OPENING.test(part);
}

/**
 * Several questions in one message: "where are backups stored and do you have insurance?". The
 * message is cut where a new question starts: after ? ! . or ;, and at "and", "also", "plus" or a
 * comma when a question word or auxiliary follows. Parts of one word or two are not questions.
 */

/** Words that start a question, in general English and texting shorthand. */
const OPENERS =
  "do|does|did|is|are|was|were|can|could|will|would|should|have|has|what|what's|whats|where|where's|wheres|when|how|who|which|why|tell|give|send|any|u|r|ur|you|your|i|is there|are there";

const SEPARATOR = new RegExp(
  `(?:[?!;]+|\\.(?=\\s|$))\\s*|\\s*,?\\s*(?:\\b(?:and also|and|also|plus|as well as)\\b|&)\\s+(?=(?:${OPENERS})\\b)|\\s*,\\s+(?=(?:${OPENERS})\\b)`,
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

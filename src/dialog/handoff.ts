/**
 * Asking for a person: "agent", "a human", "representative please", "can I talk to someone",
 * "connect me to an operator". The whole message must be the request (a lead-in, a person word, a
 * "please"), so a question that merely contains one of the words ("can staff meet in person?", "is
 * there a person in charge of security?") is never taken for it. Pure; never throws.
 */

/** Words that name the person asked for, alone or after an article or "real", "live", "human". */
const PERSON = String.raw`(?:agent|person|human(?: being)?|representative|rep|operator|someone|somebody|staff member|customer (?:service|support)(?: agent| representative)?)`;
const ARTICLE = String.raw`(?:(?:a|an|the|your|some)\s+)?(?:(?:real|live|actual|human)\s+)?`;
/** What may come before: a want, a "can I", then to speak to, be connected or transferred to. */
const LEAD = String.raw`(?:(?:i|we)(?:\s+(?:want|need|would like|wanna)|'d\s+like)\s+(?:to\s+)?|(?:can|could|may)\s+i\s+|let\s+me\s+|please\s+)?`;
const VERB = String.raw`(?:(?:speak|talk|chat)\s+(?:to|with)\s+|(?:connect|transfer|put)\s+me\s+(?:through\s+)?(?:to|with)\s+|get\s+me\s+|(?:get|reach)\s+)?`;
/** "someone" and "somebody" only after a verb: alone they answer no question. */
const REQUEST = new RegExp(String.raw`^${LEAD}${VERB}${ARTICLE}${PERSON}(?:\s+please)?$`);
const WITH_VERB = new RegExp(String.raw`^${LEAD}${VERB.slice(0, -1)}${ARTICLE}(?:someone|somebody)(?:\s+please)?$`);

/** True when `text`, said or texted, is a request to talk to a person. */
export function asksForPerson(text: string): boolean {
  const said = text
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/[^a-z' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:(?:um+|uh+|er+|hi|hello|hey|yes|ok|okay|so|well)\s+)+/, '');
  if (said === '' || said.length > 80) return false;
  if (/\b(?:someone|somebody)(?: please)?$/.test(said)) return WITH_VERB.test(said);
  return REQUEST.test(said);
}

import { keywordOf } from '../dialog/keywords.js';
import type { Faq } from '../faq/model.js';
import type { Line } from '../line.js';
import type { CandidateView, WhyView } from './api-types.js';
import type { RecentTurn } from './recent.js';
import { round } from '../turn/record.js';

/** Why a turn went the way it did: the outcome the webhook recorded, the rule behind it, and the entries that competed. */
export function whyOf(turn: RecentTurn, line: Line): WhyView {
  const faq = line.faq;
  const threshold = faq.understanding.threshold;
  const explained = turn.text !== undefined && line.explain ? line.explain(turn.text) : undefined;
  const candidates: CandidateView[] = (explained?.candidates ?? []).map((c) => ({
    id: c.entry.id,
    number: c.entry.number,
    question: c.entry.question,
    score: round(c.score),
    reaches: c.score >= threshold,
    shared: c.shared,
    inAnswer: c.inAnswer,
  }));
  return {
    channel: turn.channel,
    outcome: turn.outcome,
    rule: ruleOf(turn, faq, candidates),
    ...(turn.text !== undefined ? { text: turn.text } : {}),
    ...(turn.digits !== undefined ? { digits: turn.digits } : {}),
    ...(turn.entry !== undefined ? { entry: turn.entry } : {}),
    ...(turn.score !== undefined ? { score: turn.score } : {}),
    threshold,
    words: explained?.words ?? [],
    candidates,
  };
}

/** The rule that decided, in an editor's words. */
export function ruleOf(turn: RecentTurn, faq: Faq, candidates: readonly CandidateView[]): string {
  const { threshold, clarifyMargin, minEvidence } = faq.understanding;
  const text = turn.text?.trim();
  const best = candidates[0];
  const second = candidates[1];
  switch (turn.outcome) {
    case 'opt-out':
      return 'Opt-out keyword (STOP and the like): Twilio handles it, so the line sends nothing.';
    case 'opt-in':
      return 'Opt-in keyword (START and the like): Twilio handles it, so the line sends nothing.';
    case 'menu':
      if (turn.channel === 'voice') return 'The keypad menu or HELP: the line lists topics or questions.';
      if (text === undefined) return 'HELP, MENU, an empty message, a menu letter or number: the line lists topics.';
      if (text === '') return 'An empty message gets the topics.';
      if (keywordOf(text) === 'help') return 'The HELP keyword gets the topics.';
      if (/^#?\s*\d{1,4}\s*[.)]?$/.test(text)) return 'A number that is no entry gets the topics.';
      if (faq.topics.some((t) => t.letter.toLowerCase() === text.toLowerCase().replace(/[.!)]+$/, ''))) return 'A topic letter lists that topic’s questions.';
      return 'MENU or a topic’s name: the line lists topics or questions.';
    case 'small talk':
      return 'Small talk (a greeting, thanks or goodbye) matched one of the FAQ’s small-talk phrasings.';
    case 'clarify':
      return best && second
        ? `Two entries reach the threshold ${threshold} within the clarify margin ${clarifyMargin} (${best.score.toFixed(2)} and ${second.score.toFixed(2)}): the line asks which was meant.`
        : `Two entries reach the threshold ${threshold} within the clarify margin ${clarifyMargin}: the line asks which was meant.`;
    case 'answered':
      if (text !== undefined && /^#?\s*\d{1,4}\s*[.)]?$/.test(text)) return `Entry number ${text.replace(/\D/g, '')} picked from the menu.`;
      if (turn.text === undefined && turn.digits) return `Keys ${turn.digits} picked the entry from the keypad menu.`;
      if (turn.score !== undefined) return `The best entry scores ${turn.score.toFixed(2)}, at or above the threshold ${threshold}, with enough shared words (at least ${minEvidence}).`;
      return 'An entry answered.';
    case 'apology':
      if (text !== undefined && !best) return 'No FAQ entry shares a content word with the question: apology.';
      if (best && best.score < threshold) return `The best entry scores ${best.score.toFixed(2)}, below the threshold ${threshold}: apology.`;
      if (best) return 'The best entry reaches the threshold but shares too few words with the question, which has words the entry never uses: apology.';
      return `Nothing scored at or above the threshold ${threshold}: apology.`;
    default:
      return CALL_RULES[turn.outcome] ?? `Call rule: ${turn.outcome}.`;
  }
}

/** The voice line's own outcomes (callOutcome), in words. */
const CALL_RULES: Readonly<Record<string, string>> = {
  welcome: 'A new call: the greeting, with an example question and the keypad menu.',
  more: 'The caller asked for the rest (said continue or more, or pressed 1): the next page of the answer.',
  unclear: 'The transcript’s confidence is below VOICE_MIN_CONFIDENCE: “didn’t catch that”.',
  'bad key': 'A key that is no option of the menu being read: the menu again.',
  listen: 'The caller asked the line to wait: it listens again.',
  text: 'The caller asked to get the answer by text.',
  texted: 'The answer was texted to the caller.',
  'text failed': 'Texting the answer failed: the line says so.',
  'no text': 'Texting is not possible on this call (no REST credentials, or not a phone number, or the limit per call).',
  reprompt: 'Nothing was heard: the line asks again.',
  goodbye: 'The caller said goodbye: the line says goodbye and hangs up.',
  'silence goodbye': 'Nothing was heard again: the line says goodbye and hangs up.',
  limit: 'The call reached VOICE_MAX_TURNS: the line says goodbye and hangs up.',
};

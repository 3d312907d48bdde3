import MessagingResponse from 'twilio/lib/twiml/MessagingResponse.js';
import type { Reply } from '../dialog/reply.js';
import type { Entry, Faq } from '../faq/model.js';
import type { SmallTalkId } from '../faq/schema.js';
import { toGsm7 } from './gsm.js';
import { SMS_MAX_MESSAGES, splitMessage } from './split.js';

/** A rendered SMS reply: the TwiML document and the bodies of its <Message> verbs, in order. */
export interface SmsTwiml {
  readonly twiml: string;
  readonly messages: readonly string[];
}

/**
 * The texts a reply sends by SMS, as written in the FAQ (not yet normalised or split).
 * Built from FAQ text only: nothing the texter wrote is ever echoed back.
 */
export function smsTexts(reply: Reply, faq: Faq): string[] {
  switch (reply.kind) {
    case 'answer':
      return [reply.entry.answer, ...(reply.more ?? []).map((e) => e.answer), ...(reply.uncovered?.length ? [uncoveredText(reply.uncovered, faq)] : [])];
    case 'apology':
      return [(reply.language && faq.languages[reply.language]?.apology) || apologyText(faq)];
    case 'clarify':
      return reply.options.length ? [`Did you mean ${orList(reply.options.map((e) => item(e)))}? Text the number.`] : [apologyText(faq)];
    case 'help': {
      const intro = faq.smalltalk.get('help')?.answer ?? `I answer questions from ${faq.name}.`;
      const topics = faq.topics.map((t) => `${t.letter}) ${label(t.name)}`).join(', ');
      return [`${intro} Topics: ${topics}. Text a letter to see its questions.`];
    }
    case 'topic':
      return [`${label(reply.topic.name)}: ${reply.topic.entries.map((e) => item(e, reply.topic.name)).join(', ')}. Text a number to get its answer.`];
    case 'smalltalk':
      return [faq.smalltalk.get(reply.id)?.answer ?? smallTalkFallback(reply.id, faq)];
    case 'handoff':
      return [handoffText(reply.number)];
    case 'silent':
      return [];
  }
}

/**
 * Normalise each text to GSM-7 and split it into numbered parts, at most 10 parts in all.
 * Each text is promised at least one part; a text beyond the tenth would be dropped, but every
 * reply kind has at most one text.
 */
export function smsMessages(texts: readonly string[]): string[] {
  return partsOf(texts, (text, room) => splitMessage(toGsm7(text), { maxParts: room }));
}

/** Each text split by `split` into at most `room` parts, every text promised one, at most 10 parts in all. */
export function partsOf(texts: readonly string[], split: (text: string, room: number) => string[]): string[] {
  const messages: string[] = [];
  texts.forEach((text, i) => {
    const room = SMS_MAX_MESSAGES - messages.length - (texts.length - i - 1);
    if (room >= 1) messages.push(...split(text, room));
  });
  return messages;
}

/**
 * The TwiML answering an inbound SMS: one <Message> per part; `silent` gives an empty
 * `<Response/>` (Twilio handles opt-out keywords, and a reply to an opted-out number fails).
 * The builder escapes &, < and >. Renders afresh on every call: a line keeps its renderings in
 * `createSmsRenderer`.
 */
export function renderSmsTwiml(reply: Reply, faq: Faq): SmsTwiml {
  return render(reply, faq);
}

/**
 * One FAQ's SMS replies, each rendered once on first use: a reply's TwiML depends on the FAQ and the
 * reply only, never on what was asked, so an answer is normalised, split and built into TwiML once
 * per line (not per message). At most one per entry, topic and fixed reply; the line owns the
 * renderer, so a reloaded FAQ (a new line) starts afresh and two lines share nothing.
 */
export function createSmsRenderer(faq: Faq): (reply: Reply) => SmsTwiml {
  return keptRenderings((reply) => render(reply, faq));
}

/** `render`, with each reply that has a `renderedKey` rendered once and kept (by the caller's renderer). */
export function keptRenderings(render: (reply: Reply) => SmsTwiml): (reply: Reply) => SmsTwiml {
  const rendered = new Map<unknown, SmsTwiml>();
  return (reply) => {
    const key = renderedKey(reply);
    if (key === undefined) return render(reply);
    let out = rendered.get(key);
    if (!out) rendered.set(key, (out = render(reply)));
    return out;
  };
}

/** What a reply's TwiML depends on besides the FAQ; undefined for `clarify` and several answers (any combination), which are not kept. */
function renderedKey(reply: Reply): unknown {
  switch (reply.kind) {
    case 'answer':
      return reply.more || reply.uncovered ? undefined : reply.entry;
    case 'topic':
      return reply.topic;
    case 'smalltalk':
      return `smalltalk:${reply.id}`;
    case 'clarify':
      return undefined;
    case 'apology': // `nearest` is for logs only
      return reply.language ? `apology:${reply.language}` : reply.kind;
    case 'handoff':
      return `handoff:${reply.number}`;
    case 'help':
    case 'silent': // opt-out and opt-in alike: an empty <Response/>
      return reply.kind;
  }
}

function render(reply: Reply, faq: Faq): SmsTwiml {
  return messagesTwiml(smsMessages(smsTexts(reply, faq)));
}

/** One <Message> per body (none: an empty `<Response/>`), frozen, as a renderer keeps it. */
export function messagesTwiml(messages: string[]): SmsTwiml {
  const response = new MessagingResponse();
  for (const body of messages) response.message(body);
  return Object.freeze({ twiml: response.toString(), messages: Object.freeze(messages) });
}

/** Longest part of a question quoted back when the FAQ does not cover it. */
const QUOTED = 60;

/** After the answers to several questions: the ones the FAQ does not cover, named (texted and spoken alike). */
export function uncoveredText(parts: readonly string[], faq: Faq): string {
  const quoted = parts.map((p) => `"${p.length > QUOTED ? `${p.slice(0, QUOTED - 3).trimEnd()}...` : p}"`);
  const named = quoted.length <= 2 ? quoted.join(' and ') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1) ?? ''}`;
  return `Sorry, ${faq.name} does not cover ${named}.`;
}

/** The reply to a texter who asks for a person (HANDOFF_NUMBER set). */
export function handoffText(number: string): string {
  return `To talk to a person, call ${number}. You can also text me a question any time.`;
}

function apologyText(faq: Faq): string {
  return `${faq.apology} Text MENU to see the topics.`;
}

/**
 * "3) Legal language for BCP": the number people text, then the question. Under a topic the entry
 * is listed in through `also`, the question as that topic asks it.
 */
export function item(entry: Entry, topic?: string): string {
  const asked = entry.topic === topic ? undefined : entry.also.find((a) => a.topic === topic)?.question;
  return `${entry.number}) ${label(asked ?? entry.question)}`;
}

/** A question or name inside a list: without its own closing punctuation. */
export function label(text: string): string {
  return text.trim().replace(/[\s.?!:;,]+$/, '');
}

/** "a", "a or b", "a, b or c". */
function orList(items: readonly string[]): string {
  return items.length <= 2 ? items.join(' or ') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** When the FAQ file has no small-talk entry for what the dialog chose. */
function smallTalkFallback(id: Exclude<SmallTalkId, 'help'>, faq: Faq): string {
  switch (id) {
    case 'greeting':
      return `Hello! Text a question about ${faq.name}, or MENU to see the topics.`;
    case 'thanks':
      return "You're welcome!";
    case 'goodbye':
      return 'Goodbye!';
  }
}

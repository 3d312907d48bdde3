import type { Reply } from '../dialog/reply.js';
import type { Faq } from '../faq/model.js';
import { item, keptRenderings, label, messagesTwiml, partsOf, smsTexts, type SmsTwiml } from './sms.js';
import { SMS_MAX_CHARS, splitMessage } from './split.js';

/**
 * Replies to WhatsApp senders (From `whatsapp:+1...`), through the same `/sms` webhook. Twilio's
 * documentation, checked for this:
 * - A message Body is at most 1,600 characters on every Programmable Messaging channel, WhatsApp
 *   included (error 21617), although WhatsApp itself takes 4,096: the line's parts stay within 1,600.
 *   At most 10 <Message> verbs answer one message, as for SMS.
 * - WhatsApp has no segments and no GSM-7: the text keeps its own characters (curly quotes, accents,
 *   emoji) and a long answer is split only where it must, as few parts as fit, with no "(1/2)".
 * - WhatsApp reads *bold*, _italic_, ~strike-through~ and ```monospace```: menus set the topic names
 *   in bold; FAQ answers are sent as written.
 */

/** The texts of a reply for WhatsApp: the SMS texts, with the menus' topic names in bold. */
export function whatsappTexts(reply: Reply, faq: Faq): string[] {
  switch (reply.kind) {
    case 'help': {
      const intro = faq.smalltalk.get('help')?.answer ?? `I answer questions from ${faq.name}.`;
      const topics = faq.topics.map((t) => `${t.letter}) ${bold(label(t.name))}`).join(', ');
      return [`${intro} Topics: ${topics}. Text a letter to see its questions.`];
    }
    case 'topic':
      return [`${bold(label(reply.topic.name))}: ${reply.topic.entries.map((e) => item(e, reply.topic.name)).join(', ')}. Text a number to get its answer.`];
    default:
      return smsTexts(reply, faq);
  }
}

/** Each text in parts of at most 1,600 characters, unnumbered, at most 10 parts in all. */
export function whatsappMessages(texts: readonly string[]): string[] {
  return partsOf(texts, (text, room) => splitMessage(text, { maxChars: SMS_MAX_CHARS, maxParts: room, numbered: false }));
}

/** The TwiML answering a WhatsApp message, rendered afresh (a line keeps its renderings in createWhatsAppRenderer). */
export function renderWhatsAppTwiml(reply: Reply, faq: Faq): SmsTwiml {
  return render(reply, faq);
}

/** One FAQ's WhatsApp replies, each rendered once on first use and owned by the line, as createSmsRenderer's. */
export function createWhatsAppRenderer(faq: Faq): (reply: Reply) => SmsTwiml {
  return keptRenderings((reply) => render(reply, faq));
}

function render(reply: Reply, faq: Faq): SmsTwiml {
  return messagesTwiml(whatsappMessages(whatsappTexts(reply, faq)));
}

/** WhatsApp's bold; a name that has an asterisk of its own is left as it is. */
function bold(text: string): string {
  return text.includes('*') ? text : `*${text}*`;
}

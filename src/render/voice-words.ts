import type { CallReply } from '../dialog/call-reply.js';
import { MENU_PAGE, type CallState } from '../dialog/call-state.js';
import type { Entry, Faq } from '../faq/model.js';
import { uncoveredText } from './sms.js';
import type { VoiceBook } from './voice-book.js';

/** What the FAQ and this call allow the words to mention. */
export interface WordsView {
  readonly faq: Faq;
  readonly book: VoiceBook;
  /** The caller can be texted an answer. */
  readonly texting: boolean;
  readonly maxTexts: number;
  /** HANDOFF_NUMBER: the person asking for one is connected to, and where Twilio posts when that call ends. */
  readonly handoff?: { readonly number: string; readonly action: string };
}

/**
 * A reply as words. `lead` is spoken before listening (answers: not interrupted by a stray
 * noise); `note` and `prompt` are spoken while listening, so the caller can speak or press a key
 * over them. `hangup` ends the call after `lead` and `note`; on the last turn `prompt` is dropped.
 */
export interface Spoken {
  readonly lead: readonly string[];
  readonly note: readonly string[];
  readonly prompt: readonly string[];
  readonly hangup: boolean;
  /** Connect the call to this number after `lead` and `note` (<Dial>), instead of hanging up. */
  readonly dial?: { readonly number: string; readonly action: string };
  /** The <Say> voice and language of `note`, when it is not in the line's own (an apology in the caller's language). */
  readonly noteSay?: { readonly voice?: string; readonly language?: string };
}

export const WORDS = {
  menuHint: 'Or press 0 for a menu of topics.',
  another: 'Do you have another question?',
  rest: (page: number, pages: number) => `That was part ${page} of ${pages}. To hear the rest, say continue, or press 1. Or ask another question.`,
  textOffer: 'To get this answer by text, say text me that, or press 2.',
  unclear: "Sorry, I didn't catch that.",
  badKey: "Sorry, that key doesn't do anything here.",
  badMenuKey: "Sorry, that number isn't in this menu.",
  askAgain: 'Please ask your question again, or press 0 for a menu of topics.',
  askAnother: 'You can ask another question, or press 0 for a menu of topics.',
  topicsInstead: 'Let me read you the topics instead.',
  stillThere: 'Are you still there?',
  texted: "OK, I've sent that answer to you by text.",
  textFailed: "Sorry, I couldn't send the text just now.",
  noTexting: "Sorry, I can't send texts from this line.",
  nothingToText: 'Ask me a question first, and then I can text you the answer.',
  textLimit: "I've already sent as many texts as I can on this call.",
  listenYes: "Go ahead, I'm listening.",
  listenNoMore: 'That was the whole answer.',
  listenNo: 'All right. What would you like to ask?',
  silenceGoodbye: "I didn't hear anything, so I'll end the call now. Please call again any time. Goodbye.",
  handoff: 'Connecting you to a person now. Please hold.',
  handoffUnanswered: "Sorry, no one could take your call just now. Please call again later. Goodbye.",
  personKey: 'To talk to a person, press 0.',
  personHelp: 'To talk to a person, say agent.',
  limitGoodbye: "That's all the time I have for this call. Please call again if you have more questions. Goodbye.",
} as const;

/** The words of a reply, given the state the next turn starts from. */
export function spokenReply(reply: CallReply, next: CallState, view: WordsView): Spoken {
  const { book } = view;
  const listen = (note: readonly string[], prompt: readonly string[], lead: readonly string[] = []): Spoken => ({ lead, note, prompt, hangup: false });
  const end = (words: string): Spoken => ({ lead: [], note: [words], prompt: [], hangup: true });
  switch (reply.kind) {
    case 'welcome':
      return listen([`Hello, you've reached ${book.name} line.`], [`Ask me a question, for example: ${book.example}`, WORDS.menuHint]);
    case 'answer':
      return listen(
        reply.uncovered?.length ? [uncoveredText(reply.uncovered, view.faq)] : [],
        followUp(next, view, true),
        [...(reply.before ?? []).flatMap((e) => book.answer(e, view.texting).pages[0] ?? []), ...(book.answer(reply.entry, view.texting).pages[reply.page] ?? [])],
      );
    case 'apology': {
      const foreign = reply.language ? view.faq.languages[reply.language] : undefined;
      const again = [next.menu ? reprompt(next, view) : WORDS.askAnother];
      if (foreign) return { ...listen([foreign.apology], again), noteSay: { ...(foreign.voice ? { voice: foreign.voice } : {}), ...(foreign.locale ? { language: foreign.locale } : {}) } };
      if (reply.reason === 'no-match') return listen([book.apology], again);
      return listen([reply.reason === 'unclear' ? WORDS.unclear : WORDS.badKey], [reprompt(next, view)]);
    }
    case 'clarify':
      return listen([], clarifyWords(reply.options, view));
    case 'topics': {
      const lead = reply.note === 'misses' ? [book.apology, WORDS.topicsInstead] : reply.note === 'key' ? [WORDS.badMenuKey] : [];
      return listen(lead, topicsWords(reply.page, view));
    }
    case 'topic':
      return listen(reply.note === 'key' ? [WORDS.badMenuKey] : [], topicWords(reply.topic.name, reply.page, view));
    case 'help':
      return listen([book.smalltalk('help') ?? `I answer questions from ${book.name}.`], [WORDS.menuHint.replace('Or press', 'Ask your question, or press'), ...(view.handoff ? [WORDS.personHelp] : [])]);
    case 'handoff':
      if (!view.handoff) return end(WORDS.handoffUnanswered);
      return { lead: [], note: [WORDS.handoff], prompt: [], hangup: true, dial: view.handoff };
    case 'smalltalk':
      return listen([book.smalltalk(reply.id) ?? (reply.id === 'thanks' ? "You're welcome!" : 'Hello!')], [reply.id === 'thanks' ? WORDS.another : `What's your question? ${WORDS.menuHint}`]);
    case 'listen':
      if (reply.reason === 'yes') return listen([], [WORDS.listenYes]);
      if (reply.reason === 'no') return listen([], [WORDS.listenNo]);
      return listen([WORDS.listenNoMore], followUp(next, view, false));
    case 'text':
    case 'texted':
      return listen([reply.kind === 'texted' && reply.ok ? WORDS.texted : WORDS.textFailed], followUp(next, view, false));
    case 'no-text': {
      const why = reply.reason === 'unavailable' ? WORDS.noTexting : reply.reason === 'nothing' ? WORDS.nothingToText : WORDS.textLimit;
      return listen([why], followUp(next, view, false));
    }
    case 'silence':
      return listen([WORDS.stillThere], next.menu ? menuAgain(next, view) : [`You can ask a question, for example: ${book.example}`, WORDS.menuHint]);
    case 'goodbye':
      if (reply.reason === 'caller') return end(book.smalltalk('goodbye') ?? 'Goodbye!');
      return end(reply.reason === 'silence' ? WORDS.silenceGoodbye : WORDS.limitGoodbye);
  }
}

/** After an answer or a note: offer the rest of a paged answer, or ask for another question (and offer a text). */
function followUp(next: CallState, view: WordsView, offerText: boolean): string[] {
  if (next.page !== undefined && next.entry !== undefined) {
    const entry = view.faq.entries[next.entry - 1];
    const pages = entry ? view.book.answer(entry, view.texting).pages.length : next.page + 1;
    return [WORDS.rest(next.page, pages)];
  }
  const canText = offerText && view.texting && next.texts < view.maxTexts;
  return canText ? [WORDS.textOffer, WORDS.another] : [WORDS.another];
}

/** What to say again after a miss, by where the caller is. */
function reprompt(next: CallState, view: WordsView): string {
  if (next.menu?.kind === 'clarify') return 'Say one or two, or press 1 or 2. Or ask another question.';
  if (next.menu) return 'Press a number from the menu, or press 0 to hear the topics.';
  if (next.page !== undefined && next.entry !== undefined) return followUp(next, view, false).join(' ');
  return WORDS.askAgain;
}

function menuAgain(next: CallState, view: WordsView): string[] {
  const menu = next.menu;
  if (menu?.kind === 'topics') return topicsWords(menu.page, view);
  if (menu?.kind === 'topic') return topicWords(view.faq.topics[menu.topic]?.name ?? '', menu.page, view);
  if (menu?.kind === 'clarify') {
    const options = menu.options.map((n) => view.faq.entries[n - 1]).filter((e): e is Entry => e !== undefined);
    return clarifyWords(options, view);
  }
  return [];
}

function clarifyWords(options: readonly Entry[], view: WordsView): string[] {
  const [first, second] = options;
  if (!first || !second) return [WORDS.askAgain];
  return [`Did you mean one: ${view.book.question(first)}? Or two: ${view.book.question(second)}?`, 'Say one or two, or press 1 or 2.'];
}

function topicsWords(page: number, view: WordsView): string[] {
  const { faq, book } = view;
  const shown = faq.topics.slice(page * MENU_PAGE, (page + 1) * MENU_PAGE);
  const items = shown.map((t, i) => `For ${book.topic(t)}, press ${i + 1}.`);
  const more = (page + 1) * MENU_PAGE < faq.topics.length ? ['For more topics, press 9.'] : [];
  const person = view.handoff ? [WORDS.personKey] : [];
  return [page === 0 ? 'Here are the topics.' : 'More topics.', ...items, ...more, ...person, 'Or ask a question.'];
}

function topicWords(name: string, page: number, view: WordsView): string[] {
  const { faq, book } = view;
  const topic = faq.topics.find((t) => t.name === name);
  if (!topic) return topicsWords(0, view);
  const shown = topic.entries.slice(page * MENU_PAGE, (page + 1) * MENU_PAGE);
  const items = shown.map((e, i) => `For ${book.question(e, topic)}, press ${i + 1}.`);
  const more = (page + 1) * MENU_PAGE < topic.entries.length ? ['For more questions, press 9.'] : [];
  return [`${book.topic(topic)}${page === 0 ? '' : ', continued'}.`, ...items, ...more, 'To go back to the topics, press 0.'];
}

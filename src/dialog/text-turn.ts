import type { Faq } from '../faq/model.js';
import { keywordOf } from './keywords.js';
import type { Reply, TextInput } from './reply.js';
import { understand, type Understanding } from './understand.js';

/** Decide the reply to one texted message. Pure: the same FAQ and text give the same reply. */
export function replyToText(input: TextInput, faq: Faq, nlu: Understanding): Reply {
  const text = input.text.trim();
  if (text === '') return { kind: 'help' };
  const keyword = keywordOf(text);
  if (keyword === 'opt-out' || keyword === 'opt-in') return { kind: 'silent', reason: keyword };
  if (keyword === 'help') return { kind: 'help' };

  const picked = pickFromMenu(text, faq);
  if (picked) return picked;

  const talk = nlu.smallTalk(text);
  if (talk === 'help') return { kind: 'help' };
  if (talk) return { kind: 'smalltalk', id: talk };

  const understood = understand(text, faq, nlu);
  if (understood.kind !== 'none') return understood;
  return understood.nearest ? { kind: 'apology', nearest: understood.nearest } : { kind: 'apology' };
}

/** "7" or "#7" is entry 7; "b" or a topic's name lists that topic. */
function pickFromMenu(text: string, faq: Faq): Reply | undefined {
  const number = /^#?\s*(\d{1,4})\s*[.)]?$/.exec(text);
  if (number) {
    const entry = faq.entries[Number(number[1]) - 1];
    return entry ? { kind: 'answer', entry, score: 1 } : { kind: 'help' };
  }
  const key = text.toLowerCase().replace(/[.!)]+$/, '');
  const topic = faq.topics.find((t) => t.letter.toLowerCase() === key || t.name.toLowerCase() === key);
  return topic ? { kind: 'topic', topic } : undefined;
}

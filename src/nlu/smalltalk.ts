import type { SmallTalk } from '../faq/model.js';
import type { SmallTalkId } from '../faq/schema.js';
import { cleanText, expandShorthand } from './text.js';

/** Words of a short message, without punctuation, shorthand expanded. */
function words(text: string): string[] {
  return expandShorthand(cleanText(text))
    .replace(/[^a-z0-9' ]+/g, ' ')
    .split(' ')
    .filter(Boolean);
}

/** When a short message is all pleasantries, which one wins: "thanks, bye" is a goodbye. */
const PRIORITY: readonly SmallTalkId[] = ['goodbye', 'thanks', 'help', 'greeting'];
const MAX_WORDS = 6;
/** Words that go with any pleasantry and decide nothing: "ok thanks bye" is a goodbye. */
const FILLER: ReadonlySet<string> = new Set(['ok', 'okay', 'oh', 'cool', 'alright', 'and', 'so']);

/**
 * Recognise small talk: a message that is one of the small-talk phrasings, or made only of their
 * words ("hi there!", "ok thanks a lot"). Anything with a word of its own goes to the classifier.
 */
export function createSmallTalkMatcher(items: Iterable<SmallTalk>): (text: string) => SmallTalkId | undefined {
  const exact = new Map<string, SmallTalkId>();
  const vocab = new Map<SmallTalkId, Set<string>>();
  for (const item of items) {
    const set = vocab.get(item.id) ?? new Set<string>();
    for (const p of item.phrasings) {
      const w = words(p);
      exact.set(w.join(' '), item.id);
      w.forEach((x) => set.add(x));
    }
    vocab.set(item.id, set);
  }
  const all = new Set<string>();
  vocab.forEach((set) => set.forEach((x) => all.add(x)));
  return (text) => {
    const said = words(text);
    if (said.length === 0 || said.length > MAX_WORDS) return undefined;
    const w = said.filter((x) => !FILLER.has(x));
    const hit = exact.get(said.join(' ')) ?? exact.get(w.join(' '));
    if (hit) return hit;
    if (w.length === 0) return undefined;
    if (!w.every((x) => all.has(x))) return undefined;
    return PRIORITY.find((id) => w.some((x) => vocab.get(id)?.has(x) && !isShared(x, id, vocab)));
  };
}

/** A word used by several kinds of small talk ("you", "there") decides nothing. */
function isShared(word: string, id: SmallTalkId, vocab: ReadonlyMap<SmallTalkId, Set<string>>): boolean {
  for (const [other, set] of vocab) if (other !== id && set.has(word)) return true;
  return false;
}

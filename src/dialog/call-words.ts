/**
 * What a caller says to steer a call rather than to ask: "continue", "text me that", "that's all".
 * A whole utterance is a command only when every word of it belongs to that command's small
 * vocabulary, so "tell me more about backups" or "send me the bcp" still go to the classifier.
 */

export type CallCommand = 'goodbye' | 'no' | 'yes' | 'more' | 'text' | 'menu' | 'repeat';

/** Hesitations a recogniser may write down; they carry no meaning. */
const HESITATIONS = new Set(['um', 'umm', 'uh', 'uhh', 'uhm', 'erm', 'er', 'hmm', 'hm', 'mm', 'mhm']);
/** Words that go with any command: "okay, continue please". */
const POLITE = new Set(['ok', 'okay', 'oh', 'well', 'so', 'just', 'please', 'now', 'then', 'and', 'alright', 'right']);

const EXACT: ReadonlyArray<readonly [CallCommand, readonly string[]]> = [
  ['no', ['no', 'nope', 'nah', 'no thanks', 'no thank you', 'not really', 'no i am good', "no i'm good", 'no i do not', "no i don't", 'i do not', "i don't", 'no sir', 'no ma am']],
  [
    'goodbye',
    [
      'goodbye', 'good bye', 'bye', 'bye bye', 'bye now', "that's all", 'that is all', "that's it", 'that is it', "that's everything",
      'nothing else', 'nothing', "i'm done", 'i am done', 'all done', 'done', "i'm good", "i'm all set", 'all set', 'hang up',
      'end call', 'end the call', 'no more questions', 'i have no more questions', "i don't have any more questions",
      'no other questions', 'no further questions', 'not right now', 'no that is all', "no that's all", "no that's it",
      'no that is it', 'no more', "that's all for now", 'that is all for now', 'no goodbye', 'no bye', 'see you', 'see ya',
    ],
  ],
  ['yes', ['yes', 'yeah', 'yep', 'yup', 'sure', 'of course', 'i do', 'yes i do', 'i have another question', 'another question', 'one more question', 'yes i have another question', 'i have a question', 'yes i have a question', 'correct']],
  ['menu', ['menu', 'main menu', 'the menu', 'topics', 'the topics', 'list topics', 'list the topics', 'keypad', 'go back', 'back', 'start over', 'go to the menu', 'topic list', 'options', 'operator']],
  ['repeat', ['repeat', 'repeat that', 'repeat it', 'say that again', 'say it again', 'again', 'come again', 'pardon', 'one more time', 'can you repeat that', 'could you repeat that', 'what did you say', 'repeat the answer', 'play it again']],
];

/** Words of "more, please": all must come from here, one must be a trigger. */
const MORE_WORDS = new Set(['more', 'continue', 'go', 'on', 'keep', 'going', 'tell', 'me', 'the', 'rest', 'next', 'carry', 'read', 'hear', 'yes', 'yeah', 'of', 'it', 'part', 'want', 'to', 'i', 'let', 'lets', "let's", 'play', 'some']);
const MORE_TRIGGERS = new Set(['more', 'continue', 'rest', 'next', 'going', 'carry']);
/** Words of "text me that": all must come from here, one must be a trigger. */
const TEXT_WORDS = new Set([
  'text', 'txt', 'texts', 'sms', 'send', 'message', 'me', 'it', 'that', 'this', 'the', 'answer', 'link', 'links', 'to', 'my',
  'phone', 'a', 'by', 'can', 'could', 'you', 'over', 'as', 'cell', 'mobile', 'number', 'i', 'want', 'would', 'like', 'get',
  'them', 'in', 'yes', 'yeah', 'just', 'via', 'an',
]);
const TEXT_TRIGGERS = new Set(['text', 'txt', 'texts', 'sms', 'send', 'message']);

const EXACT_INDEX = new Map<string, CallCommand>(EXACT.flatMap(([command, phrases]) => phrases.map((p) => [p, command] as const)));

/** Lower case words without punctuation (apostrophes kept) and without hesitations. */
export function spokenWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .split(' ')
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w && !HESITATIONS.has(w));
}

/** The transcript without hesitations, for the classifier. */
export function withoutHesitations(text: string): string {
  return text
    .split(/\s+/)
    .filter((w) => !HESITATIONS.has(w.toLowerCase().replace(/[^a-z]/g, '')))
    .join(' ')
    .trim();
}

/** The command a whole utterance is, if any. */
export function commandOf(text: string): CallCommand | undefined {
  const all = spokenWords(text);
  if (all.length === 0 || all.length > 10) return undefined;
  const words = all.filter((w) => !POLITE.has(w));
  const phrase = words.join(' ');
  const thanked = words.filter((w) => w !== 'thanks' && w !== 'thank' && w !== 'you').join(' ');
  const exact = EXACT_INDEX.get(phrase) ?? (thanked ? EXACT_INDEX.get(thanked) : undefined);
  if (exact) return exact;
  const afterNo = /^(?:no|nope|nah) (.+)$/.exec(thanked)?.[1];
  if (afterNo && EXACT_INDEX.get(afterNo) === 'goodbye') return 'goodbye'; // "nope, that is it"
  if (words.length && words.every((w) => TEXT_WORDS.has(w)) && words.some((w) => TEXT_TRIGGERS.has(w))) return 'text';
  if (words.length && words.every((w) => MORE_WORDS.has(w)) && words.some((w) => MORE_TRIGGERS.has(w))) return 'more';
  return undefined;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0, oh: 0, one: 1, won: 1, first: 1, two: 2, to: 2, too: 2, second: 2, three: 3, third: 3, four: 4, for: 4, fourth: 4,
  five: 5, fifth: 5, six: 6, sixth: 6, seven: 7, seventh: 7, eight: 8, ate: 8, eighth: 8, nine: 9, ninth: 9,
};
const NUMBER_FILLER = new Set(['number', 'option', 'press', 'the', 'i', 'want', 'pick', 'choose', 'please', 'ok', 'okay', 'let', 'me', 'have', 'say', 'item', 'question', 'topic', "i'll", 'take', 'um']);

/** A menu choice said aloud: "two", "number 2", "the first one", "option three please" -> the digit. */
export function spokenDigit(text: string): number | undefined {
  const words = spokenWords(text).filter((w) => !NUMBER_FILLER.has(w));
  if (words.length === 2 && words[1] === 'one') words.pop(); // "the second one"
  const [word] = words;
  if (words.length !== 1 || word === undefined) return undefined;
  return /^\d$/.test(word) ? Number(word) : NUMBER_WORDS[word];
}

/** Text clean-up before wink-nlp reads an utterance: quotes, dotted acronyms, texting shorthand. */

/** Texting shorthand wink-nlp does not expand. General English only: domain words go in the FAQ's synonyms. */
const SHORTHAND: Readonly<Record<string, string>> = {
  u: 'you', ur: 'your', r: 'are', ya: 'you', yr: 'your',
  wat: 'what', wut: 'what', wht: 'what', whats: 'what is', wats: 'what is', wheres: 'where is',
  hows: 'how is', whos: 'who is', im: 'i am', ive: 'i have', pls: 'please', plz: 'please',
  thx: 'thanks', thnx: 'thanks', tx: 'thanks', ty: 'thank you', abt: 'about', ppl: 'people',
  msg: 'message', msgs: 'messages', info: 'information', w: 'with', tho: 'though', cuz: 'because',
  dont: 'do not', doesnt: 'does not', didnt: 'did not', cant: 'can not', wont: 'will not',
  isnt: 'is not', arent: 'are not', wasnt: 'was not', havent: 'have not', hasnt: 'has not',
  whatre: 'what are', theres: 'there is', yall: 'you all', gonna: 'going to', wanna: 'want to',
};

/** Printable ASCII only: nothing for NFKC or the typographic replacements below to change. */
const PLAIN_ASCII = /^[\x20-\x7E]*$/;

export function cleanText(text: string): string {
  const plain = PLAIN_ASCII.test(text)
    ? text
    : text
        .normalize('NFKC')
        .replace(/[\u2018\u2019\u201A\u201B\u2032`´]/g, "'")
        .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
        .replace(/[\u2010-\u2015\u2212]/g, '-')
        // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
        .replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202F\u2060\uFEFF]+/g, ' ');
  return (
    plain
      // B.C.D.R. -> BCDR (before lower-casing, so a dotted run of capitals is unmistakable)
      .replace(/\b(?:[A-Za-z]\.){2,}(?:[A-Za-z]\b)?/g, (m) => m.replace(/\./g, ''))
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** English compounds people split or join at will: "back up" and "backup" must meet. */
const COMPOUNDS: readonly [RegExp, string][] = [
  [/\bback(?:ed|ing|s)? up\b/g, 'backup'],
  [/\bup[ -]time\b/g, 'uptime'],
  [/\bdown[ -]time\b/g, 'downtime'],
  [/\bset(?:ting)? up\b/g, 'setup'],
  [/\bwhite[ -]list/g, 'whitelist'],
  [/\bmulti[ -]tenan/g, 'multitenan'],
];
/** Any of the compounds, to skip them all in one test when a text has none (most texts). */
const ANY_COMPOUND = new RegExp(COMPOUNDS.map(([pattern]) => pattern.source).join('|'));

/**
 * A whole shorthand word: a run of letters not joined by an apostrophe to more letters ("u", not
 * the "u" of "u's" or of "you").
 */
const SHORTHAND_WORD = new RegExp(`(?<![a-z])(?<![a-z]')(?:${Object.keys(SHORTHAND).join('|')})(?![a-z])(?!'[a-z])`, 'g');

/** Texting shorthand and split compounds, on cleaned text. */
export function expandShorthand(text: string): string {
  let out = text.replace(SHORTHAND_WORD, (w) => SHORTHAND[w] ?? w);
  if (ANY_COMPOUND.test(out)) for (const [pattern, joined] of COMPOUNDS) out = out.replace(pattern, joined);
  return out;
}

/**
 * Spelled-out letters, as speech transcripts give acronyms ("b c p", "r t o", "b/c d/r"), joined
 * when the joined word is one the FAQ knows.
 */
export function joinSpelledLetters(text: string, known: (word: string) => boolean): string {
  return joinLetters(joinSpokenLetters(text, known), known);
}

/**
 * How a speech recogniser writes letters it heard as words: "are tee oh" is RTO, "eye pee" is IP.
 * General English; only a run that joins into a word the FAQ knows is changed.
 */
const LETTER_NAMES: Readonly<Record<string, string>> = {
  a: 'a', ay: 'a', eh: 'a', b: 'b', be: 'b', bee: 'b', c: 'c', see: 'c', sea: 'c', cee: 'c', d: 'd', dee: 'd',
  e: 'e', ee: 'e', f: 'f', ef: 'f', eff: 'f', g: 'g', gee: 'g', jee: 'g', h: 'h', aitch: 'h', i: 'i', eye: 'i',
  j: 'j', jay: 'j', k: 'k', kay: 'k', l: 'l', el: 'l', ell: 'l', m: 'm', em: 'm', n: 'n', en: 'n', o: 'o', oh: 'o',
  owe: 'o', p: 'p', pee: 'p', pea: 'p', q: 'q', cue: 'q', queue: 'q', r: 'r', are: 'r', ar: 'r', s: 's', ess: 's',
  es: 's', t: 't', tee: 't', tea: 't', u: 'u', you: 'u', v: 'v', vee: 'v', w: 'w', x: 'x', ex: 'x', y: 'y', why: 'y',
  z: 'z', zee: 'z', zed: 'z',
};

/** Runs of two or more letter names ("are tee oh"), joined where the letters make a word the FAQ knows. */
function joinSpokenLetters(text: string, known: (word: string) => boolean): string {
  if (!/\b(?:ay|bee|see|sea|dee|ee|ef|eff|gee|aitch|eye|jay|kay|el|ell|em|en|oh|pee|pea|cue|are|ess|tee|tea|you|vee|ex|why|zee|zed)\b/.test(text)) return text;
  const words = text.split(' ');
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    // The longest run from i whose letters join into a known word (at least two letters).
    let joined: string | undefined;
    let end = i;
    let letters = '';
    for (let j = i; j < words.length && j < i + 6; j++) {
      const letter = LETTER_NAMES[words[j] as string];
      if (letter === undefined) break;
      letters += letter;
      if (j > i && known(letters)) {
        joined = letters;
        end = j + 1;
      }
    }
    if (joined !== undefined) {
      out.push(joined);
      i = end;
    } else out.push(words[i++] as string);
  }
  return out.join(' ');
}

function joinLetters(text: string, known: (word: string) => boolean): string {
  return text.replace(/\b[a-z](?:[ ./-]+[a-z]\b)+/g, (run) => {
    const letters = run.split(/[ ./-]+/);
    // Try the longest known join first, from each start, so "i want a b c p" keeps "i want a".
    const out: string[] = [];
    let i = 0;
    while (i < letters.length) {
      let j = letters.length;
      while (j > i + 1 && !known(letters.slice(i, j).join(''))) j--;
      out.push(j > i + 1 ? letters.slice(i, j).join('') : (letters[i] as string));
      i = j > i + 1 ? j : i + 1;
    }
    return out.join(' ');
  });
}

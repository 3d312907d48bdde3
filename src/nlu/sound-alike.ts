import { doubleMetaphone } from 'double-metaphone';
import { editDistance } from './spelling.js';
import { STOP_WORDS } from './stopwords.js';

/**
 * Speech recognisers write a word they do not know as ordinary words that sound like it: "main
 * tenants window" for maintenance window, "multi ten and see" for multi-tenancy, "tea sirt" for
 * T-SIRT, "co vid" for COVID. This joins a run of two to four words when, joined, it sounds like a
 * word the FAQ uses (double metaphone codes equal, or one sound apart for longer words) and is
 * spelled close to it. General English phonetics; the FAQ's own words are the only targets.
 */
export type SoundAlikes = (text: string) => string | undefined;

/** Shortest FAQ word a run may become: shorter words sound like too many things. */
const MIN_TARGET_LENGTH = 5;
/** Codes at least this long may differ by one sound. */
const NEAR_CODE_LENGTH = 5;

export function createSoundAlikes(targets: Iterable<string>): SoundAlikes {
  // The FAQ's words and phrases by their sound code, and by that code with any one sound left out
  // (so a code one sound away is found by lookups, not a scan); a phrase sounds as its letters run
  // together ("maintenance windows" as "maintenancewindows").
  const byCode = new Map<string, Target[]>();
  const byShorter = new Map<string, Target[]>();
  const known = new Map<string, string>();
  const words = new Set<string>();
  for (const word of targets) {
    if (/^[a-z]+$/.test(word)) words.add(word);
    const key = word.replace(/[^a-z]/g, '');
    if (key.length < MIN_TARGET_LENGTH || known.has(key)) continue;
    known.set(key, word);
    const code = doubleMetaphone(key)[0];
    if (!code) continue;
    const t = { word, key, code };
    add(byCode, code, t);
    if (code.length >= NEAR_CODE_LENGTH) for (const d of deletions(code)) add(byShorter, d, t);
  }

  const firstLetters = new Set([...known.keys()].map((k) => k[0] as string));
  const longest = Math.max(0, ...[...known.keys()].map((k) => k.length));

  // A run's sound, as its words' codes run together (a later word's leading vowel mark dropped): a
  // cheap stand-in that finds the candidates; the run's own code then decides.
  const codes = new Map<string, string>();
  const codeOf = (token: string): string => {
    let c = codes.get(token);
    if (c === undefined) {
      if (codes.size > 20_000) codes.clear();
      c = doubleMetaphone(token)[0] ?? '';
      codes.set(token, c);
    }
    return c;
  };

  const candidates = (sound: string): Target[] => {
    if (sound.length < 2) return [];
    const found = [...(byCode.get(sound) ?? []), ...(byShorter.get(sound) ?? [])];
    if (sound.length >= NEAR_CODE_LENGTH) for (const d of deletions(sound)) found.push(...(byCode.get(d) ?? []), ...(byShorter.get(d) ?? []));
    return found;
  };

  const target = (joined: string, sound: string): string | undefined => {
    const same = known.get(joined);
    if (same !== undefined) return same;
    if (!firstLetters.has(joined[0] as string) || joined.length > longest + 3) return undefined;
    const near = candidates(sound);
    if (near.length === 0) return undefined;
    const code = doubleMetaphone(joined)[0];
    if (!code) return undefined;
    let best: string | undefined;
    let bestCost = Infinity;
    for (const c of near) {
      const heard = c.code === code ? 0 : code.length >= NEAR_CODE_LENGTH && editDistance(c.code, code, 1) === 1 ? 1 : -1;
      if (heard < 0 || c.key[0] !== joined[0]) continue;
      const most = Math.max(2, Math.floor(0.4 * c.key.length));
      const spelling = editDistance(c.key, joined, most);
      if (spelling > most) continue;
      const cost = heard * 10 + spelling;
      if (cost < bestCost) [best, bestCost] = [c.word, cost];
    }
    return best;
  };

  return (text) => {
    const tokens = text.split(' ');
    const out: string[] = [];
    let changed = false;
    for (let i = 0; i < tokens.length; ) {
      let found: { word: string; end: number } | undefined;
      let joined = tokens[i] as string;
      // A run starts and ends with a word of its own: "is international" is not "international".
      const opens = /^[a-z]+$/.test(joined) && !STOP_WORDS.has(joined);
      let sound = opens ? codeOf(joined) : '';
      let allKnown = words.has(joined);
      for (let j = i + 1; opens && j < Math.min(tokens.length, i + 4); j++) {
        const next = tokens[j] as string;
        if (!/^[a-z]+$/.test(next)) break;
        joined += next;
        sound += codeOf(next).replace(/^A/, '');
        allKnown &&= words.has(next);
        if (STOP_WORDS.has(next)) continue;
        // A run the FAQ already has word for word ("data center") stays as it is.
        if (allKnown) continue;
        const word = target(joined, sound);
        // "handle an" is not "handles": a run must not be its first word with an ending added.
        const first = tokens[i] as string;
        if (word !== undefined && !(word.startsWith(first) && word.length - first.length <= 2)) found = { word, end: j + 1 };
      }
      if (found) {
        out.push(found.word);
        if (found.word !== tokens.slice(i, found.end).join(' ')) changed = true;
        i = found.end;
      } else out.push(tokens[i++] as string);
    }
    return changed ? out.join(' ') : undefined;
  };
}

interface Target {
  readonly word: string;
  readonly key: string;
  readonly code: string;
}

function add(index: Map<string, Target[]>, code: string, t: Target): void {
  const list = index.get(code);
  if (list) list.push(t);
  else index.set(code, [t]);
}

/** A code with each one of its sounds left out. */
function deletions(code: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < code.length; i++) out.push(code.slice(0, i) + code.slice(i + 1));
  return out;
}

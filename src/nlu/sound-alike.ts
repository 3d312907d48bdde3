import { doubleMetaphone } from 'double-metaphone';
import { editDistance } from './spelling.js';

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
  // The FAQ's words and phrases by the first letter of their sound code; a phrase sounds as its letters
  // run together ("maintenance windows" as "maintenancewindows").
  const byFirst = new Map<string, { word: string; key: string; code: string }[]>();
  const known = new Map<string, string>();
  const words = new Set<string>();
  for (const word of targets) {
    if (/^[a-z]+$/.test(word)) words.add(word);
    const key = word.replace(/[^a-z]/g, '');
    if (key.length < MIN_TARGET_LENGTH || known.has(key)) continue;
    known.set(key, word);
    const code = doubleMetaphone(key)[0];
    if (!code) continue;
    const list = byFirst.get(code[0] as string) ?? [];
    list.push({ word, key, code });
    byFirst.set(code[0] as string, list);
  }

  const target = (joined: string): string | undefined => {
    const same = known.get(joined);
    if (same !== undefined) return same;
    const code = doubleMetaphone(joined)[0];
    if (!code) return undefined;
    let best: string | undefined;
    let bestCost = Infinity;
    for (const c of byFirst.get(code[0] as string) ?? []) {
      const sound = c.code === code ? 0 : code.length >= NEAR_CODE_LENGTH && editDistance(c.code, code, 1) === 1 ? 1 : -1;
      if (sound < 0 || c.key[0] !== joined[0]) continue;
      const most = Math.max(2, Math.floor(0.4 * c.key.length));
      const spelling = editDistance(c.key, joined, most);
      if (spelling > most) continue;
      const cost = sound * 10 + spelling;
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
      for (let j = i + 1; j < Math.min(tokens.length, i + 4) && /^[a-z]+$/.test(joined); j++) {
        const next = tokens[j] as string;
        if (!/^[a-z]+$/.test(next)) break;
        joined += next;
        // A run the FAQ already has word for word ("data center") stays as it is.
        if (tokens.slice(i, j + 1).every((t) => words.has(t))) continue;
        const word = target(joined);
        // "handle an" is not "handles": a run must not be its first word with an ending added.
        const first = tokens[i] as string;
        if (word !== undefined && !(word.startsWith(first) && word.length - first.length <= 2)) found = { word, end: j + 1 };
      }
      if (found) {
        out.push(found.word);
        i = found.end;
        changed = true;
      } else out.push(tokens[i++] as string);
    }
    return changed ? out.join(' ') : undefined;
  };
}

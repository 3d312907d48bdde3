/**
 * Splitting a long reply into SMS bodies. Twilio takes at most 1,600 characters a body and at most
 * 10 <Message> verbs per reply, and cannot promise the order they arrive in: parts are numbered.
 */

/** Twilio's limit on one message body, in characters. */
export const SMS_MAX_CHARS = 1600;
/** Twilio's limit on <Message> verbs in one reply. */
export const SMS_MAX_MESSAGES = 10;

export interface SplitOptions {
  /** Most characters in one part, numbering included. Twilio's limit: 1,600. */
  readonly maxChars?: number;
  /** Most parts. Twilio's limit: 10 <Message> verbs answer one message. */
  readonly maxParts?: number;
  /** False: no " (1/3)" numbering, and each part as full as it can be (WhatsApp: no segments to balance). */
  readonly numbered?: boolean;
}

/** Ends the last part when a text needs more than `maxParts` parts. */
export const TRUNCATION_NOTICE = ' ... (too long for SMS, cut short)';

/** " (2/3)": appended to each part when there is more than one. */
export function numbering(part: number, of: number): string {
  return ` (${part}/${of})`;
}

/** A run of whitespace where a part may end (at `start`) and the next begin (at `end`). */
interface Break {
  readonly start: number;
  readonly end: number;
  /** 5 paragraph, 4 line, 3 sentence end, 2 after , ; or :, 1 between words. */
  readonly rank: number;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

const ABBREVIATIONS = new Set(['vs.', 'mr.', 'mrs.', 'ms.', 'dr.', 'no.', 'st.', 'approx.', 'incl.', 'cf.', 'ca.']);

/**
 * Split `text` into parts of at most `maxChars` characters (UTF-16 code units, which is never fewer
 * than Twilio counts), numbered " (1/3)" only when there is more than one part.
 *
 * Parts end only at whitespace, so no word or URL is broken (unless a single word is longer than a
 * part, which no FAQ answer has). Within a part's reach the split prefers a paragraph break, then a
 * line break, a sentence end (". ", "? ", "! "; a '.' inside "99.95%", "SP 800-61" or a URL is not
 * followed by a space, and "e.g." or "vs." do not count), a ", " and last a space between words.
 * It first finds how few parts are needed, then evens their lengths out: 1,700 characters become
 * two parts of about 850, not 1,594 + 106.
 *
 * Leading and trailing whitespace is dropped; empty text gives no parts. When the text would need
 * more than `maxParts` parts, the first `maxParts - 1` are kept and the last is cut at a break and
 * ends with TRUNCATION_NOTICE: nothing is dropped silently. Pure and deterministic.
 */
export function splitMessage(text: string, options: SplitOptions = {}): string[] {
  const { maxChars = SMS_MAX_CHARS, maxParts = SMS_MAX_MESSAGES } = options;
  const clean = text.trim();
  if (!clean) return [];
  if (clean.length <= maxChars) return [clean];
  const breaks = findBreaks(clean);
  if (maxParts <= 1) return [truncated(clean, breaks, 0, maxChars)];
  if (options.numbered === false) {
    const parts = cut(clean, breaks, maxChars);
    if (parts.length <= maxParts) return parts.map((p) => clean.slice(p.start, p.end));
    const kept = parts.slice(0, maxParts - 1).map((p) => clean.slice(p.start, p.end));
    return [...kept, truncated(clean, breaks, parts[maxParts - 1]?.start ?? 0, maxChars)];
  }

  const maxDigits = String(maxParts).length;
  for (let digits = 1; digits <= maxDigits; digits++) {
    const widest = 10 ** digits - 1;
    const budget = maxChars - numbering(widest, widest).length;
    if (budget - TRUNCATION_NOTICE.length < 10) throw new RangeError(`maxChars ${maxChars} is too small to split into numbered parts`);
    const greedy = cut(clean, breaks, budget);
    if (greedy.length > widest && digits < maxDigits) continue; // the numbering needs another digit
    let texts: string[];
    if (greedy.length <= maxParts) {
      const balanced = cut(clean, breaks, budget, greedy.length);
      texts = (balanced.length <= greedy.length ? balanced : greedy).map((s) => clean.slice(s.start, s.end));
    } else {
      const kept = greedy.slice(0, maxParts - 1).map((s) => clean.slice(s.start, s.end));
      const rest = greedy[maxParts - 1]?.start ?? 0;
      texts = [...kept, truncated(clean, breaks, rest, budget)];
    }
    return texts.map((t, i) => t + numbering(i + 1, texts.length));
  }
  throw new RangeError(`maxParts must be at least 1, got ${maxParts}`);
}

/** The text from `start`, cut at a break to fit `budget` with the truncation notice. */
function truncated(text: string, breaks: readonly Break[], start: number, budget: number): string {
  const first = cut(text, breaks, budget - TRUNCATION_NOTICE.length, undefined, start)[0];
  return text.slice(start, first?.end ?? start) + TRUNCATION_NOTICE;
}

/**
 * Spans of at most `budget` characters. Without `parts`, each part aims at the full budget; with it,
 * each aims at an even share of what is left. A part never ends before half its aim when a break
 * beyond that exists, so a paragraph break does not make a tiny part.
 */
function cut(text: string, breaks: readonly Break[], budget: number, parts?: number, from = 0): Span[] {
  const spans: Span[] = [];
  let pos = from;
  while (text.length - pos > budget) {
    const left = parts === undefined ? 1 : parts - spans.length;
    const aim = left > 1 ? Math.min(budget, Math.ceil((text.length - pos) / left)) : budget;
    const limit = pos + budget;
    const floor = pos + Math.floor(aim / 2);
    let best: Break | undefined;
    let last: Break | undefined;
    for (const br of breaks) {
      if (br.start <= pos) continue;
      if (br.start > limit) break;
      last = br;
      if (br.start < floor) continue;
      const nearer = best !== undefined && Math.abs(br.start - pos - aim) <= Math.abs(best.start - pos - aim);
      if (!best || br.rank > best.rank || (br.rank === best.rank && nearer)) best = br;
    }
    const chosen = best ?? last;
    if (chosen) {
      spans.push({ start: pos, end: chosen.start });
      pos = chosen.end;
    } else {
      // One word longer than a part: cut it, but never between the halves of a surrogate pair.
      const end = isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
      spans.push({ start: pos, end });
      pos = end;
    }
  }
  spans.push({ start: pos, end: text.length });
  return spans;
}

function findBreaks(text: string): Break[] {
  const breaks: Break[] = [];
  for (const m of text.matchAll(/\s+/g)) {
    const start = m.index;
    const end = start + m[0].length;
    if (start > 0 && end < text.length) breaks.push({ start, end, rank: rankOf(text, start, m[0]) });
  }
  return breaks;
}

function rankOf(text: string, start: number, space: string): number {
  const newlines = space.split('\n').length - 1;
  if (newlines >= 2) return 5;
  if (newlines === 1) return 4;
  const word = wordBefore(text, start).replace(/["')\]]+$/, '');
  const last = word.at(-1);
  if (last === '?' || last === '!') return 3;
  if (last === '.') return isAbbreviation(word) ? 1 : 3;
  if (last === ',' || last === ';' || last === ':') return 2;
  return 1;
}

function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && !/\s/.test(text.charAt(start - 1))) start--;
  return text.slice(start, end);
}

/** "e.g.", "i.e.", "J.", "vs.": a '.' that does not end a sentence. */
function isAbbreviation(word: string): boolean {
  const bare = word.replace(/^["'([]+/, '');
  return ABBREVIATIONS.has(bare.toLowerCase()) || /^(?:\p{L}\.)+$/u.test(bare);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

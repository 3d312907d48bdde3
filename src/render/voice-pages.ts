/**
 * Cutting a spoken answer into <Say> segments and pages. A segment is one or a few sentences (a
 * natural pause falls between two <Say> verbs); a page is what a caller hears before being asked
 * whether to go on, about 45 seconds of speech at most.
 */

/** Polly's limit on the text of one <Say>, SSML excluded (basic voices allow 4,096). */
export const SAY_MAX_CHARS = 3000;
/** Aim for segments of about this many characters: a sentence or a few. */
export const SEGMENT_CHARS = 320;
/** How fast a neural voice reads plain English, in characters a second (about 160 words a minute). */
export const CHARS_PER_SECOND = 15;
/** An answer longer than this is paged. */
export const PAGE_SECONDS = 45;
const PAGE_CHARS = PAGE_SECONDS * CHARS_PER_SECOND;
/** "About" 45 seconds: an answer of 48 seconds is not cut into 24 + 24. */
const PAGE_SLACK = 1.1;

/** Sentences of spoken text; a paragraph break always ends one. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .flatMap((paragraph) => paragraph.replace(/\s+/g, ' ').trim().split(/(?<=[.!?]["')]?)\s+(?=["'(]?[A-Z0-9])/))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Sentences grouped into segments of about SEGMENT_CHARS, none over SAY_MAX_CHARS. */
export function voiceSegments(text: string, maxChars = SAY_MAX_CHARS): string[] {
  const segments: string[] = [];
  let current = '';
  for (const sentence of sentencesOf(text).flatMap((s) => cutLong(s, maxChars))) {
    const joined = current ? `${current} ${sentence}` : sentence;
    if (current && joined.length > Math.min(SEGMENT_CHARS, maxChars)) {
      segments.push(current);
      current = sentence;
    } else {
      current = joined;
    }
  }
  if (current) segments.push(current);
  return segments;
}

/**
 * Segments grouped into pages of at most about PAGE_SECONDS (10% slack) each, evened out: 100 seconds make
 * two pages of about 50 seconds rather than 45 + 45 + 10. A single segment is never split.
 */
export function voicePages(segments: readonly string[], pageChars = PAGE_CHARS): string[][] {
  const total = segments.reduce((sum, s) => sum + s.length + 1, 0);
  const count = Math.max(1, Math.ceil(total / (pageChars * PAGE_SLACK)));
  const share = total / count;
  const pages: string[][] = Array.from({ length: count }, () => []);
  let offset = 0;
  for (const segment of segments) {
    const middle = offset + (segment.length + 1) / 2;
    pages[Math.min(count - 1, Math.floor(middle / share))]?.push(segment);
    offset += segment.length + 1;
  }
  return pages.filter((page) => page.length > 0);
}

/** A sentence over `maxChars` cut at a comma, or else between words (or, for one huge word, anywhere). */
function cutLong(sentence: string, maxChars: number): string[] {
  const parts: string[] = [];
  let rest = sentence;
  while (rest.length > maxChars) {
    const window = rest.slice(0, maxChars + 1);
    const comma = window.lastIndexOf(', ');
    const space = window.lastIndexOf(' ');
    const at = comma > maxChars / 2 ? comma + 1 : space > 0 ? space : maxChars;
    parts.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) parts.push(rest);
  return parts;
}

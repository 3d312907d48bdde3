import { toGsm7 } from './gsm.js';
import { figureWords, integerWords, yearWords } from './spoken-numbers.js';

/**
 * The spoken form of FAQ text, derived from the written answer (which stays canonical): links are
 * never spelled out character by character, acronyms are spelled as letters ("AWS" -> "A W S",
 * "DR" -> "D R", never "Doctor"), figures are words ("99.95%" -> "ninety-nine point nine five
 * percent"). Plain text, no SSML: any voice reads it. Pure and deterministic.
 */

export interface SpeakOptions {
  /** True when the caller can be texted the full answer: a long link becomes an offer to text it. */
  readonly texting: boolean;
}

/** All-capital words read as words, not letters. */
const AS_WORDS: Readonly<Record<string, string>> = { NIST: 'nist', COVID: 'covid', SIRT: 'sirt', SID: 'sid', NASA: 'nasa', SAAS: 'sass', GDPR: 'G D P R' };
/** Top-level and common host labels that are said as words even when short. */
const HOST_WORDS = new Set(['com', 'org', 'net', 'gov', 'edu', 'app', 'dev', 'www']);
const ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\be\.\s?g\.(?=\s|$|,)/gi, 'for example'],
  [/\bi\.\s?e\.(?=\s|$|,)/gi, 'that is'],
  [/\betc\b\.?/gi, 'et cetera'],
  [/\bvs\.(?=\s)/gi, 'versus'],
  [/\bapprox\.(?=\s)/gi, 'approximately'],
  [/\b24\s?\/\s?7\b/g, 'twenty-four seven'],
  [/\s&\s/g, ' and '],
];
const MONTHS = /(?:January|February|March|April|May|June|July|August|September|October|November|December|in|of|since|until|by)\s+$/;

/** The spoken form of `text`. */
export function speakable(text: string, options: SpeakOptions): string {
  const kept: string[] = [];
  const keep = (spoken: string): string => `\uE000${String.fromCharCode(0xe100 + kept.push(spoken) - 1)}`;
  let out = toGsm7(text);
  out = replaceLinks(out, options, keep);
  out = out.replace(/([a-z)])\.([A-Z][a-z])/g, '$1. $2'); // "States.SendGrid": a sentence end without its space
  for (const [pattern, spoken] of ABBREVIATIONS) out = out.replace(pattern, spoken);
  out = out.replace(/\b([A-Za-z]+)-(\d+)\b/g, '$1 $2'); // COVID-19 -> COVID 19
  out = out.replace(/\b([A-Z]{2,})-(?=[A-Z][a-z])/g, '$1 '); // US-East -> US East
  out = out.replace(/\b([A-Za-z][A-Za-z0-9]*)\s*\/\s*(?=[A-Za-z])/g, (_m, word: string, offset: number, whole: string) => {
    const next = /^[A-Za-z0-9]+/.exec(whole.slice(offset + _m.length))?.[0] ?? '';
    return isAcronym(word) && isAcronym(next) ? `${word} and ` : `${word} or `;
  });
  out = out.replace(/(\d[\d,]*(?:\.\d+)?)\s?%/g, (_m, n: string) => `${figureWords(n)} percent`);
  out = out.replace(/\b(\d+)-(\d+)\b/g, (_m, a: string, b: string) => `${figureWords(a)} dash ${figureWords(b)}`);
  out = out.replace(/\b[A-Z][A-Za-z]*[A-Z0-9][A-Za-z0-9]*\b/g, (word) => (isAcronym(word) || /^[A-Z]+s$/.test(word) ? spokenAcronym(word) : word));
  out = out.replace(/(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\w.]*\d)/g, (figure: string, whole: string, _f: unknown, offset: number, all: string) => {
    const n = Number(whole.replace(/,/g, ''));
    if (!figure.includes('.') && /^\d{4}$/.test(whole) && n >= 1900 && n < 2100 && MONTHS.test(all.slice(0, offset))) return yearWords(n);
    return figureWords(figure);
  });
  out = out.replace(/[*_|~^#<>{}[\]\\]/g, ' ');
  out = out.replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  return out.replace(/\uE000(.)/gu, (_m, key: string) => kept[key.charCodeAt(0) - 0xe100] ?? '');
}

/** True for a word written in capitals that is spelled or read as an acronym: AWS, EC2, S3, BCDR. */
function isAcronym(word: string): boolean {
  return /^[A-Z][A-Z0-9]+$/.test(word);
}

/** "AWS" -> "A W S", "EC2" -> "E C two", "IPs" -> "I P's", "NIST" -> "nist", a long capitalised word -> the word. */
function spokenAcronym(word: string): string {
  const plural = /^([A-Z]{2,})s$/.exec(word);
  if (plural?.[1]) return `${spokenAcronym(plural[1])}'s`;
  const known = AS_WORDS[word];
  if (known) return known;
  const lettersOnly = word.replace(/\d+/g, '');
  if (lettersOnly.length >= 6 && /[AEIOU]/.test(lettersOnly) && !/\d/.test(word)) return word.toLowerCase();
  return word
    .split(/(\d+)/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? integerWords(Number(part)) : part.split('').join(' ')))
    .join(' ');
}

/** URLs with a scheme or "www.", without the punctuation that ends the sentence around them. */
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?)'\]]/g;

interface SpokenLink {
  readonly words?: string;
  readonly host?: string;
}

/** Replace each link by its spoken form, or by a mention (a run of unspeakable links becomes one mention). */
function replaceLinks(text: string, options: SpeakOptions, keep: (spoken: string) => string): string {
  const matches = [...text.matchAll(LINK)];
  let out = '';
  let pos = 0;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (!m) continue;
    const link = spokenLink(m[0]);
    out += text.slice(pos, m.index);
    pos = m.index + m[0].length;
    if (link.words) {
      out += keep(link.words);
    } else {
      const run: SpokenLink[] = [link];
      for (let next = matches[i + 1]; next && /^\s*$/.test(text.slice(pos, next.index)); next = matches[i + 1]) {
        const nextLink = spokenLink(next[0]);
        if (nextLink.words) break;
        run.push(nextLink);
        pos = next.index + next[0].length;
        i++;
      }
      out += keep(mention(run, options));
    }
    const after = text.slice(pos);
    if (/^\s+(?:https?:\/\/|www\.)/i.test(after)) out += ', and';
    else if (/^\s+[A-Z]/.test(after)) out += '.';
  }
  return out + text.slice(pos);
}

/** "a link on twilio dot com that I can text to you". */
function mention(links: readonly SpokenLink[], options: SpeakOptions): string {
  const hosts = [...new Set(links.map((l) => l.host))];
  const host = hosts.length === 1 && hosts[0] ? ` on ${hosts[0]}` : '';
  const what = links.length === 1 ? `a link${host}` : `links${host}`;
  if (options.texting) return `${what} that I can text to you`;
  return `${what} too long to read out`;
}

/** A link that is short and made of words is spoken; any other gets only its host, if that is speakable. */
function spokenLink(raw: string): SpokenLink {
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    return {};
  }
  const labels = url.hostname.toLowerCase().replace(/^www\./, '').split('.');
  const hostOk = labels.length >= 2 && labels.length <= 3 && labels.every((l) => /^[a-z]{1,15}$/.test(l));
  const host = hostOk ? labels.map(spokenPart).join(' dot ') : undefined;
  const path = url.pathname.split('/').filter(Boolean);
  const shortPath = path.length <= 2 && path.every((p) => /^[a-z]{1,12}$/i.test(p)) && !url.search && !url.hash;
  const length = labels.join('.').length + path.join('/').length;
  if (host && shortPath && length <= 40) return { words: [host, ...path.map(spokenPart)].join(' slash ') };
  return host ? { host } : {};
}

/** A host label or path segment: short ones are spelled ("aws" -> "A W S", "tos" -> "T O S"). */
function spokenPart(part: string): string {
  const lower = part.toLowerCase();
  if (lower.length <= 3 && !HOST_WORDS.has(lower)) return lower.toUpperCase().split('').join(' ');
  return lower;
}

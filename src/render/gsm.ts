/**
 * The GSM-7 alphabet (3GPP TS 23.038, formerly GSM 03.38) and a normaliser into it.
 * One character outside GSM-7 turns a whole SMS into UCS-2: 70 characters a segment instead of 160.
 */

/** The basic table, without ESC (0x1B). Position 0x09 is the capital C-cedilla, as Twilio maps it. */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table: each costs two septets (ESC + code). Form feed is a page break. */
const EXTENSION = '\f^{}\\[~]|€';

const GSM = new Set([...BASIC, ...EXTENSION]);

/** Replacements that change no meaning: typographic punctuation and odd spaces. */
const REPLACE: ReadonlyArray<readonly [RegExp, string]> = [
  [/\r\n?|[\u2028\u2029\u0085]/g, '\n'], // line ends, line and paragraph separators
  [/[\u2018\u2019\u201A\u201B\u2032\u02BC\uFF07]/g, "'"], // curly single quotes, prime, modifier apostrophe
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\uFF02]/g, '"'], // curly double quotes, double prime, guillemets
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-'], // hyphens, en/em dashes, minus
  [/[\u2022\u2023\u2043\u2219\u25CB\u25CF\u25E6]/g, '-'], // bullets
  [/\u2026/g, '...'], // ellipsis
  [/[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' '], // tab, non-breaking and other spaces
  [/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, ''], // soft hyphen, zero-width characters, BOM
  // Other C0 controls (and DEL) mean nothing in an SMS, and XML 1.0 cannot carry most of them.
  // eslint-disable-next-line no-control-regex
  [/[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F]/g, ''],
];

/**
 * Normalise text towards GSM-7 where that changes no meaning: composes accents (NFC), straightens
 * quotes, turns dashes and bullets into '-', the ellipsis into '...', unusual spaces into a space,
 * CRLF into LF, and drops invisible characters. Anything else (emoji, ©, ç, ...) is left alone:
 * `nonGsmCharacters` finds it, and the FAQ lint reports it.
 */
export function toGsm7(text: string): string {
  let out = text.normalize('NFC');
  for (const [pattern, replacement] of REPLACE) out = out.replace(pattern, replacement);
  return out;
}

/** True when every character is in the GSM-7 basic or extension table. */
export function isGsm7(text: string): boolean {
  for (const ch of text) if (!GSM.has(ch)) return false;
  return true;
}

/** The distinct characters outside GSM-7, in order of first appearance. */
export function nonGsmCharacters(text: string): string[] {
  const found = new Set<string>();
  for (const ch of text) if (!GSM.has(ch)) found.add(ch);
  return [...found];
}

/** Carrier keywords: Twilio acts on them itself; the line must not text back. */
const OPT_OUT = new Set(['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit', 'revoke', 'optout']);
const OPT_IN = new Set(['start', 'yes', 'unstop']);
const HELP = new Set(['help', 'info', 'menu', 'topics', '?']);

export type Keyword = 'opt-out' | 'opt-in' | 'help';

/** The keyword a whole message is, if any (case, spaces and a final full stop or "!" ignored). */
export function keywordOf(text: string): Keyword | undefined {
  const word = text.trim().toLowerCase().replace(/(?<=\w)[.!]+$/, '');
  if (OPT_OUT.has(word)) return 'opt-out';
  if (OPT_IN.has(word)) return 'opt-in';
  if (HELP.has(word)) return 'help';
  return undefined;
}

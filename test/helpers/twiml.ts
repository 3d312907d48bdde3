import { decodeXML } from 'entities';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
/** Text with no markup and only well-formed entity references. */
const TEXT = String.raw`(?:[^<>&]|&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)*`;
const MESSAGE = new RegExp(String.raw`<Message(?: [^<>]*)?>(${TEXT})</Message>`, 'g');
const DOCUMENT = new RegExp(String.raw`^<Response/>$|^<Response>(?:<Message(?: [^<>]*)?>${TEXT}</Message>)+</Response>$`);

/**
 * Check an SMS TwiML document strictly (declaration, one <Response> of <Message> verbs, text
 * escaped) and return the messages' text, unescaped. Throws on anything else.
 */
export function smsMessages(twiml: string): string[] {
  if (!twiml.startsWith(DECLARATION)) throw new Error(`TwiML must start with the XML declaration: ${twiml.slice(0, 80)}`);
  const body = twiml.slice(DECLARATION.length).trim();
  if (!DOCUMENT.test(body)) throw new Error(`not a valid SMS TwiML document: ${body.slice(0, 200)}`);
  return [...body.matchAll(MESSAGE)].map((m) => decodeXML(m[1] ?? ''));
}

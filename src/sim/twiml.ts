import { LineError } from '../errors.js';
import type { HttpMethod } from './webhook.js';
import { attr, childrenOf, elements, parseXml, spoken, tagOf, textOf, type XmlNode } from './xml.js';

/** TwiML verbs as the simulator executes them, attributes parsed and defaults applied. */
export interface Say {
  readonly verb: 'Say';
  /** What the caller hears: the text, with SSML reduced to its spoken words. */
  readonly text: string;
  /** Times it is said; 0 means "until the call ends" (Twilio stops at 1000). */
  readonly loop: number;
  readonly voice?: string;
  readonly language?: string;
}

export interface Play {
  readonly verb: 'Play';
  /** The audio URL, or empty when the verb plays DTMF `digits` instead. */
  readonly url: string;
  readonly loop: number;
  readonly digits?: string;
}

export interface Pause {
  readonly verb: 'Pause';
  readonly seconds: number;
}

/** What <Gather> may nest. */
export type Prompt = Say | Play | Pause;

export interface Gather {
  readonly verb: 'Gather';
  readonly speech: boolean;
  readonly dtmf: boolean;
  /** As written (relative or absolute); undefined means the current document's URL. */
  readonly action?: string;
  readonly method: HttpMethod;
  /** Seconds of silence before Twilio gives up listening. */
  readonly timeout: number;
  readonly speechTimeout?: string;
  /** Stop after this many keys; undefined means no limit. */
  readonly numDigits?: number;
  /** The key that ends keypad input ('' = none). */
  readonly finishOnKey: string;
  readonly actionOnEmptyResult: boolean;
  readonly language: string;
  readonly hints?: string;
  readonly prompts: readonly Prompt[];
}

export interface Redirect {
  readonly verb: 'Redirect';
  readonly url: string;
  readonly method: HttpMethod;
}

export interface Hangup {
  readonly verb: 'Hangup';
}

export interface Reject {
  readonly verb: 'Reject';
  readonly reason: 'rejected' | 'busy';
}

/**
 * <Dial> to a number: the simulator cannot place the call, so it reports it and goes on as Twilio does
 * when no one answers (to `action` with DialCallStatus=no-answer, or to the next verb).
 */
export interface Dial {
  readonly verb: 'Dial';
  readonly number: string;
  readonly action?: string;
  readonly method: HttpMethod;
}

/** A voice verb Twilio knows and the simulator does not perform (Record, Enqueue, ...). */
export interface Unsupported {
  readonly verb: 'Unsupported';
  readonly name: string;
}

export type VoiceVerb = Say | Play | Pause | Gather | Redirect | Hangup | Reject | Dial | Unsupported;

export interface Message {
  readonly verb: 'Message';
  readonly body: string;
  readonly media: readonly string[];
}

export type MessagingVerb = Message | Redirect;

/** Voice verbs Twilio performs that a terminal cannot: reported, then skipped. */
const UNSUPPORTED_VOICE = new Set(['Dial', 'Record', 'Enqueue', 'Leave', 'Connect', 'Refer', 'Pay', 'Prompt', 'Start', 'Stop', 'Stream', 'Siprec', 'Echo', 'Queue']);

/** Parse a voice TwiML document. Throws LineError('NOT_TWIML') for anything Twilio would reject. */
export function parseVoiceTwiml(xml: string): VoiceVerb[] {
  return responseChildren(xml).map(voiceVerb);
}

/** Parse a messaging TwiML document (the answer to an inbound SMS). */
export function parseMessagingTwiml(xml: string): MessagingVerb[] {
  return responseChildren(xml).map(messagingVerb);
}

function voiceVerb(node: XmlNode): VoiceVerb {
  const name = tagOf(node);
  switch (name) {
    case 'Say':
    case 'Play':
    case 'Pause':
      return prompt(node);
    case 'Gather':
      return gather(node);
    case 'Redirect':
      return redirect(node);
    case 'Hangup':
      return { verb: 'Hangup' };
    case 'Dial': {
      // a plain number as its text; <Number>, <Client>, <Sip> ... nested are not simulated
      const number = textOf(node).trim();
      if (!number) return { verb: 'Unsupported', name: 'Dial' };
      const action = attr(node, 'action');
      return { verb: 'Dial', number, method: method(node), ...(action ? { action } : {}) };
    }
    case 'Reject': {
      const reason = attr(node, 'reason') ?? 'rejected';
      if (reason !== 'rejected' && reason !== 'busy') throw invalid(`<Reject reason="${reason}">: reason must be rejected or busy`);
      return { verb: 'Reject', reason };
    }
    case 'Message':
    case 'Sms':
      throw invalid(
        `<${name}> is not a voice verb`,
        'a call cannot answer with <Message> (and <Sms> is deprecated): send a text during a call with the REST API (client.messages.create).',
      );
    default:
      if (UNSUPPORTED_VOICE.has(name)) return { verb: 'Unsupported', name };
      throw invalid(`<${name}> is not a TwiML voice verb`);
  }
}

function messagingVerb(node: XmlNode): MessagingVerb {
  const name = tagOf(node);
  if (name === 'Redirect') return redirect(node);
  if (name !== 'Message') throw invalid(`<${name}> is not a TwiML messaging verb (an SMS is answered with <Message>)`);
  const children = childrenOf(node).filter((c) => !('#text' in c));
  const body = children.find((c) => tagOf(c) === 'Body');
  const media = children.filter((c) => tagOf(c) === 'Media').map((c) => textOf(c).trim());
  const other = children.find((c) => !['Body', 'Media'].includes(tagOf(c)));
  if (other) throw invalid(`<Message> may hold text, <Body> and <Media>, not <${tagOf(other)}>`);
  return { verb: 'Message', body: body ? textOf(body) : textOf(node), media };
}

function prompt(node: XmlNode): Prompt {
  const name = tagOf(node);
  if (name === 'Say') {
    const voice = attr(node, 'voice');
    const language = attr(node, 'language');
    return {
      verb: 'Say',
      text: spoken(childrenOf(node)),
      loop: count(node, 'loop', 1, 0),
      ...(voice ? { voice } : {}),
      ...(language ? { language } : {}),
    };
  }
  if (name === 'Play') {
    const digits = attr(node, 'digits');
    if (digits !== undefined && !/^[0-9*#wW]+$/.test(digits)) throw invalid(`<Play digits="${digits}">: digits may be 0-9, *, # and w`);
    return { verb: 'Play', url: textOf(node).trim(), loop: count(node, 'loop', 1, 0), ...(digits ? { digits } : {}) };
  }
  if (name === 'Pause') return { verb: 'Pause', seconds: count(node, 'length', 1, 1) };
  throw invalid(`<Gather> may only nest <Say>, <Play> and <Pause>, not <${name}>`);
}

function gather(node: XmlNode): Gather {
  const input = (attr(node, 'input') ?? 'dtmf').split(/\s+/).filter(Boolean);
  const unknown = input.find((i) => i !== 'speech' && i !== 'dtmf');
  if (unknown !== undefined || input.length === 0) throw invalid(`<Gather input="${attr(node, 'input') ?? ''}">: input is dtmf, speech, or "dtmf speech"`);
  const finishOnKey = attr(node, 'finishOnKey') ?? '#';
  if (!/^[0-9*#]?$/.test(finishOnKey)) throw invalid(`<Gather finishOnKey="${finishOnKey}">: one of 0-9, * and #, or empty`);
  const actionOnEmpty = attr(node, 'actionOnEmptyResult') ?? 'false';
  if (actionOnEmpty !== 'true' && actionOnEmpty !== 'false') throw invalid(`<Gather actionOnEmptyResult="${actionOnEmpty}">: true or false (Twilio error 13338)`);
  const action = attr(node, 'action');
  const speechTimeout = attr(node, 'speechTimeout');
  const numDigits = attr(node, 'numDigits') === undefined ? undefined : count(node, 'numDigits', 1, 1);
  const hints = attr(node, 'hints');
  return {
    verb: 'Gather',
    speech: input.includes('speech'),
    dtmf: input.includes('dtmf'),
    ...(action !== undefined ? { action } : {}),
    method: method(node),
    timeout: count(node, 'timeout', 5, 1),
    ...(speechTimeout !== undefined ? { speechTimeout } : {}),
    ...(numDigits !== undefined ? { numDigits } : {}),
    finishOnKey,
    actionOnEmptyResult: actionOnEmpty === 'true',
    language: attr(node, 'language') ?? 'en-US',
    ...(hints !== undefined ? { hints } : {}),
    prompts: elements(childrenOf(node), invalid, 'Gather').map(prompt),
  };
}

function redirect(node: XmlNode): Redirect {
  const url = textOf(node).trim();
  if (!url) throw invalid('<Redirect> needs a URL as its text');
  return { verb: 'Redirect', url, method: method(node) };
}

function method(node: XmlNode): HttpMethod {
  const value = (attr(node, 'method') ?? 'POST').toUpperCase();
  if (value !== 'GET' && value !== 'POST') throw invalid(`<${tagOf(node)} method="${value}">: GET or POST`);
  return value;
}

/** A whole-number attribute at least `min`, or `fallback` when absent. */
function count(node: XmlNode, name: string, fallback: number, min: number): number {
  const value = attr(node, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min) throw invalid(`<${tagOf(node)} ${name}="${value}">: a whole number of at least ${min}`);
  return n;
}

/** The verbs inside the document's one <Response>. */
function responseChildren(xml: string): XmlNode[] {
  const roots = elements(parseXml(xml, invalid), invalid);
  const root = roots[0];
  if (roots.length !== 1 || root === undefined || tagOf(root) !== 'Response') {
    throw invalid(`the root element must be <Response>, got ${roots.map((r) => `<${tagOf(r)}>`).join(', ') || 'nothing'}`);
  }
  return elements(childrenOf(root), invalid, 'Response');
}

function invalid(message: string, hint?: string): LineError {
  return new LineError('NOT_TWIML', `invalid TwiML: ${message}`, hint);
}

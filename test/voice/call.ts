import type { Express } from 'express';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import { signedPost } from '../helpers/sign.js';

/** A TwiML verb as parsed: its name, attributes and children (text or nested verbs). */
export interface Verb {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly text: string;
  readonly children: readonly Verb[];
}

const VERBS = new Set(['Say', 'Pause', 'Gather', 'Redirect', 'Hangup', 'Dial']);
const IN_GATHER = new Set(['Say', 'Pause']);
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, trimValues: true });

type Node = Record<string, unknown>;

/**
 * Parse a voice TwiML document strictly: the XML declaration, one <Response> of the verbs this
 * line uses, only <Say> and <Pause> inside <Gather>, every <Say> non-empty and within Polly's
 * 3,000 characters, no link spelled out, Gather attributes as TWILIO-NOTES requires. Throws otherwise.
 */
export function parseVoiceTwiml(twiml: string): Verb[] {
  expect(twiml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  expect(XMLValidator.validate(twiml)).toBe(true);
  const nodes = parser.parse(twiml) as Node[];
  const response = nodes.find((n) => 'Response' in n);
  if (!response) throw new Error(`no <Response>: ${twiml.slice(0, 200)}`);
  const verbs = toVerbs(response.Response as Node[]);
  for (const verb of verbs) {
    if (!VERBS.has(verb.name)) throw new Error(`unexpected verb <${verb.name}>`);
    if (verb.name === 'Gather') {
      for (const child of verb.children) if (!IN_GATHER.has(child.name)) throw new Error(`<${child.name}> inside <Gather>`);
      checkGather(verb);
    }
  }
  for (const say of allSays(verbs)) {
    expect(say.length).toBeGreaterThan(0);
    expect(say.length).toBeLessThanOrEqual(3000);
    expect(say).not.toMatch(/https?:|:\/\/|www\.|\.com\b|\/\//i);
  }
  return verbs;
}

function toVerbs(nodes: Node[]): Verb[] {
  return nodes
    .filter((n) => !('#text' in n))
    .map((n) => {
      const name = Object.keys(n).find((k) => k !== ':@') ?? '';
      const inner = (n[name] as Node[] | undefined) ?? [];
      const text = inner.filter((c) => '#text' in c).map((c) => String(c['#text'])).join('');
      return { name, attrs: (n[':@'] as Record<string, string> | undefined) ?? {}, text, children: toVerbs(inner) };
    });
}

function checkGather(gather: Verb): void {
  expect(gather.attrs.input).toBe('speech dtmf');
  expect(gather.attrs.speechTimeout).toBe('auto');
  expect(gather.attrs.speechModel).toBeUndefined();
  expect(gather.attrs.action).toMatch(/^\/voice\/turn\?/);
  const hints = (gather.attrs.hints ?? '').split(',').map((h) => h.trim());
  expect(hints.length).toBeGreaterThan(0);
  expect(hints.length).toBeLessThanOrEqual(500);
  for (const hint of hints) expect(hint.length).toBeLessThanOrEqual(100);
}

/** The text of every <Say>, in order, those inside <Gather> included. */
export function allSays(verbs: readonly Verb[]): string[] {
  return verbs.flatMap((v) => (v.name === 'Say' ? [v.text] : v.name === 'Gather' ? allSays(v.children) : []));
}

export interface CallOptions {
  /** The auth token the app checks signatures with. */
  readonly token: string;
  /** The public base URL Twilio calls. */
  readonly base?: string;
  readonly from?: string;
  readonly to?: string;
  /** Requests one call may make before the test fails: no call may loop forever. */
  readonly maxRequests?: number;
}

/** What the caller heard since their last input, and whether the line hung up. */
export interface Heard {
  readonly says: readonly string[];
  readonly text: string;
  readonly ended: boolean;
  /** The last TwiML document received. */
  readonly twiml: string;
}

/**
 * A phone call played the way Twilio plays TwiML: <Say>s are heard, a <Gather> waits for the
 * caller's input (then posts to its action) or, on silence, execution goes on to the next verb;
 * <Redirect> posts to its URL; <Hangup/> ends the call. Every request is signed.
 */
export class SimulatedCall {
  private verbs: Verb[] = [];
  private at = 0;
  private url = '';
  private twiml = '';
  requests = 0;
  ended = false;
  /** The <Dial> that put the call through to a person: its number and action URL. */
  dialed: { number: string; action: string } | undefined;
  /** Every request the call made: path and fields. */
  readonly posts: Array<{ path: string; fields: Record<string, string> }> = [];

  private constructor(
    private readonly app: Express,
    private readonly options: CallOptions,
  ) {}

  static async dial(app: Express, options: CallOptions): Promise<[SimulatedCall, Heard]> {
    const call = new SimulatedCall(app, options);
    return [call, await call.post('/voice', {})];
  }

  /** Speak (the recogniser's transcript and confidence). */
  say(speech: string, confidence = '0.92'): Promise<Heard> {
    return this.answerGather({ SpeechResult: speech, Confidence: confidence });
  }

  /** Press keys. */
  press(digits: string): Promise<Heard> {
    return this.answerGather({ Digits: digits });
  }

  /** Say nothing: the Gather times out and the document goes on. */
  async silence(): Promise<Heard> {
    this.pendingGather();
    this.at++;
    return this.run([]);
  }

  /** The action URL of the <Gather> waiting for input. */
  get action(): string {
    return this.pendingGather().attrs.action ?? '';
  }

  private pendingGather(): Verb {
    const gather = this.verbs[this.at];
    if (this.ended || gather?.name !== 'Gather') throw new Error('the call is not waiting for input');
    return gather;
  }

  private answerGather(fields: Record<string, string>): Promise<Heard> {
    return this.post(this.action, fields);
  }

  private async post(path: string, fields: Record<string, string>): Promise<Heard> {
    this.requests++;
    if (this.requests > (this.options.maxRequests ?? 60)) throw new Error(`the call made more than ${this.options.maxRequests ?? 60} requests`);
    const base = this.options.base ?? 'http://line.example';
    const target = new URL(path, this.url || `${base}/voice`);
    const params = { CallSid: 'CA0123456789abcdef0123456789abcdef', AccountSid: 'AC0123456789abcdef0123456789abcdef', From: this.options.from ?? '+14155551567', To: this.options.to ?? '+18005551212', CallStatus: 'in-progress', Direction: 'inbound', ApiVersion: '2010-04-01', ...fields };
    this.posts.push({ path: target.pathname + target.search, fields: params });
    const res = await signedPost(this.app, target.pathname + target.search, params, { token: this.options.token, url: target.href });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    this.url = target.href;
    this.twiml = res.text;
    this.verbs = parseVoiceTwiml(res.text);
    this.at = 0;
    return this.run([]);
  }

  /** Play verbs from the current one until a Gather waits, the call ends, or a Redirect is followed. */
  private async run(heard: string[]): Promise<Heard> {
    for (; this.at < this.verbs.length; this.at++) {
      const verb = this.verbs[this.at]!;
      if (verb.name === 'Say') heard.push(verb.text);
      if (verb.name === 'Gather') {
        heard.push(...allSays(verb.children));
        return this.heard(heard);
      }
      if (verb.name === 'Hangup') {
        this.ended = true;
        return this.heard(heard);
      }
      if (verb.name === 'Dial') {
        // the call leaves the FAQ line: Twilio posts to the action when the person's call ends
        this.dialed = { number: verb.text, action: verb.attrs.action ?? '' };
        this.ended = true;
        return this.heard(heard);
      }
      if (verb.name === 'Redirect') {
        const next = await this.post(verb.text, {});
        return { ...next, says: [...heard, ...next.says], text: [...heard, ...next.says].join(' ') };
      }
    }
    throw new Error(`the document ran out without <Hangup/> or <Gather>: ${this.twiml}`);
  }

  private heard(says: string[]): Heard {
    return { says, text: says.join(' '), ended: this.ended, twiml: this.twiml };
  }
}

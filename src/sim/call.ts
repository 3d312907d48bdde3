import type { Fields } from './fields.js';
import type { Gather, Prompt, VoiceVerb } from './twiml.js';
import type { HttpMethod } from './webhook.js';

/** What the caller does when the line listens. */
export type CallerInput =
  | { readonly kind: 'speech'; readonly text: string }
  | { readonly kind: 'digits'; readonly keys: string }
  | { readonly kind: 'silence' }
  | { readonly kind: 'hangup' };

/** What happens on the call while one document runs, in order. */
export type CallEvent =
  | { readonly kind: 'say'; readonly text: string; readonly loop: number; readonly voice?: string; readonly language?: string }
  | { readonly kind: 'play'; readonly url: string; readonly loop: number; readonly digits?: string }
  | { readonly kind: 'pause'; readonly seconds: number }
  /** The line listens; the generator expects the caller's input back from `next()`. */
  | { readonly kind: 'listen'; readonly gather: Gather }
  /** Nothing usable was heard; Twilio goes on to the next verb. */
  | { readonly kind: 'no-input'; readonly gather: Gather }
  /** <Dial>: the line puts the call through to a number (not placed by the simulator: no one answers). */
  | { readonly kind: 'dial'; readonly number: string }
  | { readonly kind: 'unsupported'; readonly name: string };

/** How a document ends: a request for the next one, or the end of the call. */
export type DocumentEnd =
  | {
      readonly kind: 'request';
      readonly url: string;
      readonly method: HttpMethod;
      /** Gather results (SpeechResult and Confidence, or Digits); empty after a Redirect or an empty result. */
      readonly fields: Fields;
      readonly cause: 'gather' | 'redirect' | 'dial';
    }
  | { readonly kind: 'end'; readonly reason: 'hangup' | 'rejected' | 'busy' | 'end-of-document' | 'caller-hung-up' };

/** The Confidence the simulator reports for typed speech: a clear recognition. */
export const SPEECH_CONFIDENCE = '0.9';

/**
 * Run one voice TwiML document as Twilio does, without I/O: yields what the caller hears and,
 * at each <Gather>, a `listen` event answered with `next(input)`; returns how the document ends.
 * `documentUrl` is the URL the document was fetched from: relative URLs resolve against it, and a
 * <Gather> without `action` posts back to it.
 */
export function* runDocument(verbs: readonly VoiceVerb[], documentUrl: string): Generator<CallEvent, DocumentEnd, CallerInput | undefined> {
  for (const verb of verbs) {
    switch (verb.verb) {
      case 'Say':
      case 'Play':
      case 'Pause':
        yield promptEvent(verb);
        break;
      case 'Gather': {
        for (const prompt of verb.prompts) yield promptEvent(prompt);
        const input = (yield { kind: 'listen', gather: verb }) ?? { kind: 'silence' };
        if (input.kind === 'hangup') return { kind: 'end', reason: 'caller-hung-up' };
        const result = gatherResult(verb, input);
        if (result !== undefined || verb.actionOnEmptyResult) {
          return { kind: 'request', url: resolveUrl(verb.action ?? documentUrl, documentUrl), method: verb.method, fields: result ?? {}, cause: 'gather' };
        }
        yield { kind: 'no-input', gather: verb };
        break;
      }
      case 'Redirect':
        return { kind: 'request', url: resolveUrl(verb.url, documentUrl), method: verb.method, fields: {}, cause: 'redirect' };
      case 'Hangup':
        return { kind: 'end', reason: 'hangup' };
      case 'Reject':
        return { kind: 'end', reason: verb.reason };
      case 'Dial':
        yield { kind: 'dial', number: verb.number };
        if (verb.action) return { kind: 'request', url: resolveUrl(verb.action, documentUrl), method: verb.method, fields: { DialCallStatus: 'no-answer', DialCallDuration: '0' }, cause: 'dial' };
        break;
      case 'Unsupported':
        yield { kind: 'unsupported', name: verb.name };
        break;
    }
  }
  return { kind: 'end', reason: 'end-of-document' };
}

/**
 * The fields a <Gather> sends for the caller's input, or undefined when it heard nothing it
 * accepts: speech when `input` includes speech; keys when it includes dtmf, stopping at
 * `finishOnKey` (not sent) or after `numDigits` keys.
 */
export function gatherResult(gather: Gather, input: CallerInput): Fields | undefined {
  if (input.kind === 'speech') {
    const text = input.text.trim();
    return gather.speech && text ? { SpeechResult: text, Confidence: SPEECH_CONFIDENCE } : undefined;
  }
  if (input.kind !== 'digits' || !gather.dtmf) return undefined;
  let digits = '';
  for (const key of input.keys) {
    if (gather.finishOnKey !== '' && key === gather.finishOnKey) break;
    if (!/[0-9*#]/.test(key)) continue;
    digits += key;
    if (gather.numDigits !== undefined && digits.length >= gather.numDigits) break;
  }
  return digits ? { Digits: digits } : undefined;
}

/**
 * What a typed line means at a <Gather>: empty is silence, "hangup" hangs up, "press 12#" keys,
 * "say ..." speech; otherwise keys if it is only 0-9 * # and the Gather takes keys, else speech.
 */
export function callerInput(line: string, gather: Gather): CallerInput {
  const text = line.trim();
  const lower = text.toLowerCase();
  if (text === '' || lower === 'silence' || lower === '(silence)') return { kind: 'silence' };
  if (lower === 'hangup' || lower === 'hang up' || lower === '(hangup)') return { kind: 'hangup' };
  const press = /^press\s+(.*)$/i.exec(text);
  if (press) return { kind: 'digits', keys: (press[1] ?? '').replace(/\s+/g, '') };
  const say = /^say\s+(.*)$/i.exec(text);
  if (say) return { kind: 'speech', text: say[1] ?? '' };
  if (/^[0-9*#]+$/.test(text) && gather.dtmf) return { kind: 'digits', keys: text };
  return { kind: 'speech', text };
}

/** `url` resolved against the document it appears in, as Twilio resolves relative action URLs. */
export function resolveUrl(url: string, documentUrl: string): string {
  return new URL(url, documentUrl).href;
}

function promptEvent(prompt: Prompt): CallEvent {
  switch (prompt.verb) {
    case 'Say':
      return {
        kind: 'say',
        text: prompt.text,
        loop: prompt.loop,
        ...(prompt.voice ? { voice: prompt.voice } : {}),
        ...(prompt.language ? { language: prompt.language } : {}),
      };
    case 'Play':
      return { kind: 'play', url: prompt.url, loop: prompt.loop, ...(prompt.digits ? { digits: prompt.digits } : {}) };
    case 'Pause':
      return { kind: 'pause', seconds: prompt.seconds };
  }
}

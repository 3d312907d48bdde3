import VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';
import type { CallDecision } from '../dialog/call-reply.js';
import type { CallState } from '../dialog/call-state.js';
import { SAY_MAX_CHARS, voiceSegments } from './voice-pages.js';
import { spokenReply, WORDS, type Spoken, type WordsView } from './voice-words.js';

/** How the line speaks and listens, from the configuration. */
export interface VoiceSettings {
  /** <Say voice>: "Polly.Joanna-Neural", "alice", ... */
  readonly voice: string;
  /** <Say language> and <Gather language>: "en-US". */
  readonly language: string;
}

export interface CallView extends WordsView {
  readonly settings: VoiceSettings;
  /** The URL of the next turn, carrying `state`; relative to the current one is fine. */
  readonly action: (state: CallState) => string;
}

/** A rendered voice turn: the TwiML, the text of its <Say> verbs in order, and whether it hangs up. */
export interface VoiceTwiml {
  readonly twiml: string;
  readonly says: readonly string[];
  readonly hangup: boolean;
}

/**
 * The TwiML of one voice turn. A turn that goes on speaks its lead, then listens with
 * <Gather input="speech dtmf" speechTimeout="auto"> around its note and prompt (no speechModel:
 * Twilio rejects it with "auto"), then, if nothing was heard, <Redirect>s to the same action URL,
 * which the next turn reads as silence. A turn that ends says goodbye and <Hangup/>s. No <Say>
 * is longer than SAY_MAX_CHARS. The builder escapes &, < and >. Renders afresh on every call: a
 * line keeps its renderings in `createCallRenderer`.
 */
export function renderCallTwiml(decision: CallDecision, view: CallView): VoiceTwiml {
  const { words, ends, action } = plan(decision, view);
  return build(words, ends, action, view);
}

const MAX_RENDERED = 2_000;

/**
 * One line's voice turns, rendered once by what they say and where they go next: a call's turns are
 * made of the voice book's fixed sentences and a few dozen action URLs, so most turns were rendered
 * before. The builder then runs once per distinct turn instead of on every request. The line owns
 * the renderer: two lines share nothing.
 */
export function createCallRenderer(): (decision: CallDecision, view: CallView) => VoiceTwiml {
  const rendered = new Map<string, VoiceTwiml>();
  return (decision, view) => {
    const { words, ends, action } = plan(decision, view);
    const key = JSON.stringify([view.settings.voice, view.settings.language, words.hangup, ends, action, words.lead, words.note, words.prompt, words.noteSay, words.dial]);
    let twiml = rendered.get(key);
    if (!twiml) {
      twiml = build(words, ends, action, view);
      if (rendered.size >= MAX_RENDERED) rendered.clear();
      rendered.set(key, twiml);
    }
    return twiml;
  };
}

function plan(decision: CallDecision, view: CallView): { words: Spoken; ends: boolean; action: string } {
  const { reply, next, last } = decision;
  const words = spokenReply(reply, next, view);
  const ends = words.hangup || last;
  return { words, ends, action: ends ? '' : view.action(next) };
}

function build(words: Spoken, ends: boolean, action: string, view: CallView): VoiceTwiml {
  const response = new VoiceResponse();
  const says: string[] = [];
  const sayOn = (target: { say: VoiceResponse['say'] }, text: string, settings: VoiceSettings = view.settings): void => {
    for (const part of text.length > SAY_MAX_CHARS ? voiceSegments(text) : [text]) {
      target.say(sayAttributes(settings), part);
      says.push(part);
    }
  };
  const noteSettings = { ...view.settings, ...words.noteSay };
  for (const text of words.lead) sayOn(response, text);
  if (ends) {
    for (const text of words.note) sayOn(response, text, noteSettings);
    if (words.dial) {
      // Twilio posts to the action when the person's call ends, or was never answered (DialCallStatus)
      response.dial({ action: words.dial.action, method: 'POST', timeout: 20 }, words.dial.number);
      return { twiml: response.toString(), says, hangup: true };
    }
    if (!words.hangup) sayOn(response, WORDS.limitGoodbye);
    response.hangup();
    return { twiml: response.toString(), says, hangup: true };
  }
  if (words.lead.length) response.pause({ length: 1 });
  const gather = response.gather({
    input: ['speech', 'dtmf'],
    action,
    method: 'POST',
    speechTimeout: 'auto',
    language: view.settings.language as VoiceResponse.GatherAttributes['language'],
    hints: view.book.hints,
    numDigits: 1,
  });
  for (const text of words.note) sayOn(gather, text, noteSettings);
  for (const text of words.prompt) sayOn(gather, text);
  response.redirect({ method: 'POST' }, action);
  return { twiml: response.toString(), says, hangup: false };
}

/** After <Dial> to a person: nothing when they talked (the call ends), else a short apology and goodbye. */
export function renderHandoffEnd(answered: boolean, settings: VoiceSettings): string {
  const response = new VoiceResponse();
  if (!answered) response.say(sayAttributes(settings), WORDS.handoffUnanswered);
  response.hangup();
  return response.toString();
}

/** What a caller hears when the line fails unexpectedly: a short apology, then the call ends. */
export function renderVoiceError(settings: VoiceSettings): string {
  const response = new VoiceResponse();
  response.say(sayAttributes(settings), 'Sorry, something went wrong on our side. Please call again in a few minutes. Goodbye.');
  response.hangup();
  return response.toString();
}

function sayAttributes(settings: VoiceSettings): VoiceResponse.SayAttributes {
  return { voice: settings.voice as VoiceResponse.SayAttributes['voice'], language: settings.language as VoiceResponse.SayAttributes['language'] };
}

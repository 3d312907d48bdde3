import { describe, expect, it } from 'vitest';
import type { CallDecision, CallReply } from '../../src/dialog/call-reply.js';
import { CALL_START, encodeCallState, type CallState } from '../../src/dialog/call-state.js';
import { createVoiceBook } from '../../src/render/voice-book.js';
import { renderCallTwiml, type CallView } from '../../src/render/voice.js';
import { WORDS } from '../../src/render/voice-words.js';
import { parseVoiceTwiml } from '../voice/call.js';
import { expectGolden } from './golden.js';
import { sampleFaq } from './sample-faq.js';

/** The voice replies that offer a person (HANDOFF_NUMBER set), against the sample FAQ. */

const faq = sampleFaq();
const book = createVoiceBook(faq);
const settings = { voice: 'Polly.Joanna-Neural', language: 'en-US' };
const handoff = { number: '+14155550100', action: '/voice/handoff' };

function view(withHandoff: boolean): CallView {
  return { faq, book, texting: false, maxTexts: 3, settings, action: (state: CallState) => `/voice/turn?${encodeCallState(state)}`, ...(withHandoff ? { handoff } : {}) };
}
const at = (turn: number, more: Partial<CallState> = {}): CallState => ({ ...CALL_START, turn, ...more });
const decision = (reply: CallReply, next: CallState): CallDecision => ({ reply, next, last: false });

const cases: Array<[string, CallDecision]> = [
  ['voice-handoff-dial.xml', decision({ kind: 'handoff' }, at(1))],
  ['voice-topics-handoff.xml', decision({ kind: 'topics', page: 0 }, at(1, { menu: { kind: 'topics', page: 0 } }))],
  ['voice-help-handoff.xml', decision({ kind: 'help' }, at(1))],
];

describe('renderCallTwiml with a person to hand off to', () => {
  it.each(cases)('renders %s exactly as its golden file', (name, d) => {
    expectGolden(name, renderCallTwiml(d, view(true)).twiml);
  });

  it('says the short line, then <Dial>s the number with the action Twilio posts to when that call ends', () => {
    const verbs = parseVoiceTwiml(renderCallTwiml(cases[0]![1], view(true)).twiml);
    expect(verbs.map((v) => v.name)).toEqual(['Say', 'Dial']);
    expect(verbs[0]!.text).toBe(WORDS.handoff);
    expect(verbs[1]).toMatchObject({ text: handoff.number, attrs: { action: handoff.action, method: 'POST' } });
  });

  it('offers the person in the topics menu and the help only when there is one', () => {
    expect(renderCallTwiml(cases[1]![1], view(false)).says).not.toContain(WORDS.personKey);
    expect(renderCallTwiml(cases[1]![1], view(true)).says).toContain(WORDS.personKey);
    expect(renderCallTwiml(cases[2]![1], view(false)).says).not.toContain(WORDS.personHelp);
    expect(renderCallTwiml(cases[2]![1], view(true)).says).toContain(WORDS.personHelp);
  });
});

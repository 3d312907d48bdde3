import { describe, expect, it } from 'vitest';
import type { CallDecision, CallReply } from '../../src/dialog/call-reply.js';
import { CALL_START, type CallState } from '../../src/dialog/call-state.js';
import { encodeCallState } from '../../src/dialog/call-state.js';
import { createVoiceBook } from '../../src/render/voice-book.js';
import { createCallRenderer, renderCallTwiml, renderVoiceError, type CallView } from '../../src/render/voice.js';
import { expectGolden } from './golden.js';
import { entryOf, SAMPLE_ENTRIES, sampleFaq, sentences } from './sample-faq.js';
import { allSays, parseVoiceTwiml } from '../voice/call.js';

const faq = sampleFaq([...SAMPLE_ENTRIES, { id: 'long-answer', topic: 'Cloud Security', question: 'A long answer', answer: sentences(1500) }]);
const book = createVoiceBook(faq);
const settings = { voice: 'Polly.Joanna-Neural', language: 'en-US' };

function view(texting = false): CallView {
  return { faq, book, texting, maxTexts: 3, settings, action: (state: CallState) => `/voice/turn?${encodeCallState(state)}` };
}

const bcp = entryOf(faq, 'business-continuity-plan');
const long = entryOf(faq, 'long-answer');
const at = (turn: number, more: Partial<CallState> = {}): CallState => ({ ...CALL_START, turn, ...more });
const decision = (reply: CallReply, next: CallState, last = false): CallDecision => ({ reply, next, last });
const cloud = faq.topics[1]!;

const cases: Array<[string, CallDecision, boolean]> = [
  ['voice-welcome.xml', decision({ kind: 'welcome' }, CALL_START), false],
  ['voice-answer.xml', decision({ kind: 'answer', entry: bcp, page: 0, pages: 1, score: 0.8 }, at(1, { entry: bcp.number })), false],
  ['voice-answer-text-offer.xml', decision({ kind: 'answer', entry: bcp, page: 0, pages: 1, score: 0.8 }, at(1, { entry: bcp.number })), true],
  ['voice-answer-paged.xml', decision({ kind: 'answer', entry: long, page: 0, pages: 3, score: 0.8 }, at(1, { entry: long.number, page: 1 })), false],
  ['voice-apology.xml', decision({ kind: 'apology', reason: 'no-match' }, at(1, { misses: 1 })), false],
  ['voice-unclear.xml', decision({ kind: 'apology', reason: 'unclear' }, at(1, { misses: 1 })), false],
  ['voice-bad-key.xml', decision({ kind: 'apology', reason: 'key' }, at(1, { misses: 1 })), false],
  ['voice-clarify.xml', decision({ kind: 'clarify', options: [entryOf(faq, 'legal-language-for-bcp'), bcp] }, at(1, { menu: { kind: 'clarify', options: [3, 1] } })), false],
  ['voice-topics.xml', decision({ kind: 'topics', page: 0 }, at(1, { menu: { kind: 'topics', page: 0 } })), false],
  ['voice-topics-after-misses.xml', decision({ kind: 'topics', page: 0, note: 'misses' }, at(3, { menu: { kind: 'topics', page: 0 } })), false],
  ['voice-topic.xml', decision({ kind: 'topic', topic: cloud, page: 0 }, at(2, { menu: { kind: 'topic', topic: 1, page: 0 } })), false],
  ['voice-help.xml', decision({ kind: 'help' }, at(1)), false],
  ['voice-smalltalk.xml', decision({ kind: 'smalltalk', id: 'thanks' }, at(1)), false],
  ['voice-texted.xml', decision({ kind: 'texted', entry: bcp, ok: true }, at(2, { entry: bcp.number, texts: 1 })), true],
  ['voice-text-failed.xml', decision({ kind: 'texted', entry: bcp, ok: false }, at(2, { entry: bcp.number, texts: 1 })), true],
  ['voice-no-text.xml', decision({ kind: 'no-text', reason: 'unavailable' }, at(2, { entry: bcp.number })), false],
  ['voice-silence.xml', decision({ kind: 'silence' }, at(1, { silences: 1 })), false],
  ['voice-goodbye.xml', decision({ kind: 'goodbye', reason: 'caller' }, at(2)), false],
  ['voice-goodbye-silence.xml', decision({ kind: 'goodbye', reason: 'silence' }, at(2, { silences: 2 })), false],
  ['voice-listen-yes.xml', decision({ kind: 'listen', reason: 'yes' }, at(2)), false],
  ['voice-listen-no.xml', decision({ kind: 'listen', reason: 'no' }, at(2)), false],
  ['voice-listen-no-more.xml', decision({ kind: 'listen', reason: 'no-more' }, at(2, { entry: bcp.number })), false],
  ['voice-goodbye-limit.xml', decision({ kind: 'goodbye', reason: 'limit' }, at(21), true), false],
  ['voice-answer-several.xml', decision({ kind: 'answer', entry: bcp, page: 0, pages: 1, score: 0.8, before: [entryOf(faq, 'legal-language-for-bcp')], uncovered: ['what is the best pizza in Naples'] }, at(1, { entry: bcp.number })), false],
  ['voice-last-turn.xml', decision({ kind: 'answer', entry: bcp, page: 0, pages: 1, score: 0.8 }, at(20, { entry: bcp.number }), true), false],
];

describe('renderCallTwiml', () => {
  it.each(cases)('renders %s exactly as its golden file', (name, d, texting) => {
    expectGolden(name, renderCallTwiml(d, view(texting)).twiml);
  });

  it.each(cases)('renders %s as well-formed TwiML that ends in <Gather> + <Redirect> or in <Hangup/>', (_name, d, texting) => {
    const { twiml, hangup } = renderCallTwiml(d, view(texting));
    const verbs = parseVoiceTwiml(twiml).map((v) => v.name);
    expect(verbs.slice(-2)).toEqual(hangup ? [verbs.at(-2), 'Hangup'] : ['Gather', 'Redirect']);
  });

  it('speaks an answer before listening, so a noise cannot cut it off, and the follow-up inside <Gather>', () => {
    const verbs = parseVoiceTwiml(renderCallTwiml(cases[1]![1], view()).twiml);
    expect(verbs.map((v) => v.name)).toEqual(['Say', 'Pause', 'Gather', 'Redirect']);
    expect(allSays(verbs[2]!.children)).toEqual(['Do you have another question?']);
  });

  it('never speaks a link: a short host is said as words, a long link is offered by text', () => {
    const says = renderCallTwiml(cases[2]![1], view(true)).says.join(' ');
    expect(says).toContain('status dot twilio dot com');
    expect(says).not.toMatch(/https?:|\/\//);
  });

  it('keeps every <Say> within 3,000 characters, even for a 10,000-character sentence without a stop', () => {
    const huge = sampleFaq([{ id: 'huge', topic: 'T', question: 'Huge', answer: `${'word '.repeat(2000)}end` }]);
    const hugeBook = createVoiceBook(huge);
    const entry = entryOf(huge, 'huge');
    const pages = hugeBook.answer(entry, false).pages;
    for (const page of pages) for (const say of page) expect(say.length).toBeLessThanOrEqual(3000);
    const { twiml } = renderCallTwiml(decision({ kind: 'answer', entry, page: 0, pages: pages.length, score: 1 }, at(1, { entry: 1, page: 1 })), { ...view(), faq: huge, book: hugeBook });
    expect(() => parseVoiceTwiml(twiml)).not.toThrow();
  });

  it('escapes & in FAQ text, and says no markup characters', () => {
    const odd = sampleFaq([{ ...SAMPLE_ENTRIES[0]!, answer: 'Ask R&D <when> needed.' }]);
    const oddBook = createVoiceBook(odd);
    const entry = entryOf(odd, 'business-continuity-plan');
    const { twiml } = renderCallTwiml(decision({ kind: 'answer', entry, page: 0, pages: 1, score: 1 }, at(1, { entry: 1 })), { ...view(), faq: odd, book: oddBook });
    expect(twiml).toContain('>Ask R&amp;D when needed.</Say>');
  });

  it("keeps a line's rendered turns: the same turn twice is rendered once, and another line renders its own", () => {
    const mine = createCallRenderer();
    const first = mine(cases[1]![1], view());
    expect(mine(cases[1]![1], view())).toBe(first);
    const theirs = createCallRenderer()(cases[1]![1], view());
    expect(theirs).not.toBe(first);
    expect(theirs).toEqual(first);
  });

  it('answers an unexpected failure with an apology and <Hangup/>', () => {
    expectGolden('voice-error.xml', renderVoiceError(settings));
  });
});

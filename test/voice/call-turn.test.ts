import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallDecision } from '../../src/dialog/call-reply.js';
import { CALL_START, decodeCallState, encodeCallState, type CallState } from '../../src/dialog/call-state.js';
import { decideCallTurn, type CallContext, type CallInput } from '../../src/dialog/call-turn.js';
import { commandOf, spokenDigit } from '../../src/dialog/call-words.js';
import { defaultOptions, type Classification } from '../../src/nlu/classifier.js';
import { entryOf, sampleFaq } from '../render/sample-faq.js';

const faq = sampleFaq();
const bcp = entryOf(faq, 'business-continuity-plan');
const legal = entryOf(faq, 'legal-language-for-bcp');

/** A classifier that knows three questions: one clear, one ambiguous between two entries, one weak. */
function classify(text: string): Classification {
  if (text === 'bcp') return { accepted: true, rule: 'answer', best: { entry: bcp, score: 0.8, evidence: 2, unexplained: 0 } };
  if (text === 'bcp legal') {
    return { accepted: true, rule: 'answer', best: { entry: legal, score: 0.6, evidence: 2, unexplained: 0 }, runnerUp: { entry: bcp, score: 0.59, evidence: 2, unexplained: 0 } };
  }
  if (text === 'backups maybe') return { accepted: false, rule: 'threshold', best: { entry: bcp, score: 0.2, evidence: 1, unexplained: 1 } };
  return { accepted: false, rule: 'no-match' };
}

const ctx: CallContext = {
  faq,
  nlu: { classifier: { classify, options: { ...defaultOptions, threshold: 0.5 } }, smallTalk: (t) => (t === 'hi' ? 'greeting' : t === 'help' ? 'help' : undefined) },
  spoken: { answer: (entry) => ({ pages: Array.from({ length: entry.id === 'business-continuity-plan' ? 3 : 1 }) }) },
  texting: true,
  maxTurns: 20,
  maxTexts: 3,
  minConfidence: 0.3,
};

const speech = (text: string, confidence?: number): CallInput => ({ speech: text, digits: '', ...(confidence === undefined ? {} : { confidence }) });
const keys = (digits: string): CallInput => ({ speech: '', digits });
const turn = (input: CallInput, state: CallState = CALL_START, c: CallContext = ctx): CallDecision => decideCallTurn(input, state, c);

describe('decideCallTurn', () => {
  it('answers a question with the first page and remembers the rest in the state', () => {
    const { reply, next } = turn(speech('bcp'));
    expect(reply).toMatchObject({ kind: 'answer', entry: bcp, page: 0, pages: 3 });
    expect(next).toEqual({ turn: 1, misses: 0, silences: 0, texts: 0, entry: bcp.number, page: 1 });
  });

  it('plays the next page on "more", "yes" or key 1, and forgets the page after the last', () => {
    const after1 = turn(speech('bcp')).next;
    const after2 = turn(speech('yes'), after1);
    expect(after2.reply).toMatchObject({ kind: 'answer', page: 1 });
    const after3 = turn(keys('1'), after2.next);
    expect(after3.reply).toMatchObject({ kind: 'answer', page: 2 });
    expect(after3.next.page).toBeUndefined();
    expect(turn(speech('more'), after3.next).reply).toEqual({ kind: 'listen', reason: 'no-more' });
  });

  it('asks which entry was meant when two fit about equally, and takes "two" or key 2 for the second', () => {
    const { reply, next } = turn(speech('bcp legal'));
    expect(reply).toEqual({ kind: 'clarify', options: [legal, bcp] });
    expect(turn(speech('two'), next).reply).toMatchObject({ kind: 'answer', entry: bcp });
    expect(turn(keys('1'), next).reply).toMatchObject({ kind: 'answer', entry: legal });
    expect(turn(speech('no'), next).reply).toEqual({ kind: 'listen', reason: 'no' });
  });

  it('apologises twice in a row, then reads the topics', () => {
    const first = turn(speech('pizza'));
    expect(first.reply).toEqual({ kind: 'apology', reason: 'no-match' });
    const second = turn(speech('backups maybe'), first.next);
    expect(second.reply).toMatchObject({ kind: 'apology', reason: 'no-match', nearest: { entry: bcp } });
    const third = turn(speech('pizza'), second.next);
    expect(third.reply).toEqual({ kind: 'topics', page: 0, note: 'misses' });
    expect(third.next.misses).toBe(0);
  });

  it('treats low confidence as unclear, whatever was transcribed', () => {
    expect(turn(speech('bcp', 0.29)).reply).toEqual({ kind: 'apology', reason: 'unclear' });
    expect(turn(speech('bcp', 0.3)).reply.kind).toBe('answer');
  });

  it('reprompts the first silence and says goodbye on the second', () => {
    const first = turn(speech(''));
    expect(first.reply).toEqual({ kind: 'silence' });
    expect(turn(speech(''), first.next).reply).toEqual({ kind: 'goodbye', reason: 'silence' });
  });

  it('texts the last answer on request, at most maxTexts times, and never when texting is off', () => {
    const answered = turn(speech('bcp')).next;
    expect(turn(speech('text me that'), CALL_START).reply).toEqual({ kind: 'no-text', reason: 'nothing' });
    expect(turn(speech('text me that'), answered, { ...ctx, texting: false }).reply).toEqual({ kind: 'no-text', reason: 'unavailable' });
    let state = answered;
    for (let i = 0; i < 3; i++) {
      const d = turn(keys('2'), state);
      expect(d.reply).toEqual({ kind: 'text', entry: bcp });
      state = d.next;
    }
    expect(turn(keys('2'), state).reply).toEqual({ kind: 'no-text', reason: 'limit' });
  });

  it('marks the turn at the limit as the last one, and says goodbye past it', () => {
    const limited = { ...ctx, maxTurns: 3 };
    expect(turn(speech('bcp'), { ...CALL_START, turn: 1 }, limited).last).toBe(false);
    expect(turn(speech('bcp'), { ...CALL_START, turn: 2 }, limited).last).toBe(true);
    expect(turn(speech('bcp'), { ...CALL_START, turn: 7 }, limited)).toMatchObject({ reply: { kind: 'goodbye', reason: 'limit' }, last: true });
  });

  it('ends any sequence of inputs within maxTurns turns', () => {
    const input = fc.oneof(
      fc.constantFrom('bcp', 'bcp legal', 'pizza', '', 'yes', 'more', 'menu', 'repeat', 'text me that', 'hi', 'help', 'two').map((s) => speech(s, 0.9)),
      fc.constantFrom('0', '1', '2', '9', '*', '#', '12').map(keys),
    );
    fc.assert(
      fc.property(fc.array(input, { minLength: 25, maxLength: 25 }), (inputs) => {
        let state = CALL_START;
        let turns = 0;
        for (const i of inputs) {
          const d = turn(i, state);
          turns++;
          if (d.last || d.reply.kind === 'goodbye') return turns <= ctx.maxTurns;
          state = decodeCallState(new URLSearchParams(encodeCallState(d.next)));
        }
        return false;
      }),
      { numRuns: 200 },
    );
  });
});

describe('the call state in the action URL', () => {
  it('survives the trip through the URL unchanged', () => {
    const menu = fc.oneof(
      fc.constant(undefined),
      fc.record({ kind: fc.constant('topics' as const), page: fc.nat(99) }),
      fc.record({ kind: fc.constant('topic' as const), topic: fc.nat(99), page: fc.nat(99) }),
      fc.record({ kind: fc.constant('clarify' as const), options: fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 5 }) }),
    );
    const state = fc.record({ turn: fc.nat(999), misses: fc.nat(9), silences: fc.nat(9), texts: fc.nat(9), entry: fc.option(fc.integer({ min: 1, max: 999 }), { nil: undefined }), page: fc.option(fc.nat(9), { nil: undefined }), menu });
    fc.assert(
      fc.property(state, (s) => {
        const clean = Object.fromEntries(Object.entries({ ...s, page: s.entry === undefined ? undefined : s.page }).filter(([, v]) => v !== undefined)) as unknown as CallState;
        expect(decodeCallState(new URLSearchParams(encodeCallState(clean)))).toEqual(clean);
      }),
    );
  });

  it('reads nonsense as the start of a call', () => {
    expect(decodeCallState(new URLSearchParams('t=-4&m=x&k=<script>&e=0'))).toEqual({ turn: 0, misses: 0, silences: 0, texts: 0 });
  });
});

describe('call words', () => {
  it.each([
    ['No.', 'no'],
    ["No, that's all. Thank you.", 'goodbye'],
    ['ok bye', 'goodbye'],
    ['Yes please', 'yes'],
    ['um continue', 'more'],
    ['keep going', 'more'],
    ['Can you text me that?', 'text'],
    ['send it to my phone please', 'text'],
    ['main menu', 'menu'],
    ['say that again', 'repeat'],
  ])('reads %j as the command %s', (text, command) => {
    expect(commandOf(text)).toBe(command);
  });

  it.each(['tell me more about backups', 'send me the bcp', 'no backups in europe?', 'what is your rto'])('leaves the question %j to the classifier', (text) => {
    expect(commandOf(text)).toBeUndefined();
  });

  it.each([
    ['two', 2],
    ['Number 3.', 3],
    ['the first one', 1],
    ['option five please', 5],
    ['to', 2],
    ['7', 7],
  ])('reads %j as the menu number %d', (text, digit) => {
    expect(spokenDigit(text)).toBe(digit);
  });

  it('reads a question as no menu number', () => {
    expect(spokenDigit('two factor authentication')).toBeUndefined();
  });
});

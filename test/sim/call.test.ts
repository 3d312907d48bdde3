import { describe, expect, it } from 'vitest';
import { callerInput, gatherResult, runDocument, type CallEvent, type CallerInput, type DocumentEnd } from '../../src/sim/call.js';
import { parseVoiceTwiml, type Gather } from '../../src/sim/twiml.js';

const URL_NOW = 'https://line.test/voice/start?lang=en';

/** Run a document, answering each listen with the next input (silence when none is left). */
function play(xml: string, inputs: CallerInput[] = [], url = URL_NOW): { events: CallEvent[]; end: DocumentEnd } {
  const run = runDocument(parseVoiceTwiml(xml), url);
  const events: CallEvent[] = [];
  let step = run.next();
  while (!step.done) {
    events.push(step.value);
    step = run.next(step.value.kind === 'listen' ? (inputs.shift() ?? { kind: 'silence' }) : undefined);
  }
  return { events, end: step.value };
}

const kinds = (events: CallEvent[]): string[] => events.map((e) => e.kind);

const gatherOf = (attributes: string): Gather => {
  const [gather] = parseVoiceTwiml(`<Response><Gather ${attributes}/></Response>`);
  if (gather?.verb !== 'Gather') throw new Error('no gather');
  return gather;
};

describe('runDocument', () => {
  it('says, pauses and plays in document order, then hangs up at the end of the document', () => {
    const { events, end } = play('<Response><Say>Hello.</Say><Pause length="2"/><Play>https://x.test/a.mp3</Play></Response>');
    expect(events).toEqual([
      { kind: 'say', text: 'Hello.', loop: 1 },
      { kind: 'pause', seconds: 2 },
      { kind: 'play', url: 'https://x.test/a.mp3', loop: 1 },
    ]);
    expect(end).toEqual({ kind: 'end', reason: 'end-of-document' });
  });

  it('plays the prompts nested in a Gather before listening', () => {
    const { events } = play('<Response><Gather input="speech"><Say>Ask.</Say><Pause/></Gather></Response>', [{ kind: 'speech', text: 'hi' }]);
    expect(kinds(events)).toEqual(['say', 'pause', 'listen']);
  });

  it('sends speech to the action URL resolved against the current URL, with SpeechResult and Confidence', () => {
    const { end } = play('<Response><Gather input="speech" action="ask?turn=2"><Say>Ask.</Say></Gather><Say>Never said.</Say></Response>', [
      { kind: 'speech', text: ' Where are backups stored? ' },
    ]);
    expect(end).toEqual({
      kind: 'request',
      url: 'https://line.test/voice/ask?turn=2',
      method: 'POST',
      fields: { SpeechResult: 'Where are backups stored?', Confidence: '0.9' },
      cause: 'gather',
    });
  });

  it('resolves an absolute-path action against the current host', () => {
    const { end } = play('<Response><Gather action="/menu" method="GET"/></Response>', [{ kind: 'digits', keys: '2' }]);
    expect(end).toMatchObject({ url: 'https://line.test/menu', method: 'GET', fields: { Digits: '2' } });
  });

  it('posts a Gather without action back to the current document URL', () => {
    const { end } = play('<Response><Gather/></Response>', [{ kind: 'digits', keys: '7#' }]);
    expect(end).toMatchObject({ url: URL_NOW, method: 'POST', fields: { Digits: '7' } });
  });

  it('falls through to the next verb when nothing is heard', () => {
    const { events, end } = play('<Response><Gather input="speech" action="/ask"><Say>Ask.</Say></Gather><Say>Goodbye.</Say><Hangup/></Response>');
    expect(kinds(events)).toEqual(['say', 'listen', 'no-input', 'say']);
    expect(events[3]).toMatchObject({ text: 'Goodbye.' });
    expect(end).toEqual({ kind: 'end', reason: 'hangup' });
  });

  it('falls through when the input is of a kind the Gather does not take', () => {
    expect(kinds(play('<Response><Gather input="dtmf" action="/a"/></Response>', [{ kind: 'speech', text: 'hello' }]).events)).toContain('no-input');
    expect(kinds(play('<Response><Gather input="speech" action="/a"/></Response>', [{ kind: 'digits', keys: '1' }]).events)).toContain('no-input');
    expect(kinds(play('<Response><Gather input="speech" action="/a"/></Response>', [{ kind: 'speech', text: '  ' }]).events)).toContain('no-input');
  });

  it('with actionOnEmptyResult, requests the action with no result instead of falling through', () => {
    const { events, end } = play('<Response><Gather input="speech" action="/ask" actionOnEmptyResult="true"/><Say>Never said.</Say></Response>');
    expect(kinds(events)).toEqual(['listen']);
    expect(end).toEqual({ kind: 'request', url: 'https://line.test/ask', method: 'POST', fields: {}, cause: 'gather' });
  });

  it('follows a Redirect with its method, resolved against the current URL, ignoring what follows', () => {
    const { events, end } = play('<Response><Say>One.</Say><Redirect method="GET">../menu?x=1</Redirect><Say>Never.</Say></Response>');
    expect(kinds(events)).toEqual(['say']);
    expect(end).toEqual({ kind: 'request', url: 'https://line.test/menu?x=1', method: 'GET', fields: {}, cause: 'redirect' });
  });

  it('stops at Hangup and at Reject', () => {
    expect(play('<Response><Hangup/><Say>Never.</Say></Response>')).toEqual({ events: [], end: { kind: 'end', reason: 'hangup' } });
    expect(play('<Response><Reject reason="busy"/><Say>Never.</Say></Response>').end).toEqual({ kind: 'end', reason: 'busy' });
    expect(play('<Response><Reject/></Response>').end).toEqual({ kind: 'end', reason: 'rejected' });
  });

  it('ends the call when the caller hangs up at a Gather', () => {
    const { end } = play('<Response><Gather input="speech"/><Say>Never.</Say></Response>', [{ kind: 'hangup' }]);
    expect(end).toEqual({ kind: 'end', reason: 'caller-hung-up' });
  });

  it('reports verbs it cannot perform and goes on', () => {
    const { events, end } = play('<Response><Record/><Say>After.</Say></Response>');
    expect(events).toEqual([{ kind: 'unsupported', name: 'Record' }, { kind: 'say', text: 'After.', loop: 1 }]);
    expect(end.kind).toBe('end');
  });

  it('reports a <Dial> and, as no one answers, goes on to its action with DialCallStatus=no-answer', () => {
    const { events, end } = play('<Response><Say>Hold on.</Say><Dial action="/voice/handoff" timeout="20">+15550000000</Dial></Response>');
    expect(events).toEqual([{ kind: 'say', text: 'Hold on.', loop: 1 }, { kind: 'dial', number: '+15550000000' }]);
    expect(end).toMatchObject({ kind: 'request', method: 'POST', fields: { DialCallStatus: 'no-answer' }, cause: 'dial' });
    expect((end as { url: string }).url).toMatch(/\/voice\/handoff$/);
  });

  it('goes on to the next verb after a <Dial> without an action, as Twilio does', () => {
    const { events } = play('<Response><Dial>+15550000000</Dial><Say>After.</Say></Response>');
    expect(events).toEqual([{ kind: 'dial', number: '+15550000000' }, { kind: 'say', text: 'After.', loop: 1 }]);
  });

  it('hangs up at once on an empty document', () => {
    expect(play('<Response/>')).toEqual({ events: [], end: { kind: 'end', reason: 'end-of-document' } });
  });
});

describe('gatherResult', () => {
  it('stops keys at finishOnKey, which is not sent', () => {
    expect(gatherResult(gatherOf(''), { kind: 'digits', keys: '123#45' })).toEqual({ Digits: '123' });
    expect(gatherResult(gatherOf('finishOnKey="*"'), { kind: 'digits', keys: '12#*9' })).toEqual({ Digits: '12#' });
  });

  it('stops after numDigits keys', () => {
    expect(gatherResult(gatherOf('numDigits="1"'), { kind: 'digits', keys: '42' })).toEqual({ Digits: '4' });
  });

  it('sends the keys typed before the timeout even when fewer than numDigits', () => {
    expect(gatherResult(gatherOf('numDigits="4"'), { kind: 'digits', keys: '12' })).toEqual({ Digits: '12' });
  });

  it('collects # as a key when finishOnKey is empty', () => {
    expect(gatherResult(gatherOf('finishOnKey=""'), { kind: 'digits', keys: '1#' })).toEqual({ Digits: '1#' });
  });

  it('treats only the finish key as no input', () => {
    expect(gatherResult(gatherOf(''), { kind: 'digits', keys: '#' })).toBeUndefined();
    expect(gatherResult(gatherOf(''), { kind: 'silence' })).toBeUndefined();
  });

  it('takes speech or keys from a Gather that accepts both', () => {
    const both = gatherOf('input="dtmf speech"');
    expect(gatherResult(both, { kind: 'speech', text: 'more' })).toEqual({ SpeechResult: 'more', Confidence: '0.9' });
    expect(gatherResult(both, { kind: 'digits', keys: '3' })).toEqual({ Digits: '3' });
  });
});

describe('callerInput', () => {
  const both = gatherOf('input="dtmf speech"');
  const speechOnly = gatherOf('input="speech"');

  it('reads an empty line as silence and "hangup" as hanging up', () => {
    expect(callerInput('', both)).toEqual({ kind: 'silence' });
    expect(callerInput('silence', both)).toEqual({ kind: 'silence' });
    expect(callerInput('hangup', both)).toEqual({ kind: 'hangup' });
  });

  it('reads keys from "press" or a line of only keypad characters, when the Gather takes keys', () => {
    expect(callerInput('press 1 2#', both)).toEqual({ kind: 'digits', keys: '12#' });
    expect(callerInput('12#', both)).toEqual({ kind: 'digits', keys: '12#' });
    expect(callerInput('12', speechOnly)).toEqual({ kind: 'speech', text: '12' });
  });

  it('reads anything else as speech, "say" forcing it', () => {
    expect(callerInput('What is the RTO?', both)).toEqual({ kind: 'speech', text: 'What is the RTO?' });
    expect(callerInput('say 1', both)).toEqual({ kind: 'speech', text: '1' });
  });
});

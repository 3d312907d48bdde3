import { describe, expect, it } from 'vitest';
import { LineError } from '../../src/errors.js';
import { parseMessagingTwiml, parseVoiceTwiml } from '../../src/sim/twiml.js';

const DECL = '<?xml version="1.0" encoding="UTF-8"?>';

function invalid(parse: () => unknown): LineError {
  try {
    parse();
  } catch (err) {
    expect(err).toBeInstanceOf(LineError);
    expect((err as LineError).code).toBe('NOT_TWIML');
    return err as LineError;
  }
  throw new Error('expected the document to be rejected');
}

describe('parseVoiceTwiml', () => {
  it('reads Say, Play and Pause with their defaults', () => {
    expect(parseVoiceTwiml(`${DECL}<Response><Say>Hello</Say><Play>https://x.test/a.mp3</Play><Pause/></Response>`)).toEqual([
      { verb: 'Say', text: 'Hello', loop: 1 },
      { verb: 'Play', url: 'https://x.test/a.mp3', loop: 1 },
      { verb: 'Pause', seconds: 1 },
    ]);
  });

  it('reads attributes: Say voice, language and loop, Play digits, Pause length', () => {
    const verbs = parseVoiceTwiml(
      '<Response><Say voice="Polly.Joanna" language="en-GB" loop="0">Hi</Say><Play digits="12w#"/><Pause length="3"/></Response>',
    );
    expect(verbs).toEqual([
      { verb: 'Say', text: 'Hi', loop: 0, voice: 'Polly.Joanna', language: 'en-GB' },
      { verb: 'Play', url: '', loop: 1, digits: '12w#' },
      { verb: 'Pause', seconds: 3 },
    ]);
  });

  it('unescapes entities and reduces SSML to the words spoken', () => {
    const [say] = parseVoiceTwiml(
      '<Response><Say>Tom &amp; Jerry&#39;s &lt;RTO&gt;<break time="1s"/>is <say-as interpret-as="characters">RTO</say-as>, <sub alias="World Wide Web">WWW</sub>\n  <prosody rate="slow">slowly</prosody></Say></Response>',
    );
    expect(say).toEqual({ verb: 'Say', text: "Tom & Jerry's <RTO> is RTO, World Wide Web slowly", loop: 1 });
  });

  it("fills a Gather's defaults as Twilio documents them", () => {
    const [gather] = parseVoiceTwiml('<Response><Gather/></Response>');
    expect(gather).toEqual({
      verb: 'Gather',
      speech: false,
      dtmf: true,
      method: 'POST',
      timeout: 5,
      finishOnKey: '#',
      actionOnEmptyResult: false,
      language: 'en-US',
      prompts: [],
    });
  });

  it('reads every Gather attribute the line uses, and the prompts nested in it', () => {
    const [gather] = parseVoiceTwiml(
      '<Response><Gather input="speech dtmf" action="/voice/ask?turn=2&amp;x=1" method="get" timeout="7" speechTimeout="auto" numDigits="1" finishOnKey="" actionOnEmptyResult="true" hints="RTO, RPO" language="en-GB">' +
        '<Say>Ask away.</Say><Pause length="2"/><Play>https://x.test/beep.mp3</Play></Gather></Response>',
    );
    expect(gather).toEqual({
      verb: 'Gather',
      speech: true,
      dtmf: true,
      action: '/voice/ask?turn=2&x=1',
      method: 'GET',
      timeout: 7,
      speechTimeout: 'auto',
      numDigits: 1,
      finishOnKey: '',
      actionOnEmptyResult: true,
      language: 'en-GB',
      hints: 'RTO, RPO',
      prompts: [
        { verb: 'Say', text: 'Ask away.', loop: 1 },
        { verb: 'Pause', seconds: 2 },
        { verb: 'Play', url: 'https://x.test/beep.mp3', loop: 1 },
      ],
    });
  });

  it('reads Redirect, Hangup and Reject', () => {
    expect(parseVoiceTwiml('<Response><Redirect method="GET">/next</Redirect><Hangup/><Reject reason="busy"/><Reject/></Response>')).toEqual([
      { verb: 'Redirect', url: '/next', method: 'GET' },
      { verb: 'Hangup' },
      { verb: 'Reject', reason: 'busy' },
      { verb: 'Reject', reason: 'rejected' },
    ]);
  });

  it('accepts an empty <Response/> and a document without the XML declaration', () => {
    expect(parseVoiceTwiml(`${DECL}<Response/>`)).toEqual([]);
    expect(parseVoiceTwiml('\n<Response>\n  <Hangup/>\n</Response>\n')).toEqual([{ verb: 'Hangup' }]);
  });

  it('marks voice verbs the simulator cannot perform as unsupported instead of failing', () => {
    expect(parseVoiceTwiml('<Response><Record/></Response>')).toEqual([{ verb: 'Unsupported', name: 'Record' }]);
    expect(parseVoiceTwiml('<Response><Dial><Client>alice</Client></Dial></Response>')).toEqual([{ verb: 'Unsupported', name: 'Dial' }]);
    expect(parseVoiceTwiml('<Response><Dial action="/done">+15550000000</Dial></Response>')).toEqual([{ verb: 'Dial', number: '+15550000000', action: '/done', method: 'POST' }]);
  });

  it('rejects <Message> and <Sms> in a call, pointing at the REST API', () => {
    expect(invalid(() => parseVoiceTwiml('<Response><Message>hi</Message></Response>')).message).toContain('<Message> is not a voice verb');
    expect(invalid(() => parseVoiceTwiml('<Response><Sms>hi</Sms></Response>')).hint).toContain('client.messages.create');
  });

  it('rejects what Twilio cannot parse: text before the declaration, an unescaped &, HTML, plain text', () => {
    expect(invalid(() => parseVoiceTwiml(` ${DECL}<Response/>`)).hint).toContain('12100');
    invalid(() => parseVoiceTwiml('<Response><Say>Q&A</Say></Response>'));
    invalid(() => parseVoiceTwiml('<html><body>Hello</body></html>'));
    invalid(() => parseVoiceTwiml('Hello'));
    invalid(() => parseVoiceTwiml(''));
  });

  it('rejects a root other than <Response>, unknown verbs and stray text', () => {
    expect(invalid(() => parseVoiceTwiml('<Reply><Say>x</Say></Reply>')).message).toContain('<Response>');
    expect(invalid(() => parseVoiceTwiml('<Response><Speak>x</Speak></Response>')).message).toContain('<Speak>');
    expect(invalid(() => parseVoiceTwiml('<Response>Hello<Hangup/></Response>')).message).toContain('stray text');
  });

  it('rejects verbs a Gather cannot nest', () => {
    expect(invalid(() => parseVoiceTwiml('<Response><Gather><Redirect>/x</Redirect></Gather></Response>')).message).toContain('only nest');
    invalid(() => parseVoiceTwiml('<Response><Gather><Gather/></Gather></Response>'));
  });

  it('rejects attribute values Twilio rejects', () => {
    invalid(() => parseVoiceTwiml('<Response><Gather input="voice"/></Response>'));
    invalid(() => parseVoiceTwiml('<Response><Gather finishOnKey="##"/></Response>'));
    invalid(() => parseVoiceTwiml('<Response><Gather actionOnEmptyResult="yes"/></Response>'));
    invalid(() => parseVoiceTwiml('<Response><Gather numDigits="0"/></Response>'));
    invalid(() => parseVoiceTwiml('<Response><Gather method="PUT"/></Response>'));
    invalid(() => parseVoiceTwiml('<Response><Pause length="two"/></Response>'));
    invalid(() => parseVoiceTwiml('<Response><Redirect/></Response>'));
    invalid(() => parseVoiceTwiml('<Response><Reject reason="nope"/></Response>'));
  });
});

describe('parseMessagingTwiml', () => {
  it('reads each <Message> body, escaped text unescaped, in order', () => {
    expect(parseMessagingTwiml(`${DECL}<Response><Message>A &amp; B (1/2)</Message><Message>C (2/2)</Message></Response>`)).toEqual([
      { verb: 'Message', body: 'A & B (1/2)', media: [] },
      { verb: 'Message', body: 'C (2/2)', media: [] },
    ]);
  });

  it('reads <Body> and <Media> nested in a <Message>', () => {
    expect(parseMessagingTwiml('<Response><Message><Body>See this</Body><Media>https://x.test/a.png</Media></Message></Response>')).toEqual([
      { verb: 'Message', body: 'See this', media: ['https://x.test/a.png'] },
    ]);
  });

  it('rejects voice verbs in an SMS answer', () => {
    expect(invalid(() => parseMessagingTwiml('<Response><Say>hi</Say></Response>')).message).toContain('<Say>');
  });
});

import type { CallerInput } from './call.js';
import type { CallStep } from './follow.js';
import type { Gather } from './twiml.js';
import type { PhoneMessage } from './text.js';

/** Width of the speaker labels, so text lines up. */
const INDENT = ' '.repeat('caller: '.length);

/** The texter's message, as the transcript shows it. */
export function formatSent(body: string): string {
  return label('you', body);
}

/**
 * What the phone shows for one inbound SMS's answer: each message and how it is billed. On WhatsApp
 * (`whatsapp`) a message is billed as one, whatever its length or characters: no encoding or segments.
 */
export function formatReceived(messages: readonly PhoneMessage[], whatsapp = false): string {
  if (messages.length === 0) return label('line', '(no reply: the answer was an empty <Response/>)');
  return messages
    .map((m) => {
      const media = m.media.map((url) => `\n${INDENT}[media ${url}]`).join('');
      if (whatsapp) return `${label('line', m.body)}${media}\n${INDENT}[${m.chars} characters, WhatsApp]`;
      const plural = m.segments === 1 ? 'segment' : 'segments';
      return `${label('line', m.body)}${media}\n${INDENT}[${m.chars} characters, ${m.encoding}, ${m.segments} ${plural}]`;
    })
    .join('\n');
}

export interface CallFormat {
  /** Show the caller's turns (a script's; an interactive caller has just typed them). */
  readonly echoCaller: boolean;
  /** Show each webhook request. */
  readonly showRequests: boolean;
}

/** One step of a call as a transcript line, or undefined when it shows nothing. */
export function formatCallStep(step: CallStep, format: CallFormat): string | undefined {
  switch (step.kind) {
    case 'request': {
      if (!format.showRequests) return undefined;
      const url = new URL(step.url);
      return `${INDENT}-> ${step.method} ${url.pathname}${url.search}`;
    }
    case 'say': {
      const times = step.loop === 1 ? '' : step.loop === 0 ? ' [repeated until the call ends]' : ` [said ${step.loop} times]`;
      return label('line', step.text) + times;
    }
    case 'play': {
      const what = step.digits ? `plays the tones ${step.digits}` : `plays ${step.url}`;
      const times = step.loop === 1 ? '' : step.loop === 0 ? ', repeated until the call ends' : `, ${step.loop} times`;
      return `${INDENT}[${what}${times}]`;
    }
    case 'pause':
      return `${INDENT}[pause ${step.seconds} s]`;
    case 'listen':
      return `${INDENT}[listening for ${listensFor(step.gather)}]`;
    case 'no-input':
      return `${INDENT}[nothing heard: on to the next verb]`;
    case 'dial':
      return `${INDENT}[the line puts the call through to ${step.number}; the simulator does not place it: no answer]`;
    case 'unsupported':
      return `${INDENT}[<${step.name}> is not simulated: skipped]`;
    case 'caller':
      return format.echoCaller ? label('caller', describeInput(step.input)) : undefined;
    case 'ended':
      return `${INDENT}[${endedBy(step.reason)} after ${step.requests} ${step.requests === 1 ? 'request' : 'requests'}]`;
  }
}

/** "speech or keys (# ends), 5 s": what a <Gather> takes. */
export function listensFor(gather: Gather): string {
  const keys = [
    gather.numDigits !== undefined ? `up to ${gather.numDigits}` : '',
    gather.finishOnKey ? `${gather.finishOnKey} ends` : '',
  ].filter(Boolean);
  const keysText = `keys${keys.length ? ` (${keys.join(', ')})` : ''}`;
  const kinds = [gather.speech ? 'speech' : '', gather.dtmf ? keysText : ''].filter(Boolean).join(' or ');
  return `${kinds}, ${gather.timeout} s`;
}

function describeInput(input: CallerInput): string {
  switch (input.kind) {
    case 'speech':
      return input.text;
    case 'digits':
      return `(presses ${input.keys})`;
    case 'silence':
      return '(silence)';
    case 'hangup':
      return '(hangs up)';
  }
}

function endedBy(reason: Extract<CallStep, { kind: 'ended' }>['reason']): string {
  switch (reason) {
    case 'hangup':
      return 'the line hangs up';
    case 'end-of-document':
      return 'the line hangs up (end of the document)';
    case 'rejected':
      return 'the line rejects the call';
    case 'busy':
      return 'the line rejects the call with a busy signal';
    case 'caller-hung-up':
      return 'the caller hangs up';
  }
}

/** Transcript text is wrapped at this many columns (the text itself is unchanged). */
const WIDTH = 72;

/** "line: text", wrapped, continuation lines indented under the text. */
function label(who: 'you' | 'line' | 'caller', text: string): string {
  return `${`${who}:`.padEnd(INDENT.length)}${wrap(text).join(`\n${INDENT}`)}`;
}

/** Lines of at most WIDTH columns, broken between words; the text's own line breaks are kept. */
export function wrap(text: string, width: number = WIDTH): string[] {
  return text.split('\n').flatMap((paragraph) => {
    const lines: string[] = [];
    let current = '';
    for (const word of paragraph.split(' ')) {
      if (current && current.length + 1 + word.length > width) {
        lines.push(current);
        current = word;
      } else {
        current = current ? `${current} ${word}` : word;
      }
    }
    lines.push(current);
    return lines;
  });
}

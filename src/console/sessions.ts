import type { Gather } from '../sim/twiml.js';
import type { CallerInput } from '../sim/call.js';
import { callFields, type Parties } from '../sim/fields.js';
import { followCall, type CallStep } from '../sim/follow.js';
import { CookieJar } from '../sim/cookies.js';
import { listensFor } from '../sim/transcript.js';
import type { CallStepView } from './api-types.js';
import { consoleClient, consoleParties, type LineAddress } from './webhooks.js';

/** A texting conversation in the console: one texter, the cookies Twilio would carry for it. */
export interface Conversation {
  readonly parties: Parties;
  readonly cookies: CookieJar;
  used: number;
}

/** One call in the console, followed by the simulator as Twilio follows it, paused at each <Gather>. */
export interface ConsoleCall {
  /** Give the caller's input to the waiting <Gather> and get what happens until the next one (or the end). */
  next(input: CallerInput | undefined): Promise<{ steps: CallStepView[]; tags: string[]; listening: boolean }>;
  used: number;
}

/** At most `max` of each, least recently used forgotten first; idle ones expire. */
export function createSessions(options: { readonly max: number; readonly idleMs: number; readonly now?: () => number }) {
  const { max, idleMs, now = Date.now } = options;
  const texts = new Map<string, Conversation>();
  const calls = new Map<string, ConsoleCall>();
  const touch = <T extends { used: number }>(map: Map<string, T>, id: string, make: () => T): T => {
    for (const [key, value] of map) if (now() - value.used > idleMs) map.delete(key);
    const found = map.get(id) ?? make();
    found.used = now();
    map.delete(id);
    map.set(id, found);
    while (map.size > max) map.delete(map.keys().next().value as string);
    return found;
  };
  return {
    conversation: (id: string): Conversation => touch(texts, id, () => ({ parties: consoleParties(), cookies: new CookieJar(), used: 0 })),
    /** The call `id`, placed now (to `voiceUrl`) if it is new or ended. */
    call: (id: string, address: LineAddress, voiceUrl: string): { call: ConsoleCall; placed: boolean } => {
      let placed = false;
      const call = touch(calls, id, () => {
        placed = true;
        return placeCall(address, voiceUrl);
      });
      return { call, placed };
    },
    endCall: (id: string): void => void calls.delete(id),
  };
}

function placeCall(address: LineAddress, voiceUrl: string): ConsoleCall {
  const tags: string[] = [];
  let steps: CallStepView[] = [];
  let waiting: ((input: CallerInput) => void) | undefined;
  let deliver: ((batch: { steps: CallStepView[]; tags: string[]; listening: boolean }) => void) | undefined;
  let ended = false;
  const flush = (listening: boolean): void => {
    const batch = { steps, tags: tags.splice(0), listening };
    steps = [];
    deliver?.(batch);
    deliver = undefined;
  };
  let started = false;
  const start = (): void => {
    started = true;
    followCall(
      {
        send: consoleClient(address, new CookieJar(), tags),
        listen: (gather: Gather) =>
          new Promise<CallerInput>((resolve) => {
            waiting = resolve;
            steps.push({ kind: 'listen', speech: gather.speech, keys: gather.dtmf, describe: listensFor(gather) });
            flush(true);
          }),
        show: (step) => {
          const view = viewOf(step);
          if (view) steps.push(view);
        },
      },
      { url: voiceUrl, fields: callFields(consoleParties()) },
    ).then(
      (end) => {
        ended = true;
        steps.push({ kind: 'ended', reason: end.reason });
        flush(false);
      },
      (err: unknown) => {
        ended = true;
        steps.push({ kind: 'ended', reason: `the call failed: ${(err as Error).message}` });
        flush(false);
      },
    );
  };
  return {
    used: 0,
    next(input) {
      return new Promise((resolve) => {
        if (ended || deliver) {
          // a second input while the line is still answering the first is not a caller's: refuse it
          resolve({ steps: [{ kind: 'ended', reason: ended ? 'the call has ended' : 'one input at a time' }], tags: [], listening: !ended });
          return;
        }
        deliver = resolve;
        if (!started) start();
        else if (waiting) {
          const give = waiting;
          waiting = undefined;
          give(input ?? { kind: 'silence' });
        }
      });
    },
  };
}

function viewOf(step: CallStep): CallStepView | undefined {
  switch (step.kind) {
    case 'say':
      return { kind: 'say', text: step.text, ...(step.language ? { language: step.language } : {}) };
    case 'pause':
      return { kind: 'pause', seconds: step.seconds };
    case 'play':
      return { kind: 'play', url: step.url };
    case 'request':
      return { kind: 'request', path: new URL(step.url).pathname + new URL(step.url).search };
    case 'no-input':
      return { kind: 'no-input' };
    default:
      return undefined; // listen, caller and ended are added where they happen
  }
}

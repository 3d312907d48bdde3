import { runDocument, type CallEvent, type CallerInput, type DocumentEnd } from './call.js';
import { LineError } from '../errors.js';
import { withCallStatus, type Fields } from './fields.js';
import { parseVoiceTwiml, type Gather } from './twiml.js';
import type { HttpMethod, WebhookClient } from './webhook.js';

/** Everything that happens on a simulated call, for a transcript. */
export type CallStep =
  | CallEvent
  | { readonly kind: 'request'; readonly method: HttpMethod; readonly url: string; readonly fields: Fields }
  | { readonly kind: 'caller'; readonly input: CallerInput }
  | { readonly kind: 'ended'; readonly reason: Extract<DocumentEnd, { kind: 'end' }>['reason']; readonly requests: number };

export interface CallPorts {
  /** Posts one webhook and returns its TwiML (throws LineError when the line fails). */
  readonly send: WebhookClient;
  /** The caller's answer to a <Gather>. */
  readonly listen: (gather: Gather) => Promise<CallerInput>;
  /** Everything that happens, in order. */
  readonly show: (step: CallStep) => void;
}

export interface CallOptions {
  /** The voice webhook URL the number points at. */
  readonly url: string;
  /** The call's fields (callFields()): the same on every request but CallStatus. */
  readonly fields: Fields;
  /** Most webhook requests in one call, so a <Redirect> loop ends. */
  readonly maxRequests?: number;
}

export const DEFAULT_MAX_REQUESTS = 50;

/**
 * Place a call: request the voice URL, run each document as Twilio does, and follow Gather actions
 * and Redirects until the call ends. Returns how it ended.
 */
export async function followCall(ports: CallPorts, options: CallOptions): Promise<Extract<CallStep, { kind: 'ended' }>> {
  const maxRequests = options.maxRequests ?? DEFAULT_MAX_REQUESTS;
  let next: { url: string; method: HttpMethod; fields: Fields } = { url: options.url, method: 'POST', fields: {} };
  for (let requests = 1; ; requests++) {
    if (requests > maxRequests) {
      throw new LineError(
        'TOO_MANY_REQUESTS',
        `the call made ${maxRequests} webhook requests without ending (last: ${next.method} ${next.url})`,
        'look for a <Redirect> or Gather action loop; --max-requests raises the cap.',
      );
    }
    const fields = { ...withCallStatus(options.fields, requests === 1 ? 'ringing' : 'in-progress'), ...next.fields };
    ports.show({ kind: 'request', method: next.method, url: next.url, fields });
    const answer = await ports.send({ url: next.url, method: next.method, fields });
    const run = runDocument(parseVoiceTwiml(answer.body), next.url);
    let step = run.next();
    while (!step.done) {
      const event = step.value;
      ports.show(event);
      if (event.kind === 'listen') {
        const input = await ports.listen(event.gather);
        ports.show({ kind: 'caller', input });
        step = run.next(input);
      } else {
        step = run.next(undefined);
      }
    }
    const end = step.value;
    if (end.kind === 'end') {
      const ended = { kind: 'ended', reason: end.reason, requests } as const;
      ports.show(ended);
      return ended;
    }
    next = { url: end.url, method: end.method, fields: end.fields };
  }
}

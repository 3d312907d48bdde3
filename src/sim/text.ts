import { SegmentedMessage } from 'sms-segments-calculator';
import type { SmsEncoding } from '../render/measure.js';
import { resolveUrl } from './call.js';
import { LineError } from '../errors.js';
import { smsFields, type Parties } from './fields.js';
import { parseMessagingTwiml } from './twiml.js';
import type { WebhookClient } from './webhook.js';

/** One message as the phone receives it, measured as Twilio bills it. */
export interface PhoneMessage {
  readonly body: string;
  /** Characters (Unicode code points) in the body. */
  readonly chars: number;
  readonly encoding: SmsEncoding;
  readonly segments: number;
  readonly media: readonly string[];
}

export interface TextOptions extends Parties {
  /** The messaging webhook URL the number points at. */
  readonly url: string;
  readonly messagingServiceSid?: string;
}

/** A messaging <Redirect> loop ends here, as a call's turn cap does. */
const MAX_REDIRECTS = 10;

/**
 * Text `body` to the line as Twilio delivers an inbound SMS and return what the phone receives:
 * every <Message>, in order (following a <Redirect> with the same fields, as Twilio does).
 */
export async function sendText(send: WebhookClient, body: string, options: TextOptions): Promise<PhoneMessage[]> {
  const fields = smsFields({ ...options, body });
  const received: PhoneMessage[] = [];
  let url = options.url;
  for (let redirects = 0; ; redirects++) {
    const answer = await send({ url, method: 'POST', fields });
    const verbs = parseMessagingTwiml(answer.body);
    // verbs after a <Redirect> never run
    const redirectAt = verbs.findIndex((v) => v.verb === 'Redirect');
    for (const verb of redirectAt < 0 ? verbs : verbs.slice(0, redirectAt)) {
      if (verb.verb === 'Message') received.push(measureMessage(verb.body, verb.media));
    }
    const redirect = verbs[redirectAt];
    if (redirect?.verb !== 'Redirect') return received;
    if (redirects >= MAX_REDIRECTS) {
      throw new LineError('TOO_MANY_REQUESTS', `the SMS webhook redirected ${MAX_REDIRECTS} times (last to ${redirect.url})`, 'look for a <Redirect> loop.');
    }
    url = resolveUrl(redirect.url, url);
  }
}

/** A body exactly as received: its encoding and segments by Twilio's own segment calculator. */
export function measureMessage(body: string, media: readonly string[] = []): PhoneMessage {
  const measured = new SegmentedMessage(body);
  return { body, chars: measured.numberOfUnicodeScalars, encoding: measured.encodingName, segments: measured.segmentsCount, media };
}

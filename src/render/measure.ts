import { SegmentedMessage } from 'sms-segments-calculator';
import { toGsm7 } from './gsm.js';
import { splitMessage } from './split.js';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

/** How a text goes out by SMS, as Twilio's own segment calculator counts it. */
export interface SmsMeasure {
  /** Characters after GSM-7 normalisation. */
  readonly chars: number;
  /** The encoding the text as written would need. */
  readonly encodingBefore: SmsEncoding;
  /** The encoding after normalisation: what is sent. */
  readonly encoding: SmsEncoding;
  /** Segments billed: the sum over the parts sent, numbering included. */
  readonly segments: number;
  /** <Message> parts splitMessage makes of it. */
  readonly parts: number;
  /** Characters still outside GSM-7 after normalisation, each once. */
  readonly nonGsm: readonly string[];
}

/** Measure a text the way the SMS renderer sends it: normalised, then split. */
export function measureSms(text: string): SmsMeasure {
  const normal = toGsm7(text);
  const sent = new SegmentedMessage(normal);
  const parts = splitMessage(normal);
  return {
    chars: normal.length,
    encodingBefore: new SegmentedMessage(text).encodingName,
    encoding: sent.encodingName,
    segments: parts.reduce((sum, part) => sum + new SegmentedMessage(part).segmentsCount, 0),
    parts: parts.length,
    nonGsm: [...new Set(sent.getNonGsmCharacters())],
  };
}

import { createHash, randomBytes } from 'node:crypto';
import { SegmentedMessage } from 'sms-segments-calculator';

/** Form fields of one webhook request, as Twilio posts them. */
export type Fields = Readonly<Record<string, string>>;

/** The API version every Twilio webhook names. */
export const API_VERSION = '2010-04-01';

export const DEFAULT_FROM = '+15551234567';
export const DEFAULT_TO = '+15557654321';

/** A made-up but well-formed AccountSid, the same on every run (override with TWILIO_ACCOUNT_SID). */
export const SIMULATED_ACCOUNT_SID = `AC${createHash('sha1').update('faq-line-sim').digest('hex').slice(0, 32)}`;

/** A fresh SID with Twilio's shape: two letters and 32 hex digits. */
export function newSid(prefix: 'SM' | 'CA' | 'MG'): string {
  return prefix + randomBytes(16).toString('hex');
}

/** Who texts or calls whom, and from which account. */
export interface Parties {
  readonly from: string;
  readonly to: string;
  readonly accountSid: string;
}

interface Place {
  readonly city: string;
  readonly state: string;
  readonly zip: string;
  readonly country: string;
}

/** Where Twilio would place the default numbers (555 numbers are fictional; these are plausible). */
const KNOWN_PLACES: Readonly<Record<string, Place>> = {
  [DEFAULT_FROM]: { city: 'SAN FRANCISCO', state: 'CA', zip: '94105', country: 'US' },
  [DEFAULT_TO]: { city: 'OAKLAND', state: 'CA', zip: '94612', country: 'US' },
};

const COUNTRY_CODES: ReadonlyArray<readonly [string, string]> = [
  ['+1', 'US'],
  ['+44', 'GB'],
  ['+33', 'FR'],
  ['+49', 'DE'],
  ['+61', 'AU'],
  ['+91', 'IN'],
];

/** Twilio's lookup of a number: city, state and zip when it knows them (empty otherwise), and the country. */
function placeOf(number: string): Place {
  const known = KNOWN_PLACES[number];
  if (known) return known;
  const country = COUNTRY_CODES.find(([prefix]) => number.startsWith(prefix))?.[1] ?? '';
  return { city: '', state: '', zip: '', country };
}

/** The four location fields Twilio adds for one side of a message or call ("From" + "City" ...). */
function locationFields(side: string, number: string): Record<string, string> {
  const place = placeOf(number);
  return {
    [`${side}City`]: place.city,
    [`${side}State`]: place.state,
    [`${side}Zip`]: place.zip,
    [`${side}Country`]: place.country,
  };
}

export interface SmsFieldOptions extends Parties {
  readonly body: string;
  /** Set when the number belongs to a Messaging Service; Twilio then sends its SID. */
  readonly messagingServiceSid?: string;
  /** A new message's SID by default. */
  readonly messageSid?: string;
}

/** Every field Twilio posts for one inbound SMS (no media). */
export function smsFields(options: SmsFieldOptions): Fields {
  const sid = options.messageSid ?? newSid('SM');
  if (options.from.startsWith('whatsapp:')) return whatsappFields(options, sid);
  return {
    ...messageIds(options, sid),
    From: options.from,
    ...locationFields('From', options.from),
    To: options.to,
    ...locationFields('To', options.to),
    Body: options.body,
    NumMedia: '0',
    NumSegments: String(new SegmentedMessage(options.body).segmentsCount),
    SmsStatus: 'received',
    ApiVersion: API_VERSION,
  };
}

/**
 * What Twilio posts for an inbound WhatsApp message: the sender's profile name and WhatsApp ID
 * (`ProfileName`, `WaId`), no location fields, and one segment (WhatsApp has none).
 */
function whatsappFields(options: SmsFieldOptions, sid: string): Fields {
  return {
    ...messageIds(options, sid),
    From: options.from,
    To: options.to,
    Body: options.body,
    NumMedia: '0',
    NumSegments: '1',
    ProfileName: 'Simulated Texter',
    WaId: options.from.replace(/^whatsapp:\+?/, ''),
    SmsStatus: 'received',
    ApiVersion: API_VERSION,
  };
}

/** The SIDs an inbound message carries: its own (under all three names Twilio uses), the account's, the service's. */
function messageIds(options: SmsFieldOptions, sid: string): Fields {
  return {
    MessageSid: sid,
    SmsSid: sid,
    SmsMessageSid: sid,
    AccountSid: options.accountSid,
    ...(options.messagingServiceSid ? { MessagingServiceSid: options.messagingServiceSid } : {}),
  };
}

export interface CallFieldOptions extends Parties {
  /** A new call's SID by default. */
  readonly callSid?: string;
}

/**
 * The fields Twilio posts with every request of one inbound call. They stay the same through the
 * call except `CallStatus` (see `withCallStatus`).
 */
export function callFields(options: CallFieldOptions): Fields {
  return {
    AccountSid: options.accountSid,
    ApiVersion: API_VERSION,
    CallSid: options.callSid ?? newSid('CA'),
    CallStatus: 'ringing',
    Called: options.to,
    ...locationFields('Called', options.to),
    Caller: options.from,
    ...locationFields('Caller', options.from),
    Direction: 'inbound',
    From: options.from,
    ...locationFields('From', options.from),
    To: options.to,
    ...locationFields('To', options.to),
  };
}

/** `ringing` on the first request of a call, `in-progress` once the call is answered. */
export function withCallStatus(fields: Fields, status: 'ringing' | 'in-progress'): Fields {
  return { ...fields, CallStatus: status };
}

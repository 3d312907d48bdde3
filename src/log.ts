import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/** Keys whose values are phone numbers: masked wherever they are logged. */
const PHONE_KEYS = new Set(['from', 'caller']);

/** Secrets: never logged. Phone keys are listed too, so the censor can mask them. */
const REDACT_PATHS = [
  'twilioAuthToken',
  '*.twilioAuthToken',
  'authToken',
  '*.authToken',
  'signature',
  'req.headers["x-twilio-signature"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers["x-twilio-signature"]',
  'headers.authorization',
  'from',
  'From',
  'caller',
  'Caller',
  '*.from',
  '*.From',
  '*.caller',
  '*.Caller',
];

export interface LoggerOptions {
  readonly level: LogLevel;
}

/**
 * The line's one logger: JSON lines, secrets redacted, phone numbers masked.
 * `destination` is for tests; by default it writes to stdout.
 */
export function createLogger(options: LoggerOptions, destination?: DestinationStream): Logger {
  const settings = {
    level: options.level,
    timestamp: isoTime,
    redact: { paths: REDACT_PATHS, censor },
  };
  return pino(settings, destination ?? standardOutput());
}

let stdout: DestinationStream | undefined;

/**
 * Standard output, written asynchronously: lines that come while a write is under way go out
 * together in the next one, instead of one blocking system call per line. pino flushes what is
 * left when the process exits. One stream for every logger, so lines keep their order.
 */
function standardOutput(): DestinationStream {
  stdout ??= pino.destination({ dest: 1, sync: false });
  return stdout;
}

let lastMs = -1;
let lastTime = '';

/** pino's ISO time, formatted once per millisecond: under load many lines share one. */
function isoTime(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastTime = `,"time":"${new Date(now).toISOString()}"`;
  }
  return lastTime;
}

function censor(value: unknown, path: string[]): unknown {
  const key = path[path.length - 1]?.toLowerCase() ?? '';
  if (PHONE_KEYS.has(key)) return typeof value === 'string' ? maskPhone(value) : value;
  return '[redacted]';
}

/**
 * Mask a phone number for logs, keeping the country code (and a little more) and the last 3 digits:
 * +14155551567 -> +1415****567. A channel prefix ("whatsapp:") is kept. Anything that is not a
 * phone number, or is too short to mask usefully, becomes "[masked]".
 */
export function maskPhone(value: string): string {
  const m = /^([a-z]+:)?(\+?)(\d{8,15})$/i.exec(value.trim());
  if (!m) return value === '' ? '' : '[masked]';
  const [, prefix = '', plus, digits = ''] = m;
  return `${prefix}${plus}${digits.slice(0, 4)}${'*'.repeat(digits.length - 7)}${digits.slice(-3)}`;
}

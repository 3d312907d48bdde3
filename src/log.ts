import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/** Keys whose values are phone numbers: masked wherever they are logged. */
const PHONE_KEYS = new Set(['from', 'caller']);

/**
 * Secrets: never logged. Phone keys are listed too, so the censor can mask them. No wildcard paths:
 * pino runs a `*.key` path's redactor over every field of every line, which made a log line cost
 * twice as much (20 µs against 9 µs); one level down is `maskNested`'s.
 */
const REDACT_PATHS = [
  'twilioAuthToken',
  'authToken',
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
];

/** The keys masked one level down too, in any field that holds an object: `{ body: { From } }`. */
const NESTED_KEYS = new Set(['twilioAuthToken', 'authToken', 'from', 'From', 'caller', 'Caller']);

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
    formatters: { log: maskNested },
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

/**
 * Call `done` once standard output has written every line given to it (at once if it has). pino's
 * `logger.flush(cb)` does not wait (its stream has no minimum length, so it calls back at once), and
 * exiting with a write in flight lets pino's exit hook write the later lines first. Never calls back
 * while stdout cannot take more (closed or full): pair it with a timeout and abandonStandardOutput.
 */
export function whenStandardOutputWritten(done: () => void): void {
  // SonicBoom's own state: a write in flight, or bytes waiting for one; 'drain' once both are done
  const stream = stdout as unknown as { _writing?: unknown; _len?: unknown; once(event: 'drain', listener: () => void): void } | undefined;
  if (!stream || (stream._writing !== true && !stream._len)) {
    done();
    return;
  }
  stream.once('drain', done);
}

/**
 * Give up on standard output: what is still buffered is dropped and nothing more is written. For an
 * exit that cannot wait any longer with stdout closed or full (its reader stopped reading): pino's exit
 * hook flushes synchronously and retries a full pipe forever, so without this the process never exits.
 * (pino does the same itself when the pipe is broken, EPIPE.)
 */
export function abandonStandardOutput(): void {
  if (!stdout) return;
  const stream = stdout as unknown as { write: () => boolean; flush: (cb?: () => void) => void; flushSync: () => void };
  stream.write = () => true;
  stream.flush = (cb) => void (cb && process.nextTick(cb));
  stream.flushSync = () => undefined;
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

/**
 * The logged object with NESTED_KEYS censored in its fields that are objects, copied only where one
 * is found (the caller's objects are never changed). A flat line costs a typeof per field.
 */
function maskNested(obj: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const key in obj) {
    const value = obj[key];
    if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Error) continue;
    let copy: Record<string, unknown> | undefined;
    for (const inner in value) {
      if (!NESTED_KEYS.has(inner)) continue;
      copy ??= { ...(value as Record<string, unknown>) };
      copy[inner] = censor(copy[inner], [key, inner]);
    }
    if (copy) (out ??= { ...obj })[key] = copy;
  }
  return out ?? obj;
}

function censor(value: unknown, path: string[]): unknown {
  const key = path[path.length - 1]?.toLowerCase() ?? '';
  if (PHONE_KEYS.has(key)) return typeof value === 'string' ? maskPhone(value) : value;
  return '[redacted]';
}

/**
 * Mask a phone number for logs, keeping only its last 4 digits: +14155551567 -> +*******1567. A channel
 * prefix ("whatsapp:") is kept. Anything that is not a phone number, or is too short to mask usefully,
 * becomes "[masked]".
 */
export function maskPhone(value: string): string {
  const m = /^([a-z]+:)?(\+?)(\d{8,15})$/i.exec(value.trim());
  if (!m) return value === '' ? '' : '[masked]';
  const [, prefix = '', plus, digits = ''] = m;
  return `${prefix}${plus}${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

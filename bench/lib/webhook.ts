import { join } from 'node:path';
import type { BenchOptions, WebhookResult } from './case.js';
import { hammer, type FormRequest } from './load.js';
import type { Running } from './server.js';
import { BENCH_PUBLIC_URL, BENCH_TOKEN, signedForm } from './sign.js';

/**
 * `pool[i mod P]` behind `OPENING[i mod 7]`: with P not a multiple of 7, the first 7P requests all
 * carry different texts (about 35,000 for a pool of 5,000).
 */
const OPENING = ['', 'hey ', 'ok ', 'so ', 'um ', 'hi there, ', 'quick one: '] as const;

export interface TextStream {
  next(): string;
  readonly distinct: number;
}

export function textStream(pool: readonly string[]): TextStream {
  const p = pool.length % OPENING.length === 0 ? pool.length - 1 : pool.length;
  if (p < 1) throw new RangeError('empty question pool');
  let i = 0;
  return {
    next: () => {
      const text = `${OPENING[i % OPENING.length] ?? ''}${pool[i % p] ?? ''}`;
      i++;
      return text;
    },
    distinct: p * OPENING.length,
  };
}

/** The fields Twilio posts for an inbound SMS (a realistic set: the signature covers all of them). */
export function smsFields(n: number, body: string): Record<string, string> {
  return {
    ToCountry: 'US', ToState: 'CA', SmsMessageSid: sid('SM', n), NumMedia: '0', ToCity: 'SAN FRANCISCO', FromZip: '94105',
    SmsSid: sid('SM', n), FromState: 'CA', SmsStatus: 'received', FromCity: 'SAN FRANCISCO', Body: body, FromCountry: 'US',
    To: '+14155550100', ToZip: '94105', NumSegments: '1', MessageSid: sid('SM', n), AccountSid: sid('AC', 1),
    From: `+1415${String(5_000_000 + (n % 4_999_999)).padStart(7, '0')}`, ApiVersion: '2010-04-01',
  };
}

/** The fields Twilio posts to a voice webhook; `extra` adds SpeechResult and the like. */
export function voiceFields(n: number, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    AccountSid: sid('AC', 1), ApiVersion: '2010-04-01', CallSid: sid('CA', n), CallStatus: 'in-progress', Called: '+14155550100',
    Caller: `+1415${String(5_000_000 + (n % 4_999_999)).padStart(7, '0')}`, Direction: 'inbound', From: `+1415${String(5_000_000 + (n % 4_999_999)).padStart(7, '0')}`,
    To: '+14155550100', ...extra,
  };
}

/** A 34-character Twilio SID: prefix + 32 hex digits. */
export function sid(prefix: string, n: number): string {
  return prefix + n.toString(16).padStart(32, '0');
}

/** Signed SMS webhook posts to `path`, each with the next text of the stream. */
export function smsRequests(path: string, texts: TextStream): () => FormRequest {
  let n = 0;
  return () => {
    const { body, headers } = signedForm(path, smsFields(++n, texts.next()));
    return { path, body, headers };
  };
}

/** Warm the server up, then measure it; CPU time is read around the measured load, memory after it. */
export async function measureWebhook(
  name: string,
  route: string,
  server: Running,
  next: () => FormRequest,
  options: BenchOptions,
  profileName: string,
  distinct?: number,
): Promise<WebhookResult> {
  if (options.warmupSeconds > 0) await hammer({ url: server.url, connections: options.connections, seconds: options.warmupSeconds, next });
  const loadStartedUs = Number(process.hrtime.bigint() / 1000n);
  const cpuBefore = server.cpuMs();
  const r = await hammer({ url: server.url, connections: options.connections, seconds: options.seconds, next });
  const loadEndedUs = Number(process.hrtime.bigint() / 1000n);
  const cpuUsPerRequest = ((server.cpuMs() - cpuBefore) * 1000) / r.responses;
  const mem = server.memory();
  return {
    kind: 'webhook',
    name,
    route,
    ...r,
    cpuUsPerRequest,
    loadStartedUs,
    loadEndedUs,
    ...(options.profileDir ? { profile: profileName } : {}),
    ...(distinct === undefined ? {} : { distinct }),
    ...(mem ? { rssMb: mem.rssMb, peakRssMb: mem.peakMb } : {}),
  };
}

/** The environment the real line runs with under load: production, signatures checked, info logs. */
export function appEnv(): Record<string, string> {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    LOG_UTTERANCES: 'true',
    TWILIO_AUTH_TOKEN: BENCH_TOKEN,
    PUBLIC_URL: BENCH_PUBLIC_URL,
    // V8 flags to try on the line only (say --max-semi-space-size=2), not on the load generator.
    ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
  };
}

/** node arguments to run the built line, with a CPU profile when asked. */
export function appArgs(options: BenchOptions, name: string): string[] {
  // BENCH_NODE_ARGS: V8 flags NODE_OPTIONS does not allow (--heap-growing-percent=30), for the line only
  const extra = process.env.BENCH_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  return [...extra, ...profileArgs(options, name), 'dist/src/main.js'];
}

/** Sampling interval of the CPU profiles, µs (V8's default is 1,000): enough samples to split a request into its parts. */
export const PROFILE_INTERVAL_US = 250;

/** node arguments that write a CPU profile of the process to the profile folder, if there is one. */
export function profileArgs(options: BenchOptions, name: string): string[] {
  // One folder per server: a loader's worker thread (tsx) writes a profile of its own there too.
  return options.profileDir ? ['--cpu-prof', `--cpu-prof-interval=${PROFILE_INTERVAL_US}`, `--cpu-prof-dir=${join(options.profileDir, name)}`] : [];
}

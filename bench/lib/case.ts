import type { LoadResult } from './load.js';

/** What the runner tells each case (through BENCH_OPTIONS), and what a case reports back. */
export interface BenchOptions {
  readonly quick: boolean;
  /** Seconds each measured load runs. */
  readonly seconds: number;
  /** Seconds of load before measuring, not counted. */
  readonly warmupSeconds: number;
  readonly connections: number;
  /** When set, servers under load run with --cpu-prof and write their profile here. */
  readonly profileDir?: string;
}

export interface WebhookResult extends LoadResult {
  readonly kind: 'webhook';
  readonly name: string;
  /** What the row is: the line (held to the targets, the default) or a yardstick it is compared with. */
  readonly role?: 'line' | 'bare' | 'fixed-reply';
  readonly route: string;
  /** CPU time the server process used per answered request, µs: steadier than req/s on a busy machine. */
  readonly cpuUsPerRequest: number;
  /** Distinct questions sent. */
  readonly distinct?: number;
  /** When the measured load began, µs on the monotonic clock CPU profiles use (to leave out start and warm-up). */
  readonly loadStartedUs: number;
  /** When it ended, on the same clock. */
  readonly loadEndedUs: number;
  /** The folder name of the server's CPU profile, when profiled. */
  readonly profile?: string;
  readonly rssMb?: number;
  readonly peakRssMb?: number;
  /** Resident memory once the server has been idle `settledAfterS` seconds after the load (V8 gives back the heap it grew). */
  readonly settledRssMb?: number;
  readonly settledAfterS?: number;
  readonly note?: string;
}

export interface SkippedResult {
  readonly kind: 'skipped';
  readonly name: string;
  readonly reason: string;
}

export interface ClassifyResult {
  readonly kind: 'classify';
  readonly faq: string;
  readonly entries: number;
  readonly phrasings: number;
  /** Importing the line and its NLU (wink-nlp and its English model) in a fresh process. */
  readonly nluLoadMs: number;
  /** Parse and validate (buildFaq). */
  readonly loadMs: number;
  /** createClassifier: the analyzer (vocabulary, speller) and the inverted indexes. */
  readonly indexMs: number;
  readonly questions: number;
  readonly medianUs: number;
  readonly p99Us: number;
  readonly meanUs: number;
  /** Share of the questions answered (accepted). */
  readonly answered: number;
  /** Median of the whole text turn: dialog + classifier + SMS TwiML. */
  readonly replyMedianUs: number;
}

export interface StartupResult {
  readonly kind: 'startup';
  readonly runs: number;
  /** Median ms from spawn to the "listening" log line. */
  readonly listeningMs: number;
  /** Median ms from spawn to the first answered, signed POST /sms. */
  readonly firstAnswerMs: number;
  readonly rssIdleMb: number;
}

export interface ImportsResult {
  readonly kind: 'imports';
  /** Cold import time of each module in a fresh process, ms. */
  readonly modules: readonly { readonly name: string; readonly ms: number; readonly rssMb: number }[];
  /** Files of twilio/lib/rest loaded by importing what main.ts imports. */
  readonly restClientFiles: number;
  readonly twilioFiles: number;
}

export interface HotPathResult {
  readonly kind: 'hot-path';
  readonly questions: number;
  readonly stages: readonly { readonly name: string; readonly medianUs: number; readonly meanUs: number }[];
}

export type CaseResult = WebhookResult | SkippedResult | ClassifyResult | StartupResult | ImportsResult | HotPathResult;

const DEFAULTS: BenchOptions = { quick: false, seconds: 10, warmupSeconds: 3, connections: 16 };

/** The options the runner passed, or the defaults when a case runs on its own. */
export function benchOptions(): BenchOptions {
  const raw = process.env.BENCH_OPTIONS;
  if (!raw) return process.argv.includes('--quick') ? { ...DEFAULTS, quick: true, seconds: 2, warmupSeconds: 1 } : DEFAULTS;
  return { ...DEFAULTS, ...(JSON.parse(raw) as Partial<BenchOptions>) };
}

/** Hand results to the runner (IPC), or print them when the case runs on its own. */
export function report(...results: CaseResult[]): void {
  if (process.send) process.send({ results });
  else console.log(JSON.stringify(results, null, 2));
}

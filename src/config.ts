import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LineError } from './errors.js';

/** Everything the line reads from its environment, validated once and frozen. */
export interface Config {
  readonly port: number;
  /** 127.0.0.1 in local mode (no token) unless HOST is set; 0.0.0.0 with a token. */
  readonly host: string;
  /** Absolute path of the FAQ's main file (FAQ_FILE); the files beside it are read with it (faq/files.ts). */
  readonly faqFile: string;
  /** Without it the line runs in local mode: signatures are not checked. */
  readonly twilioAuthToken: string | undefined;
  /** The public base URL Twilio calls (no trailing slash); signatures are checked against it + the path. */
  readonly publicUrl: string | undefined;
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly logLevel: LogLevel;
  /** False keeps message text out of the logs. */
  readonly logUtterances: boolean;
  /** Largest accepted request body, in the `bytes` format body-parser reads ("64kb", "1mb"). */
  readonly bodyLimit: string;
  /** SMS messages answered per sender (From) per minute, per instance; 0 turns the limit off. */
  readonly rateLimitPerMinute: number;
  /** Reload the FAQ when its file changes (SIGHUP reloads it either way). */
  readonly faqWatch: boolean;
  /** Language the voice line speaks and listens in (<Say> and <Gather language>). */
  readonly voiceLanguage: string;
  /** The <Say> voice: a Polly neural voice by default. */
  readonly voiceName: string;
  /** Turns one call may take after the greeting; then the line says goodbye and hangs up. */
  readonly voiceMaxTurns: number;
  /** Transcripts below this speech Confidence (0..1) are treated as not understood; 0 trusts them all. */
  readonly voiceMinConfidence: number;
  /** For "text me that" by REST: the account SID, with the auth token or an API key and secret. */
  readonly twilioAccountSid: string | undefined;
  readonly twilioApiKey: string | undefined;
  readonly twilioApiSecret: string | undefined;
  /** Turns on the operator's console at /console, behind this token (local mode has it on, loopback only). */
  readonly consoleToken: string | undefined;
  /** How long a client may take to send a request's headers, the whole request, and how long an idle keep-alive connection stays open. */
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  /** Connections open at once; past it new ones are closed at once. 0: no cap. */
  readonly maxConnections: number;
  /** How long a shutdown waits for requests in flight before closing them and exiting 1. */
  readonly shutdownTimeoutMs: number;
  /** Largest file of the FAQ accepted, in bytes, each file on its own. */
  readonly faqMaxBytes: number;
  /** Absolute folder where the classifier's built index is kept between starts; undefined (MODEL_CACHE_DIR=off): not kept. */
  readonly modelCacheDir: string | undefined;
  /** With it the per-sender limit is counted in this Redis, shared by every instance. */
  readonly redisUrl: string | undefined;
  /** With it /metrics is served on this port only, not on the webhook port. */
  readonly metricsPort: number | undefined;
  /** With it /metrics needs Authorization: Bearer <token>. */
  readonly metricsToken: string | undefined;
  /** A person's number (E.164): callers who ask for a person are connected to it, texters given it. Off without it. */
  readonly handoffNumber: string | undefined;
}

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** The folder holding package.json, found from this module (src/ under tsx, dist/src/ once built). */
export const projectRoot: string = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

const port = 'must be a port number from 0 to 65535';
const rate = 'must be a whole number of messages from 0 (no limit) to 10000';
const turns = 'must be a whole number of turns from 3 to 200';
const confidence = 'must be a number from 0 to 1';

/** The largest BODY_LIMIT accepted: Twilio's webhooks are a few kilobytes. */
export const MAX_BODY_LIMIT_BYTES = 1024 * 1024;

/** A whole number of milliseconds from `min` to `max`. */
function millis(min: number, max: number, fallback: number) {
  const message = `must be a whole number of milliseconds from ${min} to ${max}`;
  return z.coerce.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message }).default(fallback);
}

/** A size such as 64kb or 1mb, in bytes, at most `max`. */
function size(max: number, fallback: string) {
  const message = `must be a size such as 64kb or 1mb, at most ${max / 1024 / 1024}mb`;
  return z
    .string()
    .trim()
    .default(fallback)
    .transform((value, ctx) => {
      const bytes = parseSize(value);
      if (bytes === undefined || bytes < 1 || bytes > max) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return { text: value, bytes };
    });
}

/** "64kb" -> 65536; undefined when it is not a size. */
export function parseSize(value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb)?$/i.exec(value);
  if (!m) return undefined;
  const unit = { b: 1, kb: 1024, mb: 1024 * 1024 }[(m[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb'];
  return Math.floor(Number(m[1]) * unit);
}

const envSchema = z.object({
  PORT: z.coerce.number({ error: port }).int({ error: port }).min(0, { error: port }).max(65535, { error: port }).default(3000),
  HOST: z.string().trim().min(1).optional(),
  FAQ_FILE: z.string().trim().min(1).default('faq-data/faq.yaml'),
  TWILIO_AUTH_TOKEN: z.string().trim().min(1).optional(),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://abc.ngrok.app' })
    .refine((u) => !/[?#]/.test(u), 'must not have a query or fragment')
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  LOG_UTTERANCES: z.enum(['true', 'false']).default('true'),
  BODY_LIMIT: size(MAX_BODY_LIMIT_BYTES, '64kb'),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ error: rate })
    .int({ error: rate })
    .min(0, { error: rate })
    .max(10_000, { error: rate })
    .default(10),
  FAQ_WATCH: z.enum(['true', 'false']).default('false'),
  VOICE_LANGUAGE: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/, 'must be a language tag such as en-US or en-GB')
    .default('en-US'),
  VOICE_NAME: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9.-]+$/, 'must be a Twilio voice name such as Polly.Joanna-Neural or alice')
    .default('Polly.Joanna-Neural'),
  VOICE_MAX_TURNS: z.coerce.number({ error: turns }).int({ error: turns }).min(3, { error: turns }).max(200, { error: turns }).default(20),
  VOICE_MIN_CONFIDENCE: z.coerce.number({ error: confidence }).min(0, { error: confidence }).max(1, { error: confidence }).default(0.3),
  TWILIO_ACCOUNT_SID: z.string().trim().regex(/^AC[0-9a-fA-F]{32}$/, 'must be an account SID: AC and 32 hex digits').optional(),
  TWILIO_API_KEY: z.string().trim().regex(/^SK[0-9a-fA-F]{32}$/, 'must be an API key SID: SK and 32 hex digits').optional(),
  TWILIO_API_SECRET: z.string().trim().min(1).optional(),
  CONSOLE_TOKEN: z.string().trim().min(16, 'must be at least 16 characters (openssl rand -hex 16 makes one)').optional(),
  HEADERS_TIMEOUT_MS: millis(1000, 120_000, 10_000),
  REQUEST_TIMEOUT_MS: millis(1000, 300_000, 30_000),
  KEEP_ALIVE_TIMEOUT_MS: millis(1000, 300_000, 5_000),
  MAX_CONNECTIONS: z.coerce
    .number({ error: 'must be a whole number of connections from 0 (no cap) to 1000000' })
    .int({ error: 'must be a whole number of connections from 0 (no cap) to 1000000' })
    .min(0, { error: 'must be a whole number of connections from 0 (no cap) to 1000000' })
    .max(1_000_000, { error: 'must be a whole number of connections from 0 (no cap) to 1000000' })
    .default(1000),
  SHUTDOWN_TIMEOUT_MS: millis(1000, 120_000, 10_000),
  FAQ_MAX_SIZE: size(64 * 1024 * 1024, '2mb'),
  MODEL_CACHE_DIR: z.string().trim().min(1).default('.cache/models'),
  METRICS_PORT: z.coerce.number({ error: port }).int({ error: port }).min(0, { error: port }).max(65535, { error: port }).optional(),
  METRICS_TOKEN: z.string().trim().min(16, 'must be at least 16 characters (openssl rand -hex 16 makes one)').optional(),
  HANDOFF_NUMBER: z
    .string()
    .trim()
    .regex(/^\+[1-9]\d{6,14}$/, 'must be a phone number in E.164 format, such as +14155550100')
    .optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379' }).optional(),
});

/** Read and validate the configuration. Throws LineError('CONFIG_INVALID') naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      // the value is never echoed: it may be a secret pasted into the wrong variable
      return `${String(issue.path[0] ?? 'environment')}: ${issue.message}`;
    });
    throw new LineError('CONFIG_INVALID', problems.join('; '), 'see .env.example for every variable and its format');
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && e.TWILIO_AUTH_TOKEN === undefined) {
    throw new LineError(
      'CONFIG_INVALID',
      'TWILIO_AUTH_TOKEN is required when NODE_ENV=production (without it anyone could post to the webhook)',
      'set TWILIO_AUTH_TOKEN to the auth token of the Twilio account (Console > Account info)',
    );
  }
  if ((e.TWILIO_API_KEY === undefined) !== (e.TWILIO_API_SECRET === undefined) || (e.TWILIO_API_KEY && !e.TWILIO_ACCOUNT_SID)) {
    throw new LineError(
      'CONFIG_INVALID',
      'TWILIO_API_KEY and TWILIO_API_SECRET go together, with TWILIO_ACCOUNT_SID (the REST client needs all three)',
      'set all three (Console > Account > API keys), or none and use TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN',
    );
  }
  if (e.HEADERS_TIMEOUT_MS > e.REQUEST_TIMEOUT_MS) {
    throw new LineError('CONFIG_INVALID', 'HEADERS_TIMEOUT_MS must not be longer than REQUEST_TIMEOUT_MS', 'the headers are part of the request: shorten HEADERS_TIMEOUT_MS or lengthen REQUEST_TIMEOUT_MS');
  }
  return Object.freeze({
    port: e.PORT,
    // local mode accepts unsigned requests: keep it to this machine unless HOST says otherwise
    host: e.HOST ?? (e.TWILIO_AUTH_TOKEN === undefined ? '127.0.0.1' : '0.0.0.0'),
    faqFile: isAbsolute(e.FAQ_FILE) ? e.FAQ_FILE : resolve(projectRoot, e.FAQ_FILE),
    twilioAuthToken: e.TWILIO_AUTH_TOKEN,
    publicUrl: e.PUBLIC_URL,
    nodeEnv: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    logUtterances: e.LOG_UTTERANCES === 'true',
    bodyLimit: e.BODY_LIMIT.text,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    faqWatch: e.FAQ_WATCH === 'true',
    voiceLanguage: e.VOICE_LANGUAGE,
    voiceName: e.VOICE_NAME,
    voiceMaxTurns: e.VOICE_MAX_TURNS,
    voiceMinConfidence: e.VOICE_MIN_CONFIDENCE,
    twilioAccountSid: e.TWILIO_ACCOUNT_SID,
    twilioApiKey: e.TWILIO_API_KEY,
    twilioApiSecret: e.TWILIO_API_SECRET,
    consoleToken: e.CONSOLE_TOKEN,
    headersTimeoutMs: e.HEADERS_TIMEOUT_MS,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    keepAliveTimeoutMs: e.KEEP_ALIVE_TIMEOUT_MS,
    maxConnections: e.MAX_CONNECTIONS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    faqMaxBytes: e.FAQ_MAX_SIZE.bytes,
    modelCacheDir: e.MODEL_CACHE_DIR === 'off' ? undefined : isAbsolute(e.MODEL_CACHE_DIR) ? e.MODEL_CACHE_DIR : resolve(projectRoot, e.MODEL_CACHE_DIR),
    redisUrl: e.REDIS_URL,
    metricsPort: e.METRICS_PORT,
    metricsToken: e.METRICS_TOKEN,
    handoffNumber: e.HANDOFF_NUMBER,
  });
}

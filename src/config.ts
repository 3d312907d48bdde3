import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LineError } from './errors.js';

/** Everything the line reads from its environment, validated once and frozen. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Absolute path of the FAQ data file. */
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

const envSchema = z.object({
  PORT: z.coerce.number({ error: port }).int({ error: port }).min(0, { error: port }).max(65535, { error: port }).default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
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
  BODY_LIMIT: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?\s*(b|kb|mb)?$/i, 'must be a size such as 64kb or 1mb')
    .default('64kb'),
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
});

/** Read and validate the configuration. Throws LineError('CONFIG_INVALID') naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const got = present[name];
      return `${name}: ${issue.message}${got === undefined ? '' : ` (got "${got}")`}`;
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
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    faqFile: isAbsolute(e.FAQ_FILE) ? e.FAQ_FILE : resolve(projectRoot, e.FAQ_FILE),
    twilioAuthToken: e.TWILIO_AUTH_TOKEN,
    publicUrl: e.PUBLIC_URL,
    nodeEnv: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    logUtterances: e.LOG_UTTERANCES === 'true',
    bodyLimit: e.BODY_LIMIT,
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
  });
}

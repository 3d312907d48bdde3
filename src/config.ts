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
  });
}

import type { Express } from 'express';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Faq } from '../../src/faq/model.js';
import { loadFaq } from '../../src/faq/load.js';
import { createLine, type Line } from '../../src/line.js';
import { createLogger } from '../../src/log.js';

let loaded: Promise<Line> | undefined;

/** The line built from the real faq-data/faq.yaml, loaded once per test file. */
export function realLine(): Promise<Line> {
  loaded ??= loadFaq(loadConfig({}).faqFile).then((faq: Faq) => createLine(faq));
  return loaded;
}

export interface TestApp {
  readonly app: Express;
  /** The line the app answers with (at the time the app was built, if it was given a getter). */
  readonly line: Line;
  /** Every log line the app wrote, parsed. */
  readonly logs: Record<string, unknown>[];
}

/**
 * The app with the given environment (local mode unless it sets TWILIO_AUTH_TOKEN) and its log
 * captured in memory, answering with `line` (a Line or a getter), by default the real FAQ's line.
 */
export async function testApp(env: Readonly<Record<string, string>> = {}, line?: Line | (() => Line)): Promise<TestApp> {
  // no per-sender limit unless a test asks for one: tests text many messages from one number
  const config = loadConfig({ NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '0', ...env });
  const fromFile = await realLine();
  const current = typeof line === 'function' ? line : () => line ?? fromFile;
  const logs: Record<string, unknown>[] = [];
  const sink = { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) };
  const logger = createLogger({ level: config.logLevel }, sink);
  return { app: createApp({ config, line: current, logger }), line: current(), logs };
}

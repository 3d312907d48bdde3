import type { Express } from 'express';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Line } from '../../src/line.js';
import { createLogger } from '../../src/log.js';
import { createReadiness, type Readiness } from '../../src/ops/health.js';
import { createMetrics, type Metrics } from '../../src/ops/metrics.js';
import { realLine } from '../helpers/app.js';

export interface OpsApp {
  readonly app: Express;
  readonly metrics: Metrics;
  readonly readiness: Readiness;
  readonly logs: Record<string, unknown>[];
}

/** An app with its metrics and readiness in reach, its log captured; the real FAQ's line unless given one. */
export async function opsApp(env: Readonly<Record<string, string>> = {}, line?: () => Line): Promise<OpsApp> {
  const config = loadConfig({ NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '0', ...env });
  const real = await realLine();
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({ level: config.logLevel }, { write: (l: string) => void logs.push(JSON.parse(l) as Record<string, unknown>) });
  const metrics = createMetrics();
  const readiness = createReadiness();
  const app = createApp({ config, line: line ?? (() => real), logger, metrics, readiness });
  return { app, metrics, readiness, logs };
}

/** The value of one sample in Prometheus text, e.g. sample(text, 'faq_line_requests_total{channel="sms",outcome="answered"}'). */
export function sample(text: string, series: string): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith(`${series} `)) return Number(line.slice(series.length + 1));
  }
  return undefined;
}

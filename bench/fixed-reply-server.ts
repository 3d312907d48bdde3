/**
 * The line with its understanding taken out: the real app (signature check, form checks, rate limit,
 * metrics, log line, TwiML) in production settings, but every message gets the first entry's answer
 * without being read. Between the bare endpoint and the line, it shows what the HTTP side of the line
 * costs and what understanding costs. Run by fixed-reply.bench.ts in its own process.
 */
import { createServer } from 'node:http';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { loadFaq } from '../src/faq/load.js';
import { createLine, type Line } from '../src/line.js';
import { createLogger } from '../src/log.js';
import { createMetrics } from '../src/ops/metrics.js';

const config = loadConfig();
const faq = await loadFaq(config.faqFile);
const entry = faq.entries[0];
if (!entry) throw new Error(`${config.faqFile} has no entries`);
// the real line's voice side and renderers, with a reply that reads nothing
const line: Line = { ...createLine(faq), reply: () => ({ kind: 'answer', entry, score: 1 }) };
const app = createApp({ config, line: () => line, logger: createLogger({ level: config.logLevel }), metrics: createMetrics({ processMetrics: true }) });
const server = createServer(app).listen(config.port, config.host);
process.once('SIGTERM', () => server.close(() => process.exit(0)));

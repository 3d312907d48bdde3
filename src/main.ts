import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { consoleUrl } from './console/index.js';
import { LineError } from './errors.js';
import { createLogger, type Logger } from './log.js';
import { createReadiness } from './ops/health.js';
import { createMetrics } from './ops/metrics.js';
import { createFaqReloader } from './ops/reload.js';
import { drain } from './ops/shutdown.js';

/** How long a shutdown waits for requests in flight before closing their connections. */
const SHUTDOWN_MS = 10_000;

/** Start the line: config -> FAQ -> line -> app -> listen. The only place that opens a port. */
async function main(): Promise<void> {
  let logger = createLogger({ level: 'info' });
  try {
    const config = loadConfig();
    logger = createLogger({ level: config.logLevel });
    const metrics = createMetrics({ processMetrics: true });
    const reloader = await createFaqReloader({ file: config.faqFile, logger, onLoad: metrics.faqLoaded });
    const { faq } = reloader.current();
    logger.info({ faqFile: config.faqFile, entries: faq.entries.length, topics: faq.topics.length }, 'FAQ loaded');
    const readiness = createReadiness();
    const app = createApp({ config, line: reloader.current, logger, metrics, readiness });
    const server = createServer(app);
    await listen(server, config.port, config.host);
    const { port } = server.address() as AddressInfo;
    const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    logger.info({ url: `http://${shown}:${port}`, host: config.host, port }, `listening on http://${shown}:${port}`);
    const operator = consoleUrl(config, port);
    if (operator) logger.info({ console: operator }, `operator console on ${operator}${config.consoleToken ? '' : ' (local mode: this machine only)'}`);
    process.on('SIGHUP', () => void reloader.reload('SIGHUP'));
    if (config.faqWatch) reloader.watch();
    closeOnSignals(server, logger, () => {
      readiness.draining = true;
      reloader.close();
    });
  } catch (err) {
    if (err instanceof LineError) logger.fatal({ code: err.code }, err.describe());
    else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') logger.fatal(`${(err as Error).message}\n  hint: stop the other server or set PORT`);
    else logger.fatal({ err }, 'the line could not start');
    process.exit(1);
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** On SIGTERM or SIGINT: stop accepting, let requests in flight finish, exit 0 (or 1 after SHUTDOWN_MS). */
function closeOnSignals(server: Server, logger: Logger, stopping: () => void): void {
  let closing = false;
  const close = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: no new requests, finishing those in flight');
    stopping();
    void drain(server, { timeoutMs: SHUTDOWN_MS, logger }).then((finished) => {
      if (finished) logger.info('stopped');
      process.exit(finished ? 0 : 1);
    });
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}

await main();

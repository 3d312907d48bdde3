import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { LineError } from './errors.js';
import { loadFaq } from './faq/load.js';
import { createLine } from './line.js';
import { createLogger, type Logger } from './log.js';

/** How long a shutdown waits for requests in flight before closing their connections. */
const SHUTDOWN_MS = 10_000;

/** Start the line: config -> FAQ -> line -> app -> listen. The only place that opens a port. */
async function main(): Promise<void> {
  let logger = createLogger({ level: 'info' });
  try {
    const config = loadConfig();
    logger = createLogger({ level: config.logLevel });
    const faq = await loadFaq(config.faqFile);
    const line = createLine(faq);
    logger.info({ faqFile: config.faqFile, entries: faq.entries.length, topics: faq.topics.length }, 'FAQ loaded');
    const app = createApp({ config, line: () => line, logger });
    const server = createServer(app);
    await listen(server, config.port, config.host);
    const { port } = server.address() as AddressInfo;
    const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    logger.info({ url: `http://${shown}:${port}`, host: config.host, port }, `listening on http://${shown}:${port}`);
    closeOnSignals(server, logger);
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
function closeOnSignals(server: Server, logger: Logger): void {
  let closing = false;
  const close = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: no new requests, finishing those in flight');
    const timer = setTimeout(() => {
      logger.warn({ afterMs: SHUTDOWN_MS }, 'requests still in flight; closing their connections');
      server.closeAllConnections();
      process.exit(1);
    }, SHUTDOWN_MS);
    timer.unref();
    // keep-alive connections go idle once their request is answered: close them as they do
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    server.close(() => {
      clearTimeout(timer);
      clearInterval(sweep);
      logger.info('stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}

await main();

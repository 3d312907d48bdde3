import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { consoleUrl } from './console/index.js';
import { LineError } from './errors.js';
import { abandonStandardOutput, createLogger, whenStandardOutputWritten, type Logger } from './log.js';
import { createReadiness } from './ops/health.js';
import { createMetrics } from './ops/metrics.js';
import { createFaqReloader } from './ops/reload.js';
import { startedByNpm, watchParent } from './ops/parent.js';
import { createRateLimiter } from './ops/rate-limit.js';
import { createMetricsApp } from './ops/metrics-access.js';
import { createLimitedServer } from './ops/server.js';
import { drain } from './ops/shutdown.js';

/** Start the line: config -> FAQ -> line -> app -> listen. The only place that opens a port. */
async function main(): Promise<void> {
  let logger = createLogger({ level: 'info' });
  try {
    const config = loadConfig();
    logger = createLogger({ level: config.logLevel });
    const metrics = createMetrics({ processMetrics: true });
    const reloader = await createFaqReloader({ file: config.faqFile, logger, onLoad: metrics.faqLoaded, maxBytes: config.faqMaxBytes, ...(config.modelCacheDir ? { modelCacheDir: config.modelCacheDir } : {}) });
    const { faq } = reloader.current();
    logger.info({ faqFile: config.faqFile, entries: faq.entries.length, topics: faq.topics.length }, 'FAQ loaded');
    const readiness = createReadiness();
    // ioredis and rate-limiter-flexible are loaded only for a shared limit: most lines never need them
    const rateLimiter = config.redisUrl && config.rateLimitPerMinute > 0
      ? (await import('./ops/shared-limit.js')).createSharedLimiter({
          redisUrl: config.redisUrl,
          perMinute: config.rateLimitPerMinute,
          fallback: createRateLimiter({ perMinute: config.rateLimitPerMinute }),
          logger,
          onStoreError: () => metrics.storeError('redis'),
        })
      : undefined;
    const app = createApp({ config, line: reloader.current, logger, metrics, readiness, ...(rateLimiter ? { rateLimiter } : {}) });
    const server = createLimitedServer(app, config);
    await listen(server, config.port, config.host);
    if (config.metricsPort !== undefined) {
      const metricsServer = createLimitedServer(createMetricsApp(metrics, config.metricsToken), config);
      await listen(metricsServer, config.metricsPort, config.host);
      metricsServer.unref();
      logger.info({ metricsPort: (metricsServer.address() as AddressInfo).port }, 'metrics on their own port');
    }
    const { port } = server.address() as AddressInfo;
    const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    logger.info({ url: `http://${shown}:${port}`, host: config.host, port }, `listening on http://${shown}:${port}`);
    const operator = consoleUrl(config, port);
    if (operator) logger.info({ console: operator }, `operator console on ${operator}${config.consoleToken ? '' : ' (local mode: this machine only)'}`);
    process.on('SIGHUP', () => void reloader.reload('SIGHUP'));
    if (config.faqWatch) reloader.watch();
    closeOnSignals(server, logger, config.shutdownTimeoutMs, () => {
      readiness.draining = true;
      reloader.close();
    });
  } catch (err) {
    if (err instanceof LineError) logger.fatal({ code: err.code }, err.describe());
    else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') logger.fatal(`${(err as Error).message}\n  hint: stop the other server or set PORT`);
    else logger.fatal({ err }, 'the line could not start');
    exit(1, 2000);
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

/**
 * On SIGTERM or SIGINT: stop accepting, let requests in flight finish, exit 0 (or 1 after `limitMs`).
 * The exit itself is bounded too: a log that cannot be written (stdout closed or full) never keeps the
 * process past its limit.
 */
function closeOnSignals(server: Server, logger: Logger, limitMs: number, stopping: () => void): void {
  let closing = false;
  const close = (signal: string): void => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: no new requests, finishing those in flight');
    stopping();
    // one more turn of the event loop first, so connections already queued on the socket are taken on
    setImmediate(() => {
      void drain(server, { timeoutMs: limitMs, logger }).then((finished) => {
        if (finished) logger.info('stopped');
        exit(finished ? 0 : 1, 1000);
      });
    });
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
  if (startedByNpm()) {
    // npm passes SIGTERM and SIGINT on (the start script execs node) but dies of SIGHUP and others
    watchParent(() => {
      logger.warn('npm, which started the line, is gone (npm does not pass SIGHUP on: send it to the pid in these log lines, or start node directly)');
      close('parent gone');
    });
  }
}

/**
 * Exit once the log has written every line, in order; exit anyway after `graceMs` if it cannot (stdout
 * closed or full), dropping what it holds: pino's own exit hook would otherwise retry the write forever.
 */
function exit(code: number, graceMs: number): void {
  // the code also holds if the process ends by itself first (nothing left to do while the log waits)
  process.exitCode = code;
  setTimeout(() => {
    abandonStandardOutput();
    process.exit(code);
  }, graceMs);
  whenStandardOutputWritten(() => process.exit(code));
}

await main();

import type { Server } from 'node:http';
import type { Logger } from '../log.js';

export interface DrainOptions {
  /** How long to wait for requests in flight before closing their connections. */
  readonly timeoutMs: number;
  readonly logger: Logger;
}

/**
 * Stop accepting connections and let the requests in flight finish. Keep-alive connections are
 * closed as soon as they go idle, so a client never has a second request cut off. Resolves true once
 * the server is closed, or false if requests were still running after `timeoutMs` (their connections
 * are then closed).
 */
export function drain(server: Server, { timeoutMs, logger }: DrainOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const timer = setTimeout(() => {
      logger.warn({ afterMs: timeoutMs }, 'requests still in flight; closing their connections');
      clearInterval(sweep);
      server.closeAllConnections();
      resolve(false);
    }, timeoutMs);
    server.close(() => {
      clearTimeout(timer);
      clearInterval(sweep);
      resolve(true);
    });
    server.closeIdleConnections();
  });
}

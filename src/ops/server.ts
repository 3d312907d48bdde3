import { createServer, type RequestListener, type Server } from 'node:http';
import type { Config } from '../config.js';

export type ServerLimits = Pick<Config, 'headersTimeoutMs' | 'requestTimeoutMs' | 'keepAliveTimeoutMs' | 'maxConnections'>;

/**
 * An HTTP server with the line's own limits instead of Node's defaults: a client must send its headers
 * within headersTimeoutMs and the whole request within requestTimeoutMs (slow clients get 408 and are
 * closed), an idle keep-alive connection closes after keepAliveTimeoutMs, and past maxConnections open
 * connections new ones are closed at once (0: no cap). Timeouts are checked every second.
 */
export function createLimitedServer(app: RequestListener, limits: ServerLimits): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
    },
    app,
  );
  if (limits.maxConnections > 0) server.maxConnections = limits.maxConnections;
  return server;
}

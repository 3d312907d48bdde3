import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Line } from '../../src/line.js';
import { createLogger } from '../../src/log.js';
import { realLine } from '../helpers/app.js';

export interface RunningLine {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/**
 * The line as `npm start` builds it, listening on a loopback port: the console sends its turns
 * through the line's own webhooks over HTTP, so its tests need a real server (not supertest's app).
 */
export async function startLine(env: Readonly<Record<string, string>> = {}, line?: Line): Promise<RunningLine> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', ...env });
  const current = line ?? (await realLine());
  const app = createApp({ config, line: () => current, logger: createLogger({ level: 'silent' }) });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

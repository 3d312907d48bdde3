import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { loadFaq } from '../faq/load.js';
import { createLine } from '../line.js';
import { createLogger } from '../log.js';

/** The line running inside this process on a loopback port, for --local. */
export interface LocalLine {
  /** Its base URL, http://127.0.0.1:<port>. */
  readonly url: string;
  close(): Promise<void>;
}

export interface LocalLineOptions {
  /** The line checks signatures with it, as a deployed line with TWILIO_AUTH_TOKEN does. */
  readonly token: string | undefined;
  /** The FAQ data file; the bundled faq-data/faq.yaml (or FAQ_FILE) by default. */
  readonly faqFile?: string;
  /** A person to hand callers and texters off to; HANDOFF_NUMBER by default. */
  readonly handoffNumber?: string;
}

/**
 * Build the line as `npm start` does (config, FAQ, createApp) with its log silenced, and serve it
 * on an ephemeral loopback port so requests go through real HTTP, signing included.
 */
export async function startLocalLine(options: LocalLineOptions): Promise<LocalLine> {
  const env: Record<string, string | undefined> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    FAQ_FILE: options.faqFile ?? process.env.FAQ_FILE,
    TWILIO_AUTH_TOKEN: options.token,
    HANDOFF_NUMBER: options.handoffNumber ?? process.env.HANDOFF_NUMBER,
  };
  const config = loadConfig(env);
  const line = createLine(await loadFaq(config.faqFile));
  const app = createApp({ config, line: () => line, logger: createLogger({ level: 'silent' }) });
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

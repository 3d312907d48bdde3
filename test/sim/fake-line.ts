import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express, type Request } from 'express';
import { validateRequest } from 'twilio/lib/webhooks/webhooks.js';

export const TOKEN = 'sim-test-token';

/** One request a fake line received, and whether its signature is Twilio's for the exact URL. */
export interface Received {
  readonly method: string;
  /** Path and query, as requested. */
  readonly path: string;
  /** Form fields for POST, query fields for GET. */
  readonly fields: Record<string, string>;
  readonly signed: boolean;
  readonly cookie: string | undefined;
}

export interface FakeLine {
  readonly url: string;
  readonly received: Received[];
  close(): Promise<void>;
}

/**
 * A small Express app standing in for the line: it records every request (checking its signature
 * with the twilio package, as the real line does) and answers with `routes`.
 */
export async function fakeLine(routes: (app: Express) => void): Promise<FakeLine> {
  const received: Received[] = [];
  const app = express();
  let base = '';
  app.use(express.urlencoded({ extended: false }));
  app.use((req: Request, _res, next) => {
    const fields = (req.method === 'GET' ? Object.fromEntries(new URL(req.originalUrl, base).searchParams) : req.body) as Record<string, string>;
    const signature = req.get('x-twilio-signature') ?? '';
    received.push({
      method: req.method,
      path: req.originalUrl,
      fields,
      signed: validateRequest(TOKEN, signature, base + req.originalUrl, req.method === 'POST' ? fields : {}),
      cookie: req.get('cookie'),
    });
    next();
  });
  routes(app);
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answer with a TwiML document. */
export function twiml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`;
}

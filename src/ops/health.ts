import { Router, type RequestHandler } from 'express';
import type { Line } from '../line.js';

/** Whether the process should still get traffic; shutdown sets `draining` so load balancers stop sending. */
export interface Readiness {
  draining: boolean;
}

export function createReadiness(): Readiness {
  return { draining: false };
}

/**
 * While draining, answer every request with `Connection: close` (checked when the headers go out, so
 * requests already in flight at the signal get it too), so keep-alive clients send their next request
 * elsewhere instead of on a connection that is about to close.
 */
export function closeConnectionsWhenDraining(readiness: Readiness): RequestHandler {
  return (_req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: unknown[]) {
      if (readiness.draining && !this.headersSent) this.setHeader('Connection', 'close');
      return (writeHead as (...a: unknown[]) => typeof res).apply(this, args);
    } as typeof res.writeHead;
    next();
  };
}

export interface HealthOptions {
  readonly line: () => Line;
  readonly readiness: Readiness;
}

/**
 * GET /healthz: the process is alive and answering HTTP (always 200 while it runs).
 * GET /readyz: it can answer messages: an FAQ is loaded, its classifier built, and it is not shutting down.
 */
export function healthRoutes({ line, readiness }: HealthOptions): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    res.set('Cache-Control', 'no-store');
    const problem = notReady(line, readiness);
    if (problem) res.status(503).json({ status: 'not ready', reason: problem });
    else res.json({ status: 'ready', entries: line().faq.entries.length });
  });
  return router;
}

function notReady(line: () => Line, readiness: Readiness): string | undefined {
  if (readiness.draining) return 'shutting down';
  try {
    const current = line();
    if (current.faq.entries.length === 0) return 'the FAQ has no entries';
    // a probe through the whole pipeline: the classifier answers without throwing
    current.reply({ text: 'ready?', numMedia: 0 });
    return undefined;
  } catch (err) {
    return `the line cannot answer: ${(err as Error).message}`;
  }
}

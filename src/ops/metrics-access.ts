import { timingSafeEqual } from 'node:crypto';
import express, { type Express, type RequestHandler } from 'express';
import type { TextSender } from '../channels/text-sender.js';
import { lineError } from '../errors.js';
import { notFound, sendError } from '../http/errors.js';
import { metricsHandler, type Metrics } from './metrics.js';

/**
 * GET /metrics only with `Authorization: Bearer <token>` when a token is configured (METRICS_TOKEN);
 * anything else gets 401. Without a token it is open, as before.
 */
export function requireMetricsToken(token: string | undefined): RequestHandler {
  if (token === undefined) return (_req, _res, next) => next();
  const expected = Buffer.from(`Bearer ${token}`);
  return (req, res, next) => {
    const given = Buffer.from(req.get('authorization') ?? '');
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      next();
      return;
    }
    sendError(res, lineError('METRICS_TOKEN_REQUIRED'));
  };
}

/** The app METRICS_PORT serves: GET /metrics (behind the token, if any) and nothing else. */
export function createMetricsApp(metrics: Metrics, token: string | undefined): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', requireMetricsToken(token), metricsHandler(metrics));
  app.use(notFound('This port serves GET /metrics.'));
  return app;
}

/** `sender`, counting each text it sends in faq_line_texts_sent_total by result. */
export function countedSender(sender: TextSender, metrics: Metrics): TextSender {
  return {
    async send(text) {
      try {
        await sender.send(text);
        metrics.textSent('sent');
      } catch (err) {
        metrics.textSent('failed');
        throw err;
      }
    },
  };
}

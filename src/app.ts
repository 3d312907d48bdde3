import express, { type Express, type RequestHandler } from 'express';
import { batched } from './channels/batch.js';
import { smsHandler } from './channels/sms.js';
import { STATUS_PATH, statusCallbackUrl, statusHandler, withStatusCallback } from './channels/status.js';
import { restCredentials, twilioTextSender, type TextSender } from './channels/text-sender.js';
import { voiceRoutes } from './channels/voice.js';
import type { Config } from './config.js';
import { createConsole } from './console/index.js';
import { answerErrorsWith, EMPTY_TWIML, errorHandler, notFound, postOnly } from './http/errors.js';
import { formParser, requireForm } from './http/form.js';
import { requireTwilioSignature } from './http/signature.js';
import type { Line } from './line.js';
import { textFailed } from './turn/text.js';
import type { Logger } from './log.js';
import { closeConnectionsWhenDraining, createReadiness, healthRoutes, type Readiness } from './ops/health.js';
import { createMetrics, metricsHandler, type Metrics } from './ops/metrics.js';
import { countedSender, requireMetricsToken } from './ops/metrics-access.js';
import { createRateLimiter, smsRateLimit, type RateLimiter } from './ops/rate-limit.js';

export interface AppDeps {
  readonly config: Config;
  /** The current line; a getter so a reload can swap it without rebuilding the app. */
  readonly line: () => Line;
  readonly logger: Logger;
  /** Prometheus metrics; by default a registry of the app's own. */
  readonly metrics?: Metrics;
  /** Shutdown marks it draining so /readyz turns 503; by default always ready. */
  readonly readiness?: Readiness;
  /** Counts SMS per sender; by default in this process (main gives a Redis one when REDIS_URL is set). */
  readonly rateLimiter?: RateLimiter;
  /** Sends "text me that" during calls; by default Twilio's REST API when credentials are configured. */
  readonly textSender?: TextSender;
}

/** Build the HTTP app: routes and middleware, no listening. */
export function createApp({ config, line, logger, metrics = createMetrics(), readiness = createReadiness(), textSender, rateLimiter }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // nothing here is cached or revalidated: no hashing of every answer for an ETag
  app.use(metrics.middleware);
  app.use(closeConnectionsWhenDraining(readiness));
  const operatorConsole = createConsole({ config, line, logger }); // undefined unless CONSOLE_TOKEN or local mode
  if (operatorConsole) app.use(operatorConsole.feed);

  if (config.twilioAuthToken === undefined) {
    logger.warn('LOCAL MODE: TWILIO_AUTH_TOKEN is not set, so webhook signatures are NOT checked; anyone can post to this line');
  }
  const checkSignature: RequestHandler = config.twilioAuthToken
    ? requireTwilioSignature({ authToken: config.twilioAuthToken, publicUrl: config.publicUrl, logUtterances: config.logUtterances })
    : (_req, _res, next) => next();
  const webhook = (twiml: () => string): RequestHandler[] => [
    answerErrorsWith(twiml),
    requireForm,
    formParser(config.bodyLimit),
    checkSignature,
  ];

  const perMinute = config.rateLimitPerMinute;
  const smsLimit: RequestHandler = perMinute > 0
    ? smsRateLimit({ limiter: rateLimiter ?? createRateLimiter({ perMinute }), perMinute, logger })
    : (_req, _res, next) => next();

  // The webhooks come first: most requests are theirs, and every route before them costs each one a match.
  app.post(
    '/sms',
    webhook(() => textFailed(line())),
    smsLimit,
    batched(smsHandler({ line, logger, logUtterances: config.logUtterances, ...(config.handoffNumber ? { handoff: config.handoffNumber } : {}) })),
  );
  app.all('/sms', postOnly('to /sms'));
  const credentials = restCredentials(config);
  const rest = textSender ?? (credentials ? twilioTextSender(credentials) : undefined);
  // with PUBLIC_URL, Twilio posts each text's delivery status to /status (logged, failures counted)
  const sender = rest && withStatusCallback(rest, statusCallbackUrl(config.publicUrl));
  app.use(
    voiceRoutes({
      line,
      logger,
      logUtterances: config.logUtterances,
      settings: { voice: config.voiceName, language: config.voiceLanguage },
      maxTurns: config.voiceMaxTurns,
      minConfidence: config.voiceMinConfidence,
      sender: sender && countedSender(sender, metrics),
      ...(config.handoffNumber ? { handoffNumber: config.handoffNumber } : {}),
      strictState: config.twilioAuthToken !== undefined,
      webhook,
    }),
  );
  app.post(STATUS_PATH, webhook(() => EMPTY_TWIML), statusHandler({ logger, metrics }));
  app.all(STATUS_PATH, postOnly('delivery statuses to /status'));
  app.get('/', (_req, res) => {
    res.type('text/plain').send('Twilio FAQ line: POST /sms, POST /voice\n');
  });
  app.use(healthRoutes({ line, readiness }));
  // with METRICS_PORT, main serves /metrics on that port instead (src/ops/metrics-access.ts)
  if (config.metricsPort === undefined) app.get('/metrics', requireMetricsToken(config.metricsToken), metricsHandler(metrics));
  if (operatorConsole) app.use(operatorConsole.routes);
  app.use(notFound('This line answers POST /sms and POST /voice.'));
  app.use(errorHandler(logger));
  return app;
}

import express, { type Express, type RequestHandler } from 'express';
import { smsHandler } from './channels/sms.js';
import type { Config } from './config.js';
import { answerErrorsWith, errorHandler } from './http/errors.js';
import { formParser, requireForm } from './http/form.js';
import { requireTwilioSignature } from './http/signature.js';
import type { Line } from './line.js';
import type { Logger } from './log.js';
import { renderSmsTwiml } from './render/sms.js';

export interface AppDeps {
  readonly config: Config;
  /** The current line; a getter so a reload can swap it without rebuilding the app. */
  readonly line: () => Line;
  readonly logger: Logger;
}

/** Build the HTTP app: routes and middleware, no listening. */
export function createApp({ config, line, logger }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');

  if (config.twilioAuthToken === undefined) {
    logger.warn('LOCAL MODE: TWILIO_AUTH_TOKEN is not set, so webhook signatures are NOT checked; anyone can post to this line');
  }
  const checkSignature: RequestHandler = config.twilioAuthToken
    ? requireTwilioSignature({ authToken: config.twilioAuthToken, publicUrl: config.publicUrl, logger })
    : (_req, _res, next) => next();
  const webhook = (twiml: () => string): RequestHandler[] => [
    answerErrorsWith(twiml),
    requireForm,
    formParser(config.bodyLimit),
    checkSignature,
  ];

  app.get('/', (_req, res) => {
    res.type('text/plain').send('Twilio FAQ line: POST /sms\n');
  });
  app.post(
    '/sms',
    webhook(() => renderSmsTwiml({ kind: 'apology' }, line().faq).twiml),
    smsHandler({ line, logger, logUtterances: config.logUtterances }),
  );
  app.all('/sms', (_req, res) => {
    res.status(405).set('Allow', 'POST').type('text/plain').send('Method not allowed: Twilio posts to /sms.\n');
  });
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('Not found. This line answers POST /sms.\n');
  });
  app.use(errorHandler(logger));
  return app;
}

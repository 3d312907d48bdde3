import type { RequestHandler } from 'express';
import type { Config } from '../config.js';
import type { Line } from '../line.js';
import type { Logger } from '../log.js';
import { consoleAccess } from './access.js';
import { createRecentTurns, type RecentTurns } from './recent.js';

/** Turns the console remembers (in memory only). */
export const RECENT_TURNS = 1000;

export interface OperatorConsole {
  /** Put before the webhook routes: keeps each turn in the recent-turns buffer. */
  readonly feed: RequestHandler;
  /** GET /console and the rest; its modules load on the first console request, so the line starts no slower. */
  readonly routes: RequestHandler;
  readonly recent: RecentTurns;
}

/** The operator's console, or undefined when it is off (CONSOLE_TOKEN unset outside local mode). */
export function createConsole(deps: { readonly config: Config; readonly line: () => Line; readonly logger: Logger }): OperatorConsole | undefined {
  const access = consoleAccess(deps.config);
  if (access.kind === 'off') return undefined;
  const recent = createRecentTurns({ capacity: RECENT_TURNS, keepText: deps.config.logUtterances });
  let router: Promise<RequestHandler> | undefined;
  const routes: RequestHandler = (req, res, next) => {
    if (req.path !== '/console' && !req.path.startsWith('/console/')) return next();
    router ??= import('./router.js').then((m) => m.consoleRoutes({ ...deps, access, recent }));
    router.then((handle) => handle(req, res, next), next);
  };
  return { feed: recent.feed, routes, recent };
}

/** Where `npm start` says the console is, or undefined when it is off. */
export function consoleUrl(config: Config, port: number): string | undefined {
  const access = consoleAccess(config);
  if (access.kind === 'off') return undefined;
  const host = access.kind === 'loopback' || config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/console`;
}

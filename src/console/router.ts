import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import express, { Router, type Request, type RequestHandler } from 'express';
import type { Config } from '../config.js';
import { projectRoot } from '../config.js';
import type { Line } from '../line.js';
import type { Logger } from '../log.js';
import { createAggregator } from '../report/aggregate.js';
import { toCsv } from '../report/format.js';
import { allowed, LOGOUT_COOKIE, refuse, sameOrigin, sameToken, securityHeaders, sessionCookie, createWrongTokenLimit, type ConsoleAccess } from './access.js';
import { consoleApi } from './api.js';
import { loginPage } from './login.js';
import { page, type TabId } from './page.js';
import type { RecentTurns } from './recent.js';
import { CONSOLE_CSS } from './style.js';
import { callTab, textTab } from './tabs/try.js';
import { faqTab } from './tabs/faq.js';
import { noTextNote, whyTab } from './tabs/why.js';
import { createTimeline } from './timeline.js';
import { unansweredView } from './unanswered.js';
import { html, type Html } from './html.js';

/** The compiled browser script (npm run build puts it there). */
export const SCRIPT_DIR = resolve(projectRoot, 'dist/src/console/browser');

export interface ConsoleOptions {
  readonly access: Exclude<ConsoleAccess, { kind: 'off' }>;
  readonly config: Config;
  readonly line: () => Line;
  readonly recent: RecentTurns;
  readonly logger: Logger;
}

/** /console: the operator's console. Everything but the login form and the static assets needs access. */
export function consoleRoutes(options: ConsoleOptions): Router {
  const { access, line, recent, logger } = options;
  const router = Router();
  const wrong = createWrongTokenLimit();
  router.use('/console', securityHeaders);

  router.get('/console/assets/console.css', (_req, res) => void res.type('text/css').send(CONSOLE_CSS));
  router.use('/console/assets', express.static(SCRIPT_DIR, { index: false, fallthrough: true }), (_req, res) => {
    refuse(res, 404, existsSync(SCRIPT_DIR) ? 'No such console asset.' : 'The console script is not built: run npm run build.');
  });

  router.get('/console/login', (_req, res) => void res.type('html').send(loginPage(line().faq.name)));
  router.post('/console/login', express.urlencoded({ extended: false, limit: '2kb' }), (req, res) => {
    if (access.kind !== 'token') return void res.redirect(303, '/console');
    if (!sameOrigin(req)) return refuse(res, 403, 'Log in from the console’s own page.');
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const wait = wrong.blocked(address);
    if (wait > 0) {
      res.set('Retry-After', String(wait));
      return void res.status(429).type('html').send(loginPage(line().faq.name, `Too many wrong tokens from this address: try again in ${Math.ceil(wait / 60)} minutes.`));
    }
    const given = typeof (req.body as Record<string, unknown> | undefined)?.token === 'string' ? ((req.body as Record<string, string>).token as string) : '';
    if (!sameToken(given.trim(), access.token)) {
      wrong.wrong(address);
      logger.warn({ address }, 'console: wrong token');
      return void res.status(401).type('html').send(loginPage(line().faq.name, 'That is not the console token.'));
    }
    res.set('Set-Cookie', sessionCookie(access.token, Date.now())).redirect(303, '/console');
  });
  router.post('/console/logout', (req, res) => {
    if (!sameOrigin(req)) return refuse(res, 403, 'Log out from the console’s own page.');
    res.set('Set-Cookie', LOGOUT_COOKIE).redirect(303, '/console/login');
  });

  router.use('/console', gate(access, line));
  router.use('/console/api', (req, res, next) => (req.method === 'POST' && !sameOrigin(req) ? refuse(res, 403, 'Cross-site requests are refused.') : next()), consoleApi({ config: options.config, line, recent }));

  const show = (tab: TabId, title: string, body: (req: Request) => Html, script = false): RequestHandler => (req, res) => {
    res.type('html').send(page({ title, tab, faqName: line().faq.name, body: body(req), script, logout: access.kind === 'token' }));
  };
  router.get('/console', show('text', 'Text', () => textTab(), true));
  router.get('/console/call', show('call', 'Call', () => callTab(), true));
  router.get('/console/why', show('why', 'Why', () => whyTab(recent, line())));
  router.get('/console/unanswered', show('unanswered', 'Unanswered', () => {
    const { report, timeline } = unansweredReport(recent, line());
    return unansweredHtml(recent, report, timeline);
  }));
  router.get('/console/unanswered.csv', (_req, res) => {
    const { report } = unansweredReport(recent, line());
    res.type('text/csv').attachment('unanswered.csv').send(toCsv(report));
  });
  router.get('/console/faq', show('faq', 'FAQ', () => faqTab(line())));
  router.use('/console', (_req, res) => refuse(res, 404, 'No such console page.'));
  return router;
}

function gate(access: ConsoleOptions['access'], line: () => Line): RequestHandler {
  return (req, res, next) => {
    if (allowed(access, req)) return next();
    if (access.kind === 'loopback') return refuse(res, 403, 'In local mode the console answers only on 127.0.0.1: open it on this machine, or set CONSOLE_TOKEN to open it elsewhere.');
    if (req.path.startsWith('/api/') || req.path.endsWith('.csv')) return void res.status(401).json({ error: 'log in at /console/login first, or send Authorization: Bearer <CONSOLE_TOKEN>' });
    res.status(401).type('html').send(loginPage(line().faq.name));
  };
}

/** The report over the recent turns, as `npm run report` makes it over a log. */
export function unansweredReport(recent: RecentTurns, line: Line) {
  const lowScore = Math.round((line.faq.understanding.threshold + 0.1) * 100) / 100;
  const aggregator = createAggregator({ lowScore, top: 20 });
  const timeline = createTimeline();
  for (const t of recent.all()) {
    aggregator.countLine();
    // the turn record has no entries offered by a clarification: the two that competed closest are they
    const offered = t.outcome === 'clarify' && t.text !== undefined ? line.explain?.(t.text).candidates.slice(0, 2).map((c) => c.entry.id) : undefined;
    aggregator.add(offered ? { ...t, options: offered } : t);
    timeline.add(t.time, t.outcome);
  }
  return { report: aggregator.report(), timeline: timeline.result() };
}

function unansweredHtml(recent: RecentTurns, report: ReturnType<typeof unansweredReport>['report'], timeline: ReturnType<typeof unansweredReport>['timeline']): Html {
  return html`${noTextNote(recent)}<p class="muted">From the line's last ${recent.capacity} turns, kept in memory (a restart empties it). For a log file: <code>npm run report -- --html line.log &gt; report.html</code>.</p>
${unansweredView(report, timeline, { csvHref: '/console/unanswered.csv' })}`;
}

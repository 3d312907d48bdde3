import type { Request, RequestHandler, Response } from 'express';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { counterFamily, histogramFamily, type CounterChild, type HistogramChild } from './families.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordedTurn } from '../channels/turn.js';
import { projectRoot } from '../config.js';

/** Outcomes that answer a question (the apology rate's denominator); menus, small talk and opt-outs are not questions. */
const QUESTION_OUTCOMES = new Set(['answered', 'apology', 'clarify']);

/** Latency buckets in seconds: the line answers in about a millisecond; Twilio gives up at 15 s. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15];
const SCORE_BUCKETS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

export interface MetricsOptions {
  /** Also export Node's process metrics (CPU, memory, event loop lag, GC). Off in tests that build many apps. */
  readonly processMetrics?: boolean;
  /** The line's version, for faq_line_build_info; by default package.json's. */
  readonly version?: string;
}

/** A label value in snake_case: "small talk" -> small_talk, "rate-limited" -> rate_limited. */
export function snakeCase(value: string): string {
  return value.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

/** The line's Prometheus metrics, in a registry of its own (never prom-client's global one). */
export interface Metrics {
  readonly registry: Registry;
  /** Express middleware, first in the chain: times every request and counts each webhook turn on 'finish'. */
  readonly middleware: RequestHandler;
  /** An FAQ (re)load finished: `ok` with the number of entries now served, or rejected. */
  faqLoaded(result: { readonly ok: true; readonly entries: number } | { readonly ok: false }): void;
  /** A shared store (Redis) could not be reached; the line went on without it. */
  storeError(store: 'redis'): void;
  /** A text sent through Twilio's REST API ("text me that"): accepted by Twilio, or failed. */
  textSent(result: 'sent' | 'failed'): void;
  /** A delivery status Twilio reported for a text the line sent (delivered, undelivered, failed, ...). */
  textStatus(status: string): void;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.processMetrics) collectDefaultMetrics({ register: registry });

  new Gauge({
    name: 'faq_line_build_info',
    help: 'Always 1; its labels say which build is running: the line version and Node version.',
    labelNames: ['version', 'node_version'] as const,
    registers,
  }).set({ version: options.version ?? lineVersion(), node_version: process.versions.node }, 1);
  /** A counter with one label, in this registry. */
  const labelledCounter = (name: string, help: string, label: string) => new Counter({ name, help, labelNames: [label] as const, registers });
  const textsSent = labelledCounter('faq_line_texts_sent_total', 'Texts sent through the REST API during calls ("text me that"), by result (sent: accepted by Twilio, failed).', 'result');
  const textStatuses = labelledCounter('faq_line_text_status_total', "Delivery statuses Twilio reported to /status for texts the line sent (delivered, undelivered, failed, ...); alert on failed and undelivered.", 'status');

  // The per-request metrics: label sets bound once (families.ts), so a request only adds to numbers.
  const requests = counterFamily(
    registry,
    'faq_line_requests_total',
    'Webhook turns answered, by channel and outcome in snake_case (answered, apology, clarify, menu, small_talk, opt_out, rate_limited, ...).',
  );
  const answers = counterFamily(registry, 'faq_line_answers_total', 'FAQ answers given, by channel and entry id.');
  const turnSeconds = histogramFamily(
    registry,
    'faq_line_turn_duration_seconds',
    'Time from receiving a webhook to finishing its TwiML answer, by channel.',
    LATENCY_BUCKETS,
  );
  const httpSeconds = histogramFamily(
    registry,
    'faq_line_http_request_duration_seconds',
    'Time to answer every HTTP request (webhooks, health, metrics, rejections), by method, route and status.',
    LATENCY_BUCKETS,
  );
  const scores = histogramFamily(
    registry,
    'faq_line_classifier_score',
    "The classifier's score for the best entry of each turn that has one, by channel and outcome (an apology's score is its nearest miss).",
    SCORE_BUCKETS,
  );
  const reloads = labelledCounter('faq_line_faq_loads_total', 'FAQ loads at start and on reload, by result (ok, rejected).', 'result');
  const storeErrors = labelledCounter('faq_line_store_errors_total', 'Times a shared store could not be reached and the line went on without it (the per-sender limit counted in this process), by store.', 'store');
  const entries = new Gauge({ name: 'faq_line_faq_entries', help: 'Entries in the FAQ being served.', registers });
  const loadedAt = new Gauge({
    name: 'faq_line_faq_loaded_timestamp_seconds',
    help: 'Unix time the FAQ being served was loaded.',
    registers,
  });

  // The apology rate since start, per channel: apologies / questions (answered + apology + clarify).
  const questions = new Map<string, { asked: number; apologies: number }>();
  new Gauge({
    name: 'faq_line_apology_ratio',
    help: 'Share of questions (answered, apology, clarify) that got the apology since the process started, by channel. For a recent rate, divide rates of faq_line_requests_total.',
    labelNames: ['channel'] as const,
    registers,
    collect() {
      this.reset();
      for (const [channel, q] of questions) this.set({ channel }, q.asked ? q.apologies / q.asked : 0);
    },
  });

  /** What a turn of one channel and outcome updates, bound on its first turn. */
  interface TurnChildren {
    readonly requests: CounterChild;
    readonly seconds: HistogramChild;
    /** Made on the first score: outcomes without one export no score series. */
    scores: HistogramChild | undefined;
    readonly question: { asked: number; apologies: number } | undefined;
    readonly apology: boolean;
  }
  const turns = new Map<string, Map<string, TurnChildren>>();
  const turnChildren = (channel: string, outcome: string): TurnChildren => {
    let byOutcome = turns.get(channel);
    if (!byOutcome) turns.set(channel, (byOutcome = new Map()));
    let found = byOutcome.get(outcome);
    if (!found) {
      let question: { asked: number; apologies: number } | undefined;
      if (QUESTION_OUTCOMES.has(outcome)) {
        question = questions.get(channel) ?? { asked: 0, apologies: 0 };
        questions.set(channel, question);
      }
      found = {
        requests: requests.child({ channel, outcome: snakeCase(outcome) }),
        seconds: turnSeconds.child({ channel }),
        scores: undefined,
        question,
        apology: outcome === 'apology',
      };
      byOutcome.set(outcome, found);
    }
    return found;
  };
  const answerChildren = new Map<string, Map<string, CounterChild>>();
  const answerChild = (channel: string, entry: string): CounterChild => {
    let byEntry = answerChildren.get(channel);
    if (!byEntry) answerChildren.set(channel, (byEntry = new Map()));
    let found = byEntry.get(entry);
    if (!found) byEntry.set(entry, (found = answers.child({ channel, entry })));
    return found;
  };
  const httpChildren = new Map<string, Map<string, Map<number, HistogramChild>>>();
  const httpChild = (method: string, route: string, status: number): HistogramChild => {
    let byRoute = httpChildren.get(method);
    if (!byRoute) httpChildren.set(method, (byRoute = new Map()));
    let byStatus = byRoute.get(route);
    if (!byStatus) byRoute.set(route, (byStatus = new Map()));
    let found = byStatus.get(status);
    if (!found) byStatus.set(status, (found = httpSeconds.child({ method, route, status: String(status) })));
    return found;
  };

  /** On 'finish' of every response (`this`): one function for all, no closure per request. */
  function observe(this: Response): void {
    const seconds = (performance.now() - (this.locals.startedMs as number)) / 1000;
    const req = this.req;
    httpChild(req.method, routeOf(req), this.statusCode).observe(seconds);
    const turn = recordedTurn(this);
    if (!turn) return;
    const { channel, outcome } = turn;
    const bound = turnChildren(channel, outcome);
    bound.requests.inc();
    bound.seconds.observe(seconds);
    if (outcome === 'answered' && turn.entry !== undefined) answerChild(channel, turn.entry).inc();
    if (turn.score !== undefined) (bound.scores ??= scores.child({ channel, outcome: snakeCase(outcome) })).observe(turn.score);
    if (bound.question) {
      bound.question.asked += 1;
      if (bound.apology) bound.question.apologies += 1;
    }
  }

  return {
    registry,
    middleware: (_req, res, next) => {
      res.locals.startedMs = performance.now();
      res.on('finish', observe);
      next();
    },
    storeError: (store) => storeErrors.inc({ store }),
    textSent: (result) => textsSent.inc({ result }),
    textStatus: (status) => textStatuses.inc({ status: snakeCase(status) || 'unknown' }),
    faqLoaded: (result) => {
      reloads.inc({ result: result.ok ? 'ok' : 'rejected' });
      if (result.ok) {
        entries.set(result.entries);
        loadedAt.set(Date.now() / 1000);
      }
    },
  };
}

/** The route pattern that answered (bounded label values), or "unmatched" for 404s. */
function routeOf(req: Request): string {
  const path: unknown = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? path : 'unmatched';
}

/** GET /metrics: the registry in Prometheus text format. */
export function metricsHandler(metrics: Metrics): RequestHandler {
  return (_req, res, next) => {
    metrics.registry.metrics().then((text) => {
      res.set('Content-Type', metrics.registry.contentType).send(text);
    }, next);
  };
}

let version: string | undefined;

/** package.json's version, read once. */
function lineVersion(): string {
  if (version === undefined) {
    try {
      version = String((JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version?: unknown }).version ?? 'unknown');
    } catch {
      version = 'unknown';
    }
  }
  return version;
}

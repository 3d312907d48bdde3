import type { Request, RequestHandler, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { recordedTurn } from '../channels/turn.js';

/** Outcomes that answer a question (the apology rate's denominator); menus, small talk and opt-outs are not questions. */
const QUESTION_OUTCOMES = new Set(['answered', 'apology', 'clarify']);

/** Latency buckets in seconds: the line answers in about a millisecond; Twilio gives up at 15 s. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15];
const SCORE_BUCKETS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

export interface MetricsOptions {
  /** Also export Node's process metrics (CPU, memory, event loop lag, GC). Off in tests that build many apps. */
  readonly processMetrics?: boolean;
}

/** The line's Prometheus metrics, in a registry of its own (never prom-client's global one). */
export interface Metrics {
  readonly registry: Registry;
  /** Express middleware, first in the chain: times every request and counts each webhook turn on 'finish'. */
  readonly middleware: RequestHandler;
  /** An FAQ (re)load finished: `ok` with the number of entries now served, or rejected. */
  faqLoaded(result: { readonly ok: true; readonly entries: number } | { readonly ok: false }): void;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.processMetrics) collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'faq_line_requests_total',
    help: 'Webhook turns answered, by channel and outcome (answered, apology, clarify, menu, small talk, opt-out, rate-limited, ...).',
    labelNames: ['channel', 'outcome'] as const,
    registers,
  });
  const answers = new Counter({
    name: 'faq_line_answers_total',
    help: 'FAQ answers given, by channel and entry id.',
    labelNames: ['channel', 'entry'] as const,
    registers,
  });
  const turnSeconds = new Histogram({
    name: 'faq_line_turn_duration_seconds',
    help: 'Time from receiving a webhook to finishing its TwiML answer, by channel.',
    labelNames: ['channel'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const httpSeconds = new Histogram({
    name: 'faq_line_http_request_duration_seconds',
    help: 'Time to answer every HTTP request (webhooks, health, metrics, rejections), by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const scores = new Histogram({
    name: 'faq_line_classifier_score',
    help: "The classifier's score for the best entry of each turn that has one, by channel and outcome (an apology's score is its nearest miss).",
    labelNames: ['channel', 'outcome'] as const,
    buckets: SCORE_BUCKETS,
    registers,
  });
  const reloads = new Counter({
    name: 'faq_line_faq_loads_total',
    help: 'FAQ loads at start and on reload, by result (ok, rejected).',
    labelNames: ['result'] as const,
    registers,
  });
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

  const observe = (req: Request, res: Response, started: bigint): void => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    httpSeconds.observe({ method: req.method, route: routeOf(req), status: String(res.statusCode) }, seconds);
    const turn = recordedTurn(res);
    if (!turn) return;
    const { channel, outcome } = turn;
    requests.inc({ channel, outcome });
    turnSeconds.observe({ channel }, seconds);
    if (outcome === 'answered' && turn.entry !== undefined) answers.inc({ channel, entry: turn.entry });
    if (turn.score !== undefined) scores.observe({ channel, outcome }, turn.score);
    if (QUESTION_OUTCOMES.has(outcome)) {
      const q = questions.get(channel) ?? { asked: 0, apologies: 0 };
      q.asked += 1;
      if (outcome === 'apology') q.apologies += 1;
      questions.set(channel, q);
    }
  };

  return {
    registry,
    middleware: (req, res, next) => {
      const started = process.hrtime.bigint();
      res.once('finish', () => observe(req, res, started));
      next();
    },
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

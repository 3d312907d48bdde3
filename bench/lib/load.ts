import autocannon from 'autocannon';
import { summarize } from './stats.js';

/** One request to send: a path and a signed form body. */
export interface FormRequest {
  readonly path: string;
  readonly body: string;
  readonly headers: Record<string, string>;
}

export interface LoadOptions {
  /** Base URL of the server, e.g. http://127.0.0.1:4100 */
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  /** Called once per request: every request may carry a different body. */
  readonly next: () => FormRequest;
}

export interface LoadResult {
  /** Answered requests per second (2xx and others), over the wall time of the run. */
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly responses: number;
  readonly non2xx: number;
  readonly errors: number;
}

/**
 * POST as fast as `connections` keep-alive connections allow for `seconds`, one request in flight
 * per connection. Latency is taken from every response (autocannon's own, in ms with
 * sub-millisecond precision), not from its integer histogram.
 */
export function hammer(options: LoadOptions): Promise<LoadResult> {
  const first = options.next();
  const latencies: number[] = [];
  let non2xx = 0;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        pipelining: 1,
        duration: options.seconds,
        timeout: 10,
        requests: [
          {
            method: 'POST',
            path: first.path,
            setupRequest: (req) => {
              const r = options.next();
              return { ...req, path: r.path, body: r.body, headers: { ...req.headers, ...r.headers } };
            },
          },
        ],
      },
      (err: unknown, result) => {
        if (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
          return;
        }
        const seconds = (performance.now() - started) / 1000;
        const s = summarize(latencies);
        resolve({ rps: latencies.length / seconds, p50Ms: s.p50, p99Ms: s.p99, responses: latencies.length, non2xx, errors: result.errors });
      },
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms);
      if (status < 200 || status > 299) non2xx++;
    });
  });
}

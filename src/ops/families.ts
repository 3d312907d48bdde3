import type { Registry } from 'prom-client';

/**
 * Counters and histograms whose label sets are bound once: a request adds to numbers it already
 * holds, with no label validation, hashing or object per update. prom-client's own metrics validate
 * and hash the labels on every inc() and observe() (its `labels()` children too); under load the
 * line's five updates per request cost more than its signature check (docs/benchmarks.md). These
 * register in a prom-client Registry and export the same text (`registry.metrics()`).
 */

type Labels = Readonly<Record<string, string>>;

interface Sample {
  readonly labels: Record<string, string | number>;
  readonly value: number;
  readonly metricName?: string;
}

/** The face prom-client's Registry reads (what its own metrics expose for registerMetric). */
interface Exported {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'histogram';
  readonly aggregator: 'sum';
  get(): Promise<{ name: string; help: string; type: string; values: Sample[]; aggregator: 'sum' }>;
  reset(): void;
}

export interface CounterChild {
  inc(by?: number): void;
}

export interface HistogramChild {
  observe(value: number): void;
}

interface Family<C> {
  /** The child for a label set, made on first use: keep it and update it directly. */
  child(labels: Labels): C;
}

/** Children by their label values, in label order: the same labels give the same child. */
function children<C>(make: (labels: Labels) => C): { child(labels: Labels): C; all: Map<string, { labels: Labels; child: C }> } {
  const all = new Map<string, { labels: Labels; child: C }>();
  return {
    all,
    child(labels) {
      const key = JSON.stringify(labels);
      let found = all.get(key);
      if (!found) all.set(key, (found = { labels: { ...labels }, child: make(labels) }));
      return found.child;
    },
  };
}

export function counterFamily(registry: Registry, name: string, help: string): Family<CounterChild> {
  const made = children(() => {
    const c = { value: 0, inc: (by = 1) => void (c.value += by) };
    return c;
  });
  const exported: Exported = {
    name,
    help,
    type: 'counter',
    aggregator: 'sum',
    get: () =>
      Promise.resolve({ name, help, type: 'counter', aggregator: 'sum', values: [...made.all.values()].map(({ labels, child }) => ({ labels: { ...labels }, value: child.value })) }),
    // zeroed, not forgotten: callers keep their children
    reset: () => made.all.forEach(({ child }) => (child.value = 0)),
  };
  registry.registerMetric(exported as never);
  return { child: made.child };
}

export function histogramFamily(registry: Registry, name: string, help: string, buckets: readonly number[]): Family<HistogramChild> {
  const bounds = [...buckets].sort((a, b) => a - b);
  const made = children(() => {
    const counts = new Float64Array(bounds.length + 1);
    const h = {
      counts,
      sum: 0,
      observe(value: number) {
        let i = 0;
        while (i < bounds.length && value > (bounds[i] as number)) i++;
        counts[i] = (counts[i] as number) + 1;
        h.sum += value;
      },
    };
    return h;
  });
  const exported: Exported = {
    name,
    help,
    type: 'histogram',
    aggregator: 'sum',
    get: () => {
      const values: Sample[] = [];
      for (const { labels, child } of made.all.values()) {
        let cumulative = 0;
        for (let i = 0; i <= bounds.length; i++) {
          cumulative += child.counts[i] as number;
          values.push({ labels: { le: i < bounds.length ? (bounds[i] as number) : '+Inf', ...labels }, value: cumulative, metricName: `${name}_bucket` });
        }
        values.push({ labels: { ...labels }, value: child.sum, metricName: `${name}_sum` });
        values.push({ labels: { ...labels }, value: cumulative, metricName: `${name}_count` });
      }
      return Promise.resolve({ name, help, type: 'histogram', aggregator: 'sum', values });
    },
    reset: () =>
      made.all.forEach(({ child }) => {
        child.counts.fill(0);
        child.sum = 0;
      }),
  };
  registry.registerMetric(exported as never);
  return { child: made.child };
}

import { readFileSync } from 'node:fs';
import { COMPONENTS, UNDERSTANDING, componentOf, type Component } from './components.js';

/** The parts of a V8 .cpuprofile this summary reads. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
    readonly children?: readonly number[];
  }[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileLine {
  readonly name: string;
  /** Share of the busy (non-idle) samples, 0..1. */
  readonly share: number;
}

export interface ProfileSummary {
  /** Share of all samples the process was busy (not idle, not waiting; "(program)", native work outside JS, counts as busy). */
  readonly busy: number;
  /** Busy time on the main thread, µs. */
  readonly busyUs: number;
  /** Functions by self time. */
  readonly functions: readonly ProfileLine[];
  /** Self time by where the code lives: a package, a folder of the line, node internals, GC. */
  readonly areas: readonly ProfileLine[];
  /** Self time by component (bench/lib/components.ts), in the order COMPONENTS lists them; µs. */
  readonly components: ReadonlyMap<Component, number>;
  /** Share of busy time in understanding: src/nlu, wink-nlp and its English model (GC it causes not included). */
  readonly understanding: number;
}

/**
 * Self time per function, per area and per component of a --cpu-prof profile, busiest first. With
 * `fromUs` and `toUs` (the monotonic clock V8 stamps samples with, process.hrtime on Linux), only
 * samples between them count: the load, without start-up, warm-up and the idle time after.
 */
export function summarizeProfile(path: string, top = 15, fromUs = 0, toUs = Infinity): ProfileSummary {
  return summarize(JSON.parse(readFileSync(path, 'utf8')) as CpuProfile, top, fromUs, toUs);
}

export function summarize(profile: CpuProfile, top = 15, fromUs = 0, toUs = Infinity): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at >= fromUs && at <= toUs) self.set(id, (self.get(id) ?? 0) + delta);
  });
  const components = new Map<Component, number>(COMPONENTS.map((c) => [c, 0]));
  const fn = new Map<string, number>();
  const area = new Map<string, number>();
  let busy = 0;
  let total = 0;
  self.forEach((us, id) => {
    total += us;
    const node = byId.get(id);
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') return;
    busy += us;
    const where = areaOf(url, functionName);
    const name = `${functionName || '(anonymous)'} ${shortUrl(url)}${url ? `:${lineNumber + 1}` : ''}`;
    fn.set(name, (fn.get(name) ?? 0) + us);
    area.set(where, (area.get(where) ?? 0) + us);
    const component = componentAt(id, byId, parent);
    components.set(component, (components.get(component) ?? 0) + us);
  });
  const rank = (m: Map<string, number>, n: number): ProfileLine[] =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, us]) => ({ name, share: us / busy }));
  let understanding = 0;
  components.forEach((us, name) => (understanding += UNDERSTANDING.has(name) ? us : 0));
  return { busy: busy / total, busyUs: busy, functions: rank(fn, top), areas: rank(area, top), components, understanding: understanding / busy };
}

/** The component of the first frame, from `id` up its callers, that names one; node's own code otherwise. */
function componentAt(id: number, byId: ReadonlyMap<number, CpuProfile['nodes'][number]>, parent: ReadonlyMap<number, number>): Component {
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at)?.callFrame;
    if (!frame) break;
    const component = componentOf(frame.url, frame.functionName);
    if (component) return component;
  }
  return 'Node, other';
}

function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] ?? url;
  const own = /\/dist\/src\/([^/]+)\//.exec(url) ?? /\/src\/([^/]+)\//.exec(url);
  if (own) return `src/${own[1] ?? ''}`;
  if (url.startsWith('node:')) return 'node internals';
  return shortUrl(url);
}

function shortUrl(url: string): string {
  return url.replace(/^file:\/\/.*?node_modules\//, '').replace(/^file:\/\/.*?\/dist\//, 'dist/');
}

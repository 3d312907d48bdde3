/**
 * The benchmark runner: builds the line, runs each case in a fresh child process, one after the
 * other, and writes the table to docs/benchmarks.md (and prints it).
 *
 *   npm run bench                      10 s per webhook case, 3 s warm-up
 *   npm run bench -- --quick           2 s per case, 1 s warm-up: a smoke run
 *   npm run bench -- --seconds 20 --connections 16 --only bare,sms --profile --no-build
 *
 * BENCH_SECONDS and BENCH_CONNECTIONS set the same as the flags.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchOptions, CaseResult, WebhookResult } from './lib/case.js';
import { renderMarkdown, type ProfiledServer } from './lib/markdown.js';
import { summarizeProfile } from './lib/profile.js';
import { ROOT } from './lib/server.js';

/** Every case: a name for --only, the file, its arguments. */
const CASES: readonly (readonly [string, string, ...string[]])[] = [
  ['imports', 'imports.bench.ts'],
  ['startup', 'startup.bench.ts'],
  ['classify', 'classify.bench.ts', 'bundled'],
  ['classify', 'classify.bench.ts', '200'],
  ['classify', 'classify.bench.ts', '2000'],
  ['hot-path', 'hot-path.bench.ts'],
  ['bare', 'bare.bench.ts'],
  ['fixed-reply', 'fixed-reply.bench.ts'],
  ['sms', 'sms.bench.ts'],
  ['voice', 'voice.bench.ts'],
];

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seconds: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string' },
    only: { type: 'string' },
    profile: { type: 'boolean', default: false },
    build: { type: 'boolean', default: true },
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string', default: 'docs/benchmarks.md' },
  },
});

const quick = flags.quick;
const seconds = Number(flags.seconds ?? process.env.BENCH_SECONDS ?? (quick ? 2 : 10));
const options: BenchOptions = {
  quick,
  seconds,
  warmupSeconds: Number(flags.warmup ?? (quick ? 1 : 3)),
  connections: Number(flags.connections ?? process.env.BENCH_CONNECTIONS ?? 16),
  ...(flags.profile ? { profileDir: mkdtempSync(join(tmpdir(), 'faq-line-prof-')) } : {}),
};
if (!(options.seconds > 0) || !(options.connections > 0)) throw new Error('--seconds and --connections must be positive numbers');
const only = flags.only ? new Set(flags.only.split(',').map((s) => s.trim())) : undefined;
const loadBefore = loadavg().map((l) => l.toFixed(2)).join(', ');

if (flags.build && !flags['no-build']) {
  console.log('building: npm run build');
  const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  // Other work in progress may fail the type-check; tsc still emits, and the cases run what it emitted.
  if (built.status !== 0) console.log('warning: npm run build reported errors; running what it emitted');
}

/** Marks the hand-written part at the end of docs/benchmarks.md: a run rewrites what is above it and keeps the rest. */
const KEPT = '<!-- written by hand: npm run bench keeps everything below this line -->';

const results: CaseResult[] = [];
const failures: string[] = [];
for (const [name, file, ...args] of CASES) {
  if (only && !only.has(name)) continue;
  const label = [file, ...args].join(' ');
  console.log(`running ${label}`);
  try {
    const got = await runCase(file, args);
    results.push(...got);
    for (const r of got) console.log(`  ${oneLine(r)}`);
  } catch (err) {
    failures.push(`${label}: ${(err as Error).message}`);
    console.log(`  failed: ${(err as Error).message}`);
  }
}

const profiles: ProfiledServer[] = [];
if (options.profileDir) {
  for (const name of readdirSync(options.profileDir).sort()) {
    // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: the main thread is thread 0.
    const main = readdirSync(join(options.profileDir, name)).find((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f));
    const from = results.find((r): r is WebhookResult => r.kind === 'webhook' && r.profile === name);
    if (!main) continue;
    const summary = summarizeProfile(join(options.profileDir, name, main), 15, from?.loadStartedUs ?? 0, from?.loadEndedUs ?? Infinity);
    profiles.push({ name, summary, ...(from ? { requests: from.responses, cpuUsPerRequest: from.cpuUsPerRequest, role: from.role ?? 'line' } : {}) });
  }
  console.log(`CPU profiles in ${options.profileDir}`);
}

const markdown = renderMarkdown(
  {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    node: process.versions.node,
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus().length,
    loadBefore,
    seconds: options.seconds,
    warmupSeconds: options.warmupSeconds,
    connections: options.connections,
    quick,
    command: ['npm run bench', ...process.argv.slice(2)].join(' '),
  },
  results,
  failures,
  profiles,
);
mkdirSync(join(ROOT, 'docs'), { recursive: true });
writeFileSync(resolve(ROOT, flags.out), markdown + keptNotes(resolve(ROOT, flags.out)));
console.log(`\n${markdown}\nwritten to ${flags.out}`);
process.exitCode = failures.length ? 1 : 0;

function keptNotes(path: string): string {
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const at = old.indexOf(KEPT);
  return at === -1 ? '' : `\n${old.slice(at)}`;
}

/** Run one case file in a fresh `node --import tsx` process and collect what it reports. */
function runCase(file: string, args: readonly string[]): Promise<CaseResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join('bench', file), ...args], {
      cwd: ROOT,
      env: { ...process.env, BENCH_OPTIONS: JSON.stringify(options) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const got: CaseResult[] = [];
    child.on('message', (m: { results?: CaseResult[] }) => got.push(...(m.results ?? [])));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0 && got.length) resolve(got);
      else reject(new Error(`exited with ${signal ?? code}${got.length ? '' : ' without a result'}`));
    });
  });
}

function oneLine(r: CaseResult): string {
  switch (r.kind) {
    case 'webhook':
      return `${r.name} ${r.route}: ${Math.round(r.rps)} req/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, ${Math.round(r.cpuUsPerRequest)} µs CPU/request, ${r.errors} errors, ${r.non2xx} non-2xx`;
    case 'skipped':
      return `${r.name}: skipped: ${r.reason}`;
    case 'classify':
      return `${r.faq}: index ${r.indexMs.toFixed(0)} ms, classify median ${r.medianUs.toFixed(1)} µs, p99 ${r.p99Us.toFixed(1)} µs`;
    case 'startup':
      return `listening ${r.listeningMs.toFixed(0)} ms, first answer ${r.firstAnswerMs.toFixed(0)} ms, RSS ${r.rssIdleMb.toFixed(0)} MB`;
    case 'imports':
      return r.modules.map((m) => `${m.name} ${m.ms.toFixed(0)} ms`).join('; ');
    case 'hot-path':
      return r.stages.map((s) => `${s.name} ${s.medianUs.toFixed(1)} µs`).join('; ');
  }
}

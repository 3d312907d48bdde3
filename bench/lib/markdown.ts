import type { CaseResult, ClassifyResult, HotPathResult, ImportsResult, StartupResult, WebhookResult } from './case.js';
import { COMPONENTS } from './components.js';
import type { ProfileSummary } from './profile.js';

export interface RunInfo {
  readonly date: string;
  readonly node: string;
  readonly cpu: string;
  readonly cores: number;
  readonly loadBefore: string;
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
  readonly quick: boolean;
  readonly command: string;
}

/** A server profiled under load: its profile folder's name, the summary, and what it answered then. */
export interface ProfiledServer {
  readonly name: string;
  readonly summary: ProfileSummary;
  readonly requests?: number;
  /** The server's CPU per answered request over the same load, from /proc (WebhookResult.cpuUsPerRequest). */
  readonly cpuUsPerRequest?: number;
  readonly role?: string;
}

/** Targets from issue 16 (the classifier's from issue 6). */
export const TARGETS = {
  smsShareOfBare: 0.65,
  smsP99Ms: 10,
  /** The line's server CPU per request at most this many µs above the bare endpoint's. */
  cpuAboveBareUs: 120,
  /** Understanding inside the loaded server at most this many times its cost in a loop. */
  inServerClassifyRatio: 2,
  classifyBundledUs: 50,
  classify2000Us: 500,
  listeningMs: 1000,
  rssMb: 150,
} as const;

const pass = (ok: boolean | undefined): string => (ok === undefined ? 'n/a' : ok ? 'pass' : '**FAIL**');
const n0 = (v: number): string => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : 'n/a');
const n1 = (v: number): string => (Number.isFinite(v) ? v.toFixed(1) : 'n/a');
const n2 = (v: number): string => (Number.isFinite(v) ? v.toFixed(2) : 'n/a');

/** The whole docs/benchmarks.md. */
export function renderMarkdown(
  info: RunInfo,
  results: readonly CaseResult[],
  failures: readonly string[],
  profiles: readonly ProfiledServer[],
): string {
  const out: string[] = [
    '# Benchmarks',
    '',
    `Written by \`${info.command}\` (bench/run.ts) on ${info.date}: Node ${info.node}, ${info.cores} × ${info.cpu}, load average before the run ${info.loadBefore}.`,
    `${info.quick ? '**Quick run** (smoke test, too short to trust): ' : ''}${info.seconds} s of load per webhook case after ${info.warmupSeconds} s of warm-up, ${info.connections} connections, one request in flight on each.`,
    'Each case runs in a fresh process; each server under load runs in its own process on 127.0.0.1, and autocannon shares the machine with it.',
    ...(process.env.BENCH_NODE_OPTIONS ? [`The line ran with NODE_OPTIONS=\`${process.env.BENCH_NODE_OPTIONS}\`.`] : []),
    '',
  ];
  const webhooks = results.filter((r): r is WebhookResult => r.kind === 'webhook');
  const bare = webhooks.find((w) => w.role === 'bare');
  // Only the line itself is held to the targets; the bare endpoint and the fixed reply are yardsticks.
  const isLine = (w: WebhookResult): boolean => (w.role ?? 'line') === 'line';
  const skipped = results.filter((r) => r.kind === 'skipped');
  if (webhooks.length || skipped.length) {
    out.push(
      '## Webhooks',
      '',
      'The line runs as in production: `node dist/src/main.js`, `NODE_ENV=production`, `TWILIO_AUTH_TOKEN` and `PUBLIC_URL` set so every',
      'X-Twilio-Signature is checked, `LOG_LEVEL=info` with stdout to /dev/null (pino still builds and writes every JSON line).',
      'Every request is a different question (a pool of 5,000 generated from the FAQ\'s vocabulary and everyday words, each behind one of 7',
      'openings: ~35,000 distinct texts), with a valid signature. The bare endpoint parses the same body with `express.urlencoded()` and',
      'answers a fixed TwiML string. The fixed-reply row is the line\'s own HTTP path (signature, form checks, rate limit, metrics, log line,',
      'TwiML) with understanding taken out (bench/fixed-reply-server.ts): the gap from bare to it is the webhook plumbing, from it to the',
      'line is understanding.',
      '',
      `| endpoint | route | req/s | p50 ms | p99 ms | vs bare | server CPU µs/request | above bare, µs | errors / non-2xx | RSS after, MB | throughput ≥ ${TARGETS.smsShareOfBare * 100}% of bare | p99 < ${TARGETS.smsP99Ms} ms | CPU ≤ bare + ${TARGETS.cpuAboveBareUs} µs |`,
      '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|',
    );
    for (const w of webhooks) {
      const yardstick = !isLine(w);
      const ratio = bare && w !== bare ? w.rps / bare.rps : undefined;
      const above = bare && w !== bare ? w.cpuUsPerRequest - bare.cpuUsPerRequest : undefined;
      out.push(
        `| ${w.name} | ${w.route} | ${n0(w.rps)} | ${n2(w.p50Ms)} | ${n2(w.p99Ms)} | ${ratio === undefined ? '' : `${(ratio * 100).toFixed(0)}%`} | ${n0(w.cpuUsPerRequest)} | ${above === undefined ? '' : n0(above)} | ${w.errors} / ${w.non2xx} | ${w.rssMb === undefined ? '' : `${n0(w.rssMb)} (peak ${n0(w.peakRssMb ?? NaN)})`} | ${yardstick ? '' : pass(ratio === undefined ? undefined : ratio >= TARGETS.smsShareOfBare)} | ${yardstick ? '' : pass(w.p99Ms < TARGETS.smsP99Ms)} | ${yardstick ? '' : pass(above === undefined ? undefined : above <= TARGETS.cpuAboveBareUs)} |`,
      );
    }
    for (const s of skipped) out.push(`| ${s.name} | | skipped: ${s.reason} | | | | | | | | | | |`);
    out.push(
      '',
      'The targets are for POST /sms; the voice row is held to the same ones for comparison. "Server CPU" is the user + system time the',
      "server process used during the measured load divided by the requests it answered (from /proc): it says what a request costs",
      'even when other processes share the cores, where req/s and latency also measure the neighbours.',
      '',
    );
  }
  const classify = results.filter((r): r is ClassifyResult => r.kind === 'classify');
  if (classify.length) {
    out.push(
      '## Classifier',
      '',
      'Each FAQ in a fresh process. Generated FAQs are built by bench/lib/faq-gen.ts (seeded: varied subjects, shared product names, 6 to 9',
      'phrasings each) and go through `buildFaq()` like the real file. Per question: `process.hrtime.bigint()` around one `classify()`, over',
      'distinct questions (reworded phrasings with typos and synonyms, everyday questions, near-misses), after a warm-up on others.',
      '"Whole reply" is `line.reply()` + SMS TwiML.',
      '',
      '| FAQ | entries | phrasings | NLU import ms | load + validate ms | index build ms | questions | answered | median µs | p99 µs | mean µs | whole reply median µs | median target | pass |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    );
    for (const c of classify) {
      const target = c.faq.startsWith('bundled') ? TARGETS.classifyBundledUs : c.entries === 2000 ? TARGETS.classify2000Us : undefined;
      out.push(
        `| ${c.faq} | ${c.entries} | ${c.phrasings} | ${n0(c.nluLoadMs)} | ${n1(c.loadMs)} | ${n1(c.indexMs)} | ${c.questions} | ${(c.answered * 100).toFixed(0)}% | ${n1(c.medianUs)} | ${n1(c.p99Us)} | ${n1(c.meanUs)} | ${n1(c.replyMedianUs)} | ${target === undefined ? '' : `< ${target} µs`} | ${target === undefined ? '' : pass(c.medianUs < target)} |`,
      );
    }
    out.push('');
  }
  const startup = results.find((r): r is StartupResult => r.kind === 'startup');
  const sms = webhooks.find((w) => isLine(w) && w.route === 'POST /sms');
  if (startup || sms) {
    out.push('## Start and memory', '', '| measure | value | target | pass |', '|---|---:|---:|---|');
    if (startup) {
      out.push(
        `| spawn \`node dist/src/main.js\` to the "listening" log line (median of ${startup.runs}) | ${n0(startup.listeningMs)} ms | < ${TARGETS.listeningMs} ms | ${pass(startup.listeningMs < TARGETS.listeningMs)} |`,
        `| spawn to the first answered signed POST /sms | ${n0(startup.firstAnswerMs)} ms | | |`,
        `| resident memory after the first answer | ${n0(startup.rssIdleMb)} MB | < ${TARGETS.rssMb} MB | ${pass(startup.rssIdleMb < TARGETS.rssMb)} |`,
      );
    }
    if (sms?.rssMb !== undefined) {
      out.push(
        `| resident memory at the end of the POST /sms load (peak) | ${n0(sms.rssMb)} MB (${n0(sms.peakRssMb ?? NaN)} MB) | < ${TARGETS.rssMb} MB | ${pass(Math.max(sms.rssMb, sms.peakRssMb ?? 0) < TARGETS.rssMb)} |`,
      );
    }
    if (sms?.settledRssMb !== undefined) {
      out.push(
        `| resident memory ${sms.settledAfterS ?? '?'} s after the load ended (V8 gives back the heap it grew) | ${n0(sms.settledRssMb)} MB | < ${TARGETS.rssMb} MB | ${pass(sms.settledRssMb < TARGETS.rssMb)} |`,
      );
    }
    out.push('');
  }
  const imports = results.find((r): r is ImportsResult => r.kind === 'imports');
  if (imports) {
    out.push(
      '## What starting costs',
      '',
      'Cold `import()` of each module in a fresh process (a module shared with an earlier row is counted again), and the',
      "process's resident memory after it.",
      '',
      '| module | import ms | RSS after, MB |',
      '|---|---:|---:|',
      ...imports.modules.map((m) => `| ${m.name} | ${n0(m.ms)} | ${n0(m.rssMb)} |`),
      '',
      `Importing what main.js imports loads ${imports.twilioFiles} files of the twilio package, ${imports.restClientFiles} of them from its REST client (\`twilio/lib/rest\`).`,
      '',
    );
  }
  const hot = results.find((r): r is HotPathResult => r.kind === 'hot-path');
  if (hot) {
    out.push(
      '## Where a POST /sms goes',
      '',
      `The line's own work per request, in one process, over ${hot.questions} webhook questions (HTTP and form parsing are the bare endpoint's share).`,
      '',
      '| stage | median µs | mean µs |',
      '|---|---:|---:|',
      ...hot.stages.map((s) => `| ${s.name} | ${n1(s.medianUs)} | ${n1(s.meanUs)} |`),
      '',
    );
  }
  if (profiles.length) out.push(...profileSection(profiles, hot));
  if (failures.length) out.push('## Cases that failed', '', ...failures.map((f) => `- ${f}`), '');
  out.push('Run it with `npm run bench` (`-- --quick` for a 2 s smoke run, `--seconds 20`, `--only sms,classify`, `--profile`); see bench/README.md.', '');
  return out.join('\n');
}

/** Where each profiled server's CPU went, component by component, per answered request; then the line's busiest functions. */
function profileSection(profiles: readonly ProfiledServer[], hot: HotPathResult | undefined): string[] {
  // Shares of the profile's busy time, times the CPU the process used per request: V8 stamps samples with the
  // wall clock, so on a busy machine time spent preempted lands on whatever was running (mostly system calls).
  const perRequest = (p: ProfiledServer, us: number): number => (p.cpuUsPerRequest === undefined ? NaN : (us / p.summary.busyUs) * p.cpuUsPerRequest);
  const line = profiles.find((p) => p.name === 'sms') ?? profiles[profiles.length - 1];
  const out = [
    '## Where the CPU goes',
    '',
    `\`node --cpu-prof\` of each server during its measured load (start-up, warm-up and the idle time after left out). Self time of the main`,
    'thread by component (bench/lib/components.ts): a sample counts for the first frame up its stack that belongs to a component, so a',
    'native helper (an HMAC, Buffer.toString, JSON.stringify) counts for the code that called it. µs per request = the share of the',
    "profile's busy time × the server CPU per request above (the profiler's own cost included). V8 times samples by the wall clock, so on a",
    'busy machine the time the server sat preempted lands on whatever it was running, most often a system call (`writev`): read the',
    'shares as rough, and compare servers of one run.',
    '',
    `| component | ${profiles.map((p) => `${p.name} µs/request`).join(' | ')} | ${line?.name ?? ''} share |`,
    `|---|${profiles.map(() => '---:|').join('')}---:|`,
  ];
  for (const component of COMPONENTS) {
    const values = profiles.map((p) => p.summary.components.get(component) ?? 0);
    if (values.every((v) => v === 0)) continue;
    const share = line ? (line.summary.components.get(component) ?? 0) / line.summary.busyUs : NaN;
    out.push(`| ${component} | ${profiles.map((p, i) => n1(perRequest(p, values[i] ?? 0))).join(' | ')} | ${(share * 100).toFixed(1)}% |`);
  }
  out.push(
    `| **all: server CPU per request** | ${profiles.map((p) => `**${n0(perRequest(p, p.summary.busyUs))}**`).join(' | ')} | 100% |`,
    `| understanding (wink-nlp reading, stemming, features, scoring, small talk) | ${profiles.map((p) => n1(perRequest(p, p.summary.understanding * p.summary.busyUs))).join(' | ')} | ${line ? `${(line.summary.understanding * 100).toFixed(1)}%` : ''} |`,
    '',
  );
  if (line) {
    out.push(
      ...inServerUnderstanding(line, hot),
      `The ${line.name} server's busiest functions (self time, share of busy time):`,
      '',
      '| function | share |',
      '|---|---:|',
      ...line.summary.functions.map((f) => `| \`${f.name.replace(/\|/g, '\\|')}\` | ${(f.share * 100).toFixed(1)}% |`),
      '',
    );
  }
  return out;
}

/** Understanding and dialog per request inside the loaded server against line.reply() in a loop (the hot-path case). */
function inServerUnderstanding(line: ProfiledServer, hot: HotPathResult | undefined): string[] {
  const loop = hot?.stages.find((s) => s.name.startsWith('reply'))?.meanUs;
  if (loop === undefined) return [];
  const c = line.summary.components;
  if (line.cpuUsPerRequest === undefined) return [];
  const inServer = (line.summary.understanding + (c.get('dialog') ?? 0) / line.summary.busyUs) * line.cpuUsPerRequest;
  const ratio = inServer / loop;
  return [
    `Understanding and dialog inside the loaded ${line.name} server: ${n1(inServer)} µs per request (profile, GC not included) against a mean of`,
    `${n1(loop)} µs for \`line.reply()\` in a loop (hot-path case): ${ratio.toFixed(1)}× — target at most ${TARGETS.inServerClassifyRatio}×: ${pass(ratio <= TARGETS.inServerClassifyRatio)}.`,
    '',
  ];
}

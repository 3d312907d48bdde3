/**
 * Soak test: a fixed rate of varied SMS webhooks against the line on loopback for a bounded time;
 * prints errors, latency percentiles and the server's memory before and after. Exits 1 on any error.
 *
 *   npm run soak                      # starts the line (src/main.ts) on 127.0.0.1, 50 msg/s for 60 s
 *   npm run soak -- --seconds 20 --rate 100
 *   npm run soak -- --url http://127.0.0.1:3000   # a line already running on this machine
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig, projectRoot } from '../src/config.js';
import { parseLabelledSet } from '../src/eval/labelled-set.js';
import { loadFaq } from '../src/faq/load.js';

interface Options {
  readonly seconds: number;
  readonly rate: number;
  readonly url?: string;
  readonly concurrency: number;
  readonly senders: number;
}

const TIMEOUT_MS = 5_000;

const program = new Command('soak')
  .description('Send a fixed rate of varied SMS webhooks to the line on loopback, then print errors, p50/p99 latency and memory.')
  .option('--seconds <n>', 'how long to send', int(1, 3600), 60)
  .option('--rate <n>', 'messages per second', int(1, 5000), 50)
  .option('--url <url>', 'a line already running on this machine (loopback only); by default one is started')
  .option('--concurrency <n>', 'requests in flight at most; a send beyond it counts as an error', int(1, 10_000), 256)
  .option('--senders <n>', 'distinct From numbers, taken in turn (keep rate*60/senders under RATE_LIMIT_PER_MINUTE)', int(1, 1_000_000), 100_000)
  .action(async (opts: Options) => {
    const questions = await loadQuestions();
    const server = opts.url ? { base: loopbackUrl(opts.url) } : await startLine();
    try {
      const before = await memory(server.base);
      console.log(`soak: ${opts.rate} msg/s for ${opts.seconds} s against ${server.base}/sms, ${questions.length} distinct questions`);
      const result = await soak(server.base, questions, opts);
      const after = await memory(server.base);
      const ok = print(result, before, after, opts);
      const serverErrors = 'errorLines' in server ? server.errorLines() : [];
      if (serverErrors.length) console.log(`server error log lines: ${serverErrors.length}\n  ${serverErrors.slice(0, 5).join('\n  ')}`);
      process.exitCode = ok && serverErrors.length === 0 ? 0 : 1;
    } finally {
      if ('child' in server) await stop(server.child);
    }
  });

/** Everything the labelled set asks, plus menu picks, keywords, small talk, Unicode and a long message. */
async function loadQuestions(): Promise<string[]> {
  const faq = await loadFaq(loadConfig({}).faqFile);
  const setFile = `${projectRoot}/faq-data/eval-set.yaml`;
  const labelled = parseLabelledSet(readFileSync(setFile, 'utf8'), setFile, new Set(faq.entries.map((e) => e.id))).map((i) => i.text);
  const menu = ['HELP', 'MENU', 'A', 'B', '1', '#3', `${faq.entries.length}`, '999'];
  const other = ['hello', 'thanks!', 'STOP', 'START', '', '🙂🙂', 'Où sont les sauvegardes ?', 'Where are backups stored? '.repeat(60)];
  return [...labelled, ...menu, ...other];
}

interface Result {
  readonly sent: number;
  readonly answered: number;
  readonly latencies: number[];
  readonly errors: Map<string, { count: number; example: string }>;
  readonly elapsedS: number;
}

async function soak(base: string, questions: readonly string[], opts: Options): Promise<Result> {
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const url = new URL('/sms', base);
  const latencies: number[] = [];
  const errors = new Map<string, { count: number; example: string }>();
  const fail = (kind: string, example: string): void => {
    const e = errors.get(kind) ?? { count: 0, example };
    e.count += 1;
    errors.set(kind, e);
  };
  let sent = 0;
  let inFlight = 0;
  let answered = 0;
  const pending = new Set<Promise<void>>();

  const send = (n: number): void => {
    const text = questions[n % questions.length] ?? '';
    const body = new URLSearchParams({
      MessageSid: `SMsoak${String(n).padStart(26, '0')}`,
      AccountSid: 'ACsoak',
      From: `+1555${String(n % opts.senders).padStart(7, '0')}`,
      To: '+18005551212',
      Body: text,
      NumMedia: '0',
    }).toString();
    inFlight += 1;
    const started = performance.now();
    const p = new Promise<void>((resolve) => {
      const req = request(url, {
        method: 'POST',
        agent,
        timeout: TIMEOUT_MS,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) },
      });
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.on('end', () => {
          latencies.push(performance.now() - started);
          if (res.statusCode !== 200) fail(`HTTP ${res.statusCode}`, text.slice(0, 120));
          else if (!text.startsWith('<?xml version="1.0" encoding="UTF-8"?><Response') || !/<\/Response>$|<Response\/>$/.test(text)) fail('not TwiML', text.slice(0, 120));
          else answered += 1;
          resolve();
        });
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
      req.on('error', (err: NodeJS.ErrnoException) => {
        fail(err.code ?? 'request error', err.message);
        resolve();
      });
      req.end(body);
    }).finally(() => {
      inFlight -= 1;
      pending.delete(p);
    });
    pending.add(p);
  };

  const start = performance.now();
  const total = opts.rate * opts.seconds;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * opts.rate));
      for (; sent < due; sent += 1) {
        if (inFlight >= opts.concurrency) fail('over concurrency', `${inFlight} requests already in flight: the line is not keeping up`);
        else send(sent);
      }
      if (sent >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 5);
  });
  await Promise.all(pending);
  agent.destroy();
  return { sent, answered, latencies, errors, elapsedS: (performance.now() - start) / 1000 };
}

interface Memory {
  readonly rssMb: number;
  readonly heapMb: number;
}

/** The server's memory, from its own /metrics. */
async function memory(base: string): Promise<Memory | undefined> {
  try {
    const res = await fetch(new URL('/metrics', base));
    const text = await res.text();
    const value = (name: string): number => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN) / 2 ** 20;
    const m = { rssMb: value('process_resident_memory_bytes'), heapMb: value('nodejs_heap_size_used_bytes') };
    return Number.isNaN(m.rssMb) ? undefined : m;
  } catch {
    return undefined;
  }
}

function print(r: Result, before: Memory | undefined, after: Memory | undefined, opts: Options): boolean {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  const pct = (p: number): string => (sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(1) : '-');
  const errorCount = [...r.errors.values()].reduce((n, e) => n + e.count, 0);
  console.log(`sent ${r.sent} in ${r.elapsedS.toFixed(1)} s (${(r.sent / r.elapsedS).toFixed(1)} msg/s, target ${opts.rate}); answered with TwiML: ${r.answered}`);
  console.log(`errors: ${errorCount}`);
  for (const [kind, e] of r.errors) console.log(`  ${kind}: ${e.count} (e.g. ${e.example})`);
  console.log(`latency ms: p50 ${pct(50)}  p90 ${pct(90)}  p99 ${pct(99)}  max ${sorted.length ? (sorted.at(-1) ?? 0).toFixed(1) : '-'}`);
  const mb = (m: Memory | undefined): string => (m ? `rss ${m.rssMb.toFixed(1)} MB, heap used ${m.heapMb.toFixed(1)} MB` : 'unknown (no /metrics)');
  console.log(`server memory before: ${mb(before)}`);
  console.log(`server memory after:  ${mb(after)}`);
  return errorCount === 0 && r.answered === r.sent;
}

/** Start the line from source on an ephemeral loopback port, with its per-sender limit as configured by default. */
async function startLine(): Promise<{ base: string; child: ChildProcess; errorLines: () => string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'development', LOG_LEVEL: 'info', TWILIO_AUTH_TOKEN: '', PUBLIC_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const errors: string[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the line exited with ${code} before listening`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const l = JSON.parse(line) as { level?: number; port?: unknown; msg?: string };
      if (typeof l.port === 'number' && l.msg?.startsWith('listening')) resolve(l.port);
      if ((l.level ?? 0) >= 50) errors.push(line.slice(0, 200));
    });
  });
  return { base: `http://127.0.0.1:${port}`, child, errorLines: () => errors };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const code = await exited;
  console.log(`the line stopped on SIGTERM with exit code ${code}`);
  if (code !== 0) process.exitCode = 1;
}

/** The URL if it is on this machine; anything else is refused (this script must never load a real host). */
function loopbackUrl(value: string): string {
  const url = new URL(value);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (url.protocol !== 'http:' || !(host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host))) {
    throw new InvalidArgumentError(`--url must be http on loopback (127.0.0.1, ::1, localhost), got ${value}`);
  }
  return url.origin;
}

function int(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}`);
    return n;
  };
}

program.parseAsync().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
});

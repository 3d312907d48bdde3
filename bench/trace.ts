/**
 * The line under the POST /sms load with V8's GC and deopt traces on, for the evidence behind the
 * in-server cost of understanding: scavenges and deopts per 1,000 requests, the young generation's
 * turnover per request. `npx tsx bench/trace.ts [seconds]` after `npm run build`; prints JSON.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { hammer } from './lib/load.js';
import { webhookPool } from './lib/pool.js';
import { accepts, cpuMsOf, freePort, ROOT, sleep } from './lib/server.js';
import { appEnv, smsRequests, textStream } from './lib/webhook.js';

const seconds = Number(process.argv[2] ?? 10);
const out = join(tmpdir(), `faq-line-trace-${process.pid}.log`);
const port = await freePort();
const child = spawn(process.execPath, ['--trace-gc', '--trace-deopt', ...(process.env.TRACE_FLAGS?.split(' ').filter(Boolean) ?? []), 'dist/src/main.js'], {
  cwd: ROOT,
  env: { ...process.env, ...appEnv(), PORT: String(port), HOST: '127.0.0.1' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const file = createWriteStream(out);
child.stdout.pipe(file);
child.stderr.pipe(file);
while (!(await accepts(port))) await sleep(10);
const next = smsRequests('/sms', textStream(await webhookPool()));
const url = `http://127.0.0.1:${port}`;
await hammer({ url, connections: 16, seconds: 3, next });
await sleep(200);
const mark = readFileSync(out, 'utf8').length;
const cpu = cpuMsOf(child.pid ?? 0);
const r = await hammer({ url, connections: 16, seconds, next });
const cpuUs = (cpuMsOf(child.pid ?? 0) - cpu) * 1000;
await sleep(200);
child.kill('SIGTERM');
await new Promise((resolve) => child.once('exit', resolve));
const text = readFileSync(out, 'utf8').slice(mark);
const scavenges = [...text.matchAll(/Scavenge[^\n]*?(\d+\.\d+) \/ \d+\.\d+ ms/g)];
const scavengeMs = scavenges.reduce((sum, m) => sum + Number(m[1]), 0);
const marks = text.match(/Mark-Compact/g)?.length ?? 0;
const deopts = [...text.matchAll(/\[bailout \(kind: ([^)]*)\)[^\n]*?deoptimizing[^\n]*?<JSFunction ([^ >]*)/g)];
const byFunction = new Map<string, number>();
for (const d of deopts) byFunction.set(d[2] ?? '?', (byFunction.get(d[2] ?? '?') ?? 0) + 1);
// "Scavenge 12.3 (20.1) -> 4.5 (20.1) MB": young-generation turnover is the heap before minus after.
const freed = [...text.matchAll(/Scavenge (\d+\.\d+) \(\d+\.\d+\) -> (\d+\.\d+)/g)].reduce((s, m) => s + Number(m[1]) - Number(m[2]), 0);
console.log(JSON.stringify({
  requests: r.responses,
  cpuUsPerRequest: cpuUs / r.responses,
  scavengesPer1000: (scavenges.length * 1000) / r.responses,
  scavengeUsPerRequest: (scavengeMs * 1000) / r.responses,
  shareOfCpuInScavenges: (scavengeMs * 1000) / cpuUs,
  markCompacts: marks,
  kbFreedByScavengesPerRequest: (freed * 1024) / r.responses,
  deoptsPer1000: (deopts.length * 1000) / r.responses,
  deoptsByFunction: Object.fromEntries([...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 8)),
  trace: out,
}, null, 2));

/**
 * From `node dist/src/main.js` to the first answered webhook: spawn the built line, note when it
 * logs "listening", post a signed question until one is answered, read its resident memory.
 * The median of several starts.
 */
import { spawn } from 'node:child_process';
import { benchOptions, report } from './lib/case.js';
import { freePort, memoryOf, ROOT, sleep } from './lib/server.js';
import { signedForm } from './lib/sign.js';
import { median } from './lib/stats.js';
import { appEnv, smsFields } from './lib/webhook.js';

const options = benchOptions();
const runs = options.quick ? 2 : 5;
const listening: number[] = [];
const answered: number[] = [];
const rss: number[] = [];
for (let i = 0; i < runs; i++) {
  const r = await startOnce();
  listening.push(r.listeningMs);
  answered.push(r.firstAnswerMs);
  rss.push(r.rssMb);
}
report({ kind: 'startup', runs, listeningMs: median(listening), firstAnswerMs: median(answered), rssIdleMb: median(rss) });

async function startOnce(): Promise<{ listeningMs: number; firstAnswerMs: number; rssMb: number }> {
  const port = await freePort();
  const { body, headers } = signedForm('/sms', smsFields(1, 'where are backups stored?'));
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: ROOT,
    env: { ...process.env, ...appEnv(), PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let listeningMs = NaN;
  let output = '';
  child.stdout.on('data', (d: Buffer) => {
    output += d.toString();
    if (Number.isNaN(listeningMs) && output.includes('"msg":"listening')) listeningMs = performance.now() - started;
  });
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    for (;;) {
      if (exited) throw new Error(`the line exited before answering:\n${output}`);
      if (performance.now() - started > 30_000) throw new Error(`no answer within 30 s:\n${output}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/sms`, { method: 'POST', headers, body });
        const twiml = await res.text();
        if (res.status === 200 && twiml.includes('<Message>')) break;
        throw new Error(`POST /sms answered ${res.status}: ${twiml}`);
      } catch (err) {
        if ((err as { cause?: { code?: string } }).cause?.code !== 'ECONNREFUSED') throw err;
        await sleep(2);
      }
    }
    const firstAnswerMs = performance.now() - started;
    return { listeningMs, firstAnswerMs, rssMb: memoryOf(child.pid ?? 0)?.rssMb ?? NaN };
  } finally {
    if (!exited) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
}

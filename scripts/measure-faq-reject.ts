// Measures what issue 15 asks: the time to reject a 3 MB malformed FAQ on SIGHUP, and the requests lost
// while it happens at 10 req/s, with the real server in a child process. Run: npx tsx scripts/measure-faq-reject.ts [FAQ_MAX_SIZE]
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const maxSize = process.argv[2] ?? '2mb';
const root = join(import.meta.dirname, '..');
const dir = await mkdtemp(join(tmpdir(), 'faq-measure-'));
const file = join(dir, 'faq.yaml');
await writeFile(file, await readFile(join(root, 'faq-data', 'faq.yaml'), 'utf8'));
for (const beside of ['phrasings.yaml', 'declines.yaml', 'understanding.yaml', 'languages.yaml']) await copyFile(join(root, 'faq-data', beside), join(dir, beside));
const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd: root,
  env: { ...process.env, PORT: '0', HOST: '127.0.0.1', FAQ_FILE: file, FAQ_MAX_SIZE: maxSize, RATE_LIMIT_PER_MINUTE: '0', TWILIO_AUTH_TOKEN: '' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const logs: Record<string, unknown>[] = [];
let port = 0;
await new Promise<void>((resolve) => {
  createInterface({ input: child.stdout! }).on('line', (l) => {
    try {
      const line = JSON.parse(l) as Record<string, unknown>;
      logs.push(line);
      if (typeof line.port === 'number' && String(line.msg).startsWith('listening')) {
        port = line.port;
        resolve();
      }
    } catch {
      // not a log line
    }
  });
});

let junk = '';
for (let i = 0; junk.length < 3 * 1024 * 1024; i += 1) junk += `line ${i}: [unclosed {x: "y\n  - - : :\n`;
await writeFile(`${file}.tmp`, junk);
await rename(`${file}.tmp`, file);

let sent = 0;
let lost = 0;
const pending: Promise<void>[] = [];
const ask = (): void => {
  sent += 1;
  pending.push(
    fetch(`http://127.0.0.1:${port}/sms`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'Body=Insurance', signal: AbortSignal.timeout(15_000) })
      .then(async (r) => { if (r.status !== 200 || !(await r.text()).includes('<Message>')) lost += 1; })
      .catch(() => void (lost += 1)),
  );
};
const started = Date.now();
const timer = setInterval(ask, 100);
child.kill('SIGHUP');
while (!logs.some((l) => String(l.msg).startsWith('FAQ reload rejected'))) await new Promise((r) => setTimeout(r, 20));
const rejectedMs = Date.now() - started;
const reason = String(logs.find((l) => String(l.msg).startsWith('FAQ reload rejected'))?.msg).split('\n')[0];
await new Promise((r) => setTimeout(r, 1000));
clearInterval(timer);
await Promise.all(pending);
child.kill('SIGTERM');
await rm(dir, { recursive: true, force: true });
process.stdout.write(`FAQ_MAX_SIZE=${maxSize}: 3 MB malformed FAQ rejected ${(rejectedMs / 1000).toFixed(1)} s after SIGHUP; ${lost} of ${sent} requests at 10 req/s lost\n  ${reason}\n`);

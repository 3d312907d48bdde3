// Measures what issue 15 asks of a shutdown with its stdout a pipe: the time from SIGTERM to exit when the
// reader has stopped reading (the pipe full: `pause`) or closed its end (`close`), after 400 long texts
// (logged in full, about 300 KB of log lines). Run: npx tsx scripts/measure-shutdown-stdout.ts pause|close [project folder]
// It gives up (SIGKILL) 25 s after SIGTERM and says so.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const mode = process.argv[2] === 'close' ? 'close' : 'pause';
const cwd = process.argv[3] ?? join(import.meta.dirname, '..');
const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd,
  env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'test', TWILIO_AUTH_TOKEN: '', RATE_LIMIT_PER_MINUTE: '0' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let termAt = 0;
child.on('exit', (code, signal) => {
  process.stdout.write(`${mode}: exit ${code ?? signal} ${Date.now() - termAt} ms after SIGTERM\n`);
  process.exit(0);
});
let seen = '';
const findPort = async (chunk: Buffer): Promise<void> => {
  seen += chunk.toString('utf8');
  const m = /"port":(\d+)/.exec(seen);
  if (!m) return;
  child.stdout.off('data', onData);
  if (mode === 'close') child.stdout.destroy();
  else child.stdout.pause();
  const body = `Body=${encodeURIComponent('Where are backups stored? '.repeat(20))}&From=%2B14155551567`;
  const text = () => fetch(`http://127.0.0.1:${m[1]}/sms`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }).catch(() => undefined);
  for (let i = 0; i < 400; i += 50) await Promise.all(Array.from({ length: 50 }, text));
  termAt = Date.now();
  child.kill('SIGTERM');
  setTimeout(() => {
    process.stdout.write(`${mode}: still running 25 s after SIGTERM; killing it\n`);
    child.kill('SIGKILL');
  }, 25_000).unref();
};
const onData = (chunk: Buffer): void => void findPort(chunk);
child.stdout.on('data', onData);

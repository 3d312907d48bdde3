import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { formBody } from '../helpers/sign.js';

/**
 * The line in a child process (src/main.ts under tsx) with its standard output a pipe, as under a
 * supervisor or `| tee`: a shutdown must end whether the reader reads, stopped reading (the pipe
 * full), or closed its end, and the lines that do come out come in order.
 */

/** How long a test waits for the exit: the shutdown limit (1 s here) plus its log grace, many times over. */
const EXIT_BOUND_MS = 30_000;

interface Line {
  readonly child: ChildProcess;
  readonly port: number;
  /** Everything read from stdout so far. */
  readonly out: Buffer[];
  /** Resolves with the exit code, or 'still running' if the process has not exited within EXIT_BOUND_MS of the call. */
  exit(): Promise<number | null | 'still running'>;
}

let running: ChildProcess | undefined;
afterEach(() => {
  if (running && running.exitCode === null && running.signalCode === null) running.kill('SIGKILL');
  running = undefined;
});

async function start(): Promise<Line> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '0', TWILIO_AUTH_TOKEN: '', SHUTDOWN_TIMEOUT_MS: '1000', FAQ_WATCH: 'false' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  running = child;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const out: Buffer[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => out.push(chunk)); // everything, until the test pauses the stream
    const findPort = (): void => {
      const m = /"port":(\d+)/.exec(Buffer.concat(out).toString('utf8'));
      if (!m) return;
      child.stdout!.off('data', findPort);
      resolve(Number(m[1]));
    };
    child.stdout!.on('data', findPort);
    child.once('exit', (code) => reject(new Error(`the line exited (${code}) before listening`)));
  });
  return {
    child,
    port,
    out,
    exit: () => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'still running'>((resolve) => (timer = setTimeout(() => resolve('still running'), EXIT_BOUND_MS)));
      return Promise.race([exited, late]).finally(() => clearTimeout(timer));
    },
  };
}

/** Texts the line, each with a long message (logged in full): enough log lines to fill a pipe many times. */
async function text(port: number, count: number): Promise<void> {
  const data = formBody({ Body: 'Where are backups stored? '.repeat(20), From: '+14155551567' });
  const one = () =>
    new Promise<void>((resolve) => {
      const req = request(
        { host: '127.0.0.1', port, method: 'POST', path: '/sms', agent: false, headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(data) } },
        (res) => {
          res.resume();
          res.on('end', resolve);
        },
      );
      req.on('error', () => resolve());
      req.end(data);
    });
  for (let i = 0; i < count; i += 50) await Promise.all(Array.from({ length: Math.min(50, count - i) }, one));
}

/** The complete log lines in `out` (a last line cut short is left out), parsed. */
function logLines(out: readonly Buffer[]): Array<Record<string, unknown>> {
  const text = Buffer.concat(out).toString('utf8');
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  return complete
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** True when every line's time is at or after the one before it. */
function inOrder(lines: ReadonlyArray<Record<string, unknown>>): boolean {
  return lines.every((l, i) => i === 0 || String(l.time) >= String(lines[i - 1]!.time));
}

describe('shutdown with stdout a pipe', () => {
  it('exits when the reader has stopped reading (the pipe full), and what was written is whole lines in order', async () => {
    const line = await start();
    line.child.stdout!.pause();
    await text(line.port, 400); // about 300 KB of log lines for a pipe of 64 KB
    line.child.kill('SIGTERM');
    expect(await line.exit()).toBe(0);
    // the pipe still holds what the line wrote before it gave up: read it now
    line.child.stdout!.resume();
    await new Promise((resolve) => line.child.stdout!.once('close', resolve));
    const lines = logLines(line.out);
    expect(lines.length).toBeGreaterThan(10);
    expect(inOrder(lines)).toBe(true);
  }, 90_000);

  it('exits when the reader has closed its end of the pipe', async () => {
    const line = await start();
    line.child.stdout!.destroy();
    await text(line.port, 100);
    line.child.kill('SIGTERM');
    expect(await line.exit()).toBe(0);
  }, 90_000);

  it('writes its last lines in order, "stopped" last, when the pipe is read', async () => {
    const line = await start();
    await text(line.port, 200);
    line.child.kill('SIGTERM');
    expect(await line.exit()).toBe(0);
    await new Promise((resolve) => (line.child.stdout!.readableEnded ? resolve(undefined) : line.child.stdout!.once('end', resolve)));
    const lines = logLines(line.out);
    const messages = lines.map((l) => String(l.msg));
    expect(messages.filter((m) => m === 'sms').length).toBe(200);
    expect(messages.slice(-2)).toEqual(['shutting down: no new requests, finishing those in flight', 'stopped']);
    expect(inOrder(lines)).toBe(true);
  }, 90_000);
});

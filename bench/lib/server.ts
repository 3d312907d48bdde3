import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The project root (bench/lib -> ../..). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A server under test, in its own process. */
export interface Running {
  readonly pid: number;
  readonly port: number;
  readonly url: string;
  /** Milliseconds from spawn to the port accepting connections. */
  readonly startMs: number;
  /** Resident memory now and at its peak, in MB (Linux /proc; undefined elsewhere). */
  memory(): { rssMb: number; peakMb: number } | undefined;
  /** CPU time (user + system) the process has used so far, ms (Linux /proc; NaN elsewhere). */
  cpuMs(): number;
  /** SIGTERM, then wait for the exit. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** Arguments to node, e.g. ['dist/src/main.js']. */
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Where the server's stdout goes: its log. Default /dev/null (pino still formats every line). */
  readonly stdout?: 'devnull' | 'pipe';
  readonly label: string;
}

/** What the server prints when it fails to start (its log went to /dev/null): run it again, reading it. */
function outputOf(options: SpawnOptions): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...options.args], { cwd: ROOT, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...options.env } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(out.trim().split('\n').slice(-5).join('\n'));
    });
  });
}

/** A TCP port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Spawn `node ...args` with PORT and HOST set, and wait until the port accepts connections. */
export async function spawnServer(options: SpawnOptions): Promise<Running & { child: ChildProcess }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...options.args], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...options.env },
    stdio: ['ignore', options.stdout === 'pipe' ? 'pipe' : openSync('/dev/null', 'w'), 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let dead = false;
  void exited.then(() => (dead = true));
  for (;;) {
    if (dead) throw new Error(`${options.label} exited before listening:\n${stderr || (await outputOf(options))}`);
    if (await accepts(port)) break;
    if (performance.now() - started > 30_000) {
      child.kill('SIGKILL');
      throw new Error(`${options.label} did not listen within 30 s:\n${stderr}`);
    }
    await sleep(5);
  }
  const startMs = performance.now() - started;
  const pid = child.pid ?? 0;
  return {
    child,
    pid,
    port,
    url: `http://127.0.0.1:${port}`,
    startMs,
    memory: () => memoryOf(pid),
    cpuMs: () => cpuMsOf(pid),
    stop: async () => {
      if (!dead) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
      if (process.env.BENCH_SHOW_STDERR) process.stderr.write(stderr);
    },
  };
}

/** True when something accepts a TCP connection on 127.0.0.1:port. */
export function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export function memoryOf(pid: number): { rssMb: number; peakMb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** utime + stime of a process from /proc/<pid>/stat, in ms. */
export function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/** USER_HZ: 100 on every Linux Node supports. */
const CLOCK_TICKS = 100;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';

/**
 * `npm start` as an operator runs it: with a current build it serves at once (no recompiling), and a
 * signal sent to the npm process reaches the line: SIGTERM drains and exits 0 (npm passes it on and the
 * start script execs node); SIGHUP, which npm does not pass on and dies of, still ends the line cleanly
 * instead of leaving it orphaned.
 */

interface NpmLine {
  readonly npm: ChildProcess;
  /** Everything npm and the line printed. */
  readonly output: string[];
  readonly logs: Record<string, unknown>[];
  readonly npmExited: Promise<number | null>;
  /** The line's own process id (from its log lines). */
  readonly linePid: number;
}

const started: ChildProcess[] = [];
const linePids: number[] = [];

beforeAll(() => {
  // the build `npm start` needs, made once as `npm run build` would; the test then checks start does not redo it
  const built = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: projectRoot, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
}, 240_000);

afterAll(() => {
  for (const c of started) if (c.exitCode === null) c.kill('SIGKILL');
  for (const pid of linePids) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function npmStart(): Promise<NpmLine> {
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test', FAQ_WATCH: 'false', TWILIO_AUTH_TOKEN: '', npm_config_update_notifier: 'false' };
  const npm = spawn('npm', ['start'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(npm);
  const output: string[] = [];
  const logs: Record<string, unknown>[] = [];
  const npmExited = new Promise<number | null>((resolve) => npm.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
  const listening = new Promise<Record<string, unknown>>((resolve, reject) => {
    const read = (line: string): void => {
      output.push(line);
      try {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        logs.push(parsed);
        if (String(parsed.msg).startsWith('listening')) resolve(parsed);
      } catch {
        // npm's own lines
      }
    };
    createInterface({ input: npm.stdout! }).on('line', read);
    createInterface({ input: npm.stderr! }).on('line', read);
    void npmExited.then((code) => reject(new Error(`npm exited (${code}) before the line listened:\n${output.join('\n')}`)));
  });
  const line = await listening;
  linePids.push(line.pid as number);
  return { npm, output, logs, npmExited, linePid: line.pid as number };
}

async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('npm start', () => {
  it('serves the current build without rebuilding, and SIGTERM to npm drains the line, which exits 0', async () => {
    const line = await npmStart();
    expect(line.output.join('\n')).not.toMatch(/: building$|> tsc /m);
    expect(line.linePid).not.toBe(line.npm.pid);
    line.npm.kill('SIGTERM');
    await until(() => !alive(line.linePid), 'the line exits');
    await line.npmExited;
    const messages = line.logs.map((l) => l.msg);
    expect(messages).toContain('shutting down: no new requests, finishing those in flight');
    expect(messages).toContain('stopped');
    expect(line.output.join('\n')).not.toMatch(/ELIFECYCLE|failed/i);
  }, 120_000);

  it('SIGHUP to npm (which npm does not pass on) ends the line cleanly instead of orphaning it', async () => {
    const line = await npmStart();
    line.npm.kill('SIGHUP');
    await line.npmExited;
    await until(() => !alive(line.linePid), 'the line exits after npm is gone');
    const messages = line.logs.map((l) => String(l.msg));
    expect(messages.some((m) => m.startsWith('npm, which started the line, is gone'))).toBe(true);
    expect(messages).toContain('stopped');
  }, 120_000);
});

import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';

/** The server's own limits, in a real process (src/main.ts under tsx) started as an operator would in local mode. */

interface Started {
  readonly child: ChildProcess;
  readonly port: number;
  readonly host: string;
  readonly logs: Record<string, unknown>[];
  readonly exited: Promise<number | null>;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

/** Start the line with `env` (no HOST, no token unless given) and wait for it to listen. */
async function start(env: Record<string, string>): Promise<Started> {
  const base = { ...process.env };
  delete base.HOST;
  delete base.TWILIO_AUTH_TOKEN;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: { ...base, PORT: '0', NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '0', FAQ_WATCH: 'false', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const logs: Record<string, unknown>[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<Record<string, unknown>>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (text) => {
      try {
        const line = JSON.parse(text) as Record<string, unknown>;
        logs.push(line);
        if (String(line.msg).startsWith('listening')) resolve(line);
      } catch {
        // not a log line
      }
    });
    void exited.then((code) => reject(new Error(`the line exited (${code}) before listening`)));
  });
  const line = await listening;
  return { child, port: line.port as number, host: line.host as string, logs, exited };
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

/** Everything the server sends on `socket` until it closes it. */
function untilClosed(socket: Socket): Promise<string> {
  let text = '';
  socket.setEncoding('utf8').on('data', (c: string) => (text += c));
  return new Promise((resolve) => socket.on('close', () => resolve(text)));
}

const REQUEST = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n';

describe('the server in local mode', () => {
  it('listens on 127.0.0.1 when HOST is not set, closes a client that never finishes its headers, and caps connections', async () => {
    const line = await start({ HEADERS_TIMEOUT_MS: '1000', REQUEST_TIMEOUT_MS: '2000', MAX_CONNECTIONS: '2' });
    expect(line.host).toBe('127.0.0.1');

    const slow = await open(line.port);
    const slowAnswer = untilClosed(slow);
    slow.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    const held = await open(line.port);
    held.write('GET /healthz HTTP/1.1\r\n');
    await new Promise((resolve) => setTimeout(resolve, 200)); // both taken on by the server
    const third = await open(line.port).catch(() => undefined);
    const thirdAnswer = third ? untilClosed(third) : Promise.resolve('');
    third?.write(REQUEST);
    expect(await thirdAnswer).toBe(''); // over the cap: closed without an answer
    expect(await slowAnswer).toMatch(/^HTTP\/1\.1 408/);
    held.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));

    const fourth = await open(line.port);
    const fourthAnswer = untilClosed(fourth);
    fourth.write(REQUEST);
    expect(await fourthAnswer).toMatch(/^HTTP\/1\.1 200/);
  }, 30_000);

  it('ends a shutdown within SHUTDOWN_TIMEOUT_MS even with a request stuck in flight and its stdout closed', async () => {
    const line = await start({ SHUTDOWN_TIMEOUT_MS: '2000', REQUEST_TIMEOUT_MS: '60000' });
    const stuck = await open(line.port);
    stuck.on('error', () => undefined);
    stuck.write('POST /sms HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nBody=hi');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const logged = line.logs.length;
    line.child.stdout!.destroy();
    line.child.kill('SIGTERM');
    expect(await line.exited).toBe(1);
    expect(logged).toBeGreaterThan(0);
    stuck.destroy();
  }, 30_000);

  it('logs the shutdown in order and gives up on requests in flight after SHUTDOWN_TIMEOUT_MS', async () => {
    const line = await start({ SHUTDOWN_TIMEOUT_MS: '1500', REQUEST_TIMEOUT_MS: '60000' });
    const stuck = await open(line.port);
    stuck.on('error', () => undefined);
    stuck.write('POST /sms HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nBody=hi');
    await new Promise((resolve) => setTimeout(resolve, 200));
    line.child.kill('SIGTERM');
    expect(await line.exited).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const messages = line.logs.map((l) => String(l.msg));
    const shutting = messages.indexOf('shutting down: no new requests, finishing those in flight');
    const giving = messages.findIndex((m) => m.startsWith('requests still in flight'));
    expect(shutting).toBeGreaterThan(-1);
    expect(giving).toBeGreaterThan(shutting);
    expect(line.logs[giving]).toMatchObject({ afterMs: 1500 });
    const times = line.logs.map((l) => Date.parse(String(l.time)));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    stuck.destroy();
  }, 30_000);
});

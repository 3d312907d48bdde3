import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, projectRoot } from '../../src/config.js';
import { copySiblings } from '../helpers/faq-set.js';
import { formBody } from '../helpers/sign.js';
import { smsMessages } from '../helpers/twiml.js';

/**
 * The real server in a child process (src/main.ts under tsx), as an operator runs it: SIGHUP reloads
 * the FAQ, SIGTERM under load finishes every request in flight and exits 0.
 */

const OLD = 'We carry Technology Errors and Omissions Liability insurance under our cyber liability insurance program.';
const NEW = 'We are insured against errors and omissions, and against cyber incidents.';

let dir: string;
let file: string;
let original: string;
let child: ChildProcess;
let port: number;
const logs: Record<string, unknown>[] = [];
let exited: Promise<number | null>;

beforeAll(async () => {
  original = await readFile(loadConfig({}).faqFile, 'utf8');
  dir = await mkdtemp(join(tmpdir(), 'faq-process-'));
  file = join(dir, 'faq.yaml');
  await writeFile(file, original);
  await copySiblings(dir);
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', FAQ_FILE: file, LOG_LEVEL: 'info', NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '0', FAQ_WATCH: 'false', TWILIO_AUTH_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      logs.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // not a log line
    }
  });
  const listening = await waitForLog((l) => typeof l.port === 'number' && String(l.msg).startsWith('listening'), 20_000);
  port = listening.port as number;
}, 30_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

async function waitForLog(match: (l: Record<string, unknown>) => boolean, timeoutMs = 5_000, from = 0): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = logs.slice(from).find(match);
    if (found) return found;
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before logging what was awaited`);
    if (Date.now() > deadline) throw new Error(`no such log line within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Answer {
  readonly status: number;
  readonly body: string;
}

function post(body: Record<string, string>, agent?: Agent): Promise<Answer> {
  const data = formBody(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/sms', agent: agent ?? false, headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(data) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

function get(path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    })
      .on('error', reject)
      .end();
  });
}

async function save(text: string): Promise<void> {
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
}

describe('the line as a process', () => {
  it('answers /healthz, /readyz and /metrics', async () => {
    expect((await get('/healthz')).status).toBe(200);
    expect((await get('/readyz')).status).toBe(200);
    const metrics = await get('/metrics');
    expect(metrics.body).toContain('faq_line_faq_entries');
    expect(metrics.body).toContain('process_resident_memory_bytes');
  });

  it('on SIGHUP rejects a broken FAQ and keeps serving, then serves a good edit without a restart', async () => {
    const insurance = async () => smsMessages((await post({ Body: 'Insurance' })).body).join(' ');
    expect(await insurance()).toContain(OLD);

    let from = logs.length;
    await save(original.replace(`answer: ${OLD}`, 'answer: [1, 2]'));
    child.kill('SIGHUP');
    const rejected = await waitForLog((l) => String(l.msg).startsWith('FAQ reload rejected'), 10_000, from);
    expect(rejected.msg).toMatch(/"insurance", field "answer"/);
    expect(await insurance()).toContain(OLD);

    from = logs.length;
    await save(original.replace(OLD, NEW));
    child.kill('SIGHUP');
    await waitForLog((l) => l.msg === 'FAQ reloaded', 10_000, from);
    expect(await insurance()).toContain(NEW);
    expect(child.exitCode).toBeNull();
  });

  it('on SIGTERM under load finishes every request in flight, refuses new ones, and exits 0', async () => {
    // a request in flight for sure: headers sent, body not yet
    const body = formBody({ Body: 'Where are backups stored?', MessageSid: 'SMslow', From: '+14155550001' });
    const slow = connect(port, '127.0.0.1');
    let slowAnswer = '';
    slow.setEncoding('utf8').on('data', (c: string) => (slowAnswer += c));
    const slowClosed = new Promise((resolve) => slow.on('close', resolve));
    slow.write(`POST /sms HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`);
    slow.write(body.slice(0, 10));

    // 16 clients sending as fast as they can: half with keep-alive connections, half a connection each
    const answered = new Map<string, Answer>();
    const failures: string[] = [];
    let stop = false;
    let n = 0;
    const keepAlive = new Agent({ keepAlive: true, maxSockets: 8 });
    const client = async (agent?: Agent): Promise<void> => {
      while (!stop) {
        const sid = `SM${(n += 1)}`;
        try {
          answered.set(sid, await post({ Body: 'Where are backups stored?', MessageSid: sid, From: '+14155551567' }, agent));
        } catch (err) {
          failures.push((err as NodeJS.ErrnoException).code ?? String(err));
          return; // the server stopped accepting
        }
      }
    };
    const clients = Promise.all([...Array.from({ length: 8 }, () => client(keepAlive)), ...Array.from({ length: 8 }, () => client())]);

    // under load for sure: 50 answers in, however long the machine takes to give them
    while (answered.size < 50 && failures.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const before = answered.size;
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    slow.end(body.slice(10));
    await slowClosed;
    await clients;
    stop = true;
    keepAlive.destroy();

    expect(await exited).toBe(0);
    expect(before).toBeGreaterThanOrEqual(50);
    expect(slowAnswer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(slowAnswer).toContain('Connection: close');
    expect(smsMessages(slowAnswer.slice(slowAnswer.indexOf('\r\n\r\n') + 4)).length).toBeGreaterThan(0);
    // no request is lost: every one sent was either answered with TwiML or refused before the
    // server took it on (one failure per client at most, the client's last request)
    expect(answered.size + failures.length).toBe(n);
    expect(failures.length).toBeLessThanOrEqual(16);
    // every request the server took on was answered, and every answer is TwiML
    const handled = logs.filter((l) => l.msg === 'sms' && /^SM\d+$/.test(String(l.messageSid))).map((l) => String(l.messageSid));
    expect(handled.length).toBeGreaterThanOrEqual(before);
    for (const sid of handled) expect(answered.get(sid)?.status, sid).toBe(200);
    for (const sid of answered.keys()) expect(handled, sid).toContain(sid);
    for (const a of answered.values()) expect(smsMessages(a.body).length).toBeGreaterThan(0);
    // the only failures are connections the server never took on
    for (const f of failures) expect(['ECONNREFUSED', 'ECONNRESET']).toContain(f);
    expect(logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['shutting down: no new requests, finishing those in flight', 'stopped']));
  });
});

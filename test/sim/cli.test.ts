import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeLine, TOKEN, twiml, type FakeLine } from './fake-line.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The simulator as `npm run sim` runs it, without blocking this process (fake lines answer from it). */
function sim(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/sim.ts', ...args],
      { cwd: root, env: { ...process.env, TWILIO_AUTH_TOKEN: '', ...env }, timeout: 30_000 },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let line: FakeLine | undefined;
afterEach(async () => {
  await line?.close();
  line = undefined;
});

describe('faq-line-sim', () => {
  it('sms --local answers with no server running, showing segments', async () => {
    const run = await sim(['sms', '--local', 'Where are backups stored?']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^you: {4}Where are backups stored\?\nline: {3}\S/);
    expect(run.stdout).toMatch(/\[\d+ characters, GSM-7, \d+ segments?\]/);
  });

  it('exits 3 and says to start the line when nothing listens', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const run = await sim(['sms', '--url', `http://127.0.0.1:${port}`, 'hello']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('LINE_UNREACHABLE');
    expect(run.stderr).toContain('is the line running? Start it with `npm start`');
  });

  it('signs with TWILIO_AUTH_TOKEN and exits 4 with what to check when the line refuses the signature', async () => {
    line = await fakeLine((app) =>
      app.post('/sms', (req, res) => {
        if (req.get('x-twilio-signature') === undefined) res.status(400).send('Missing X-Twilio-Signature header.');
        else res.status(403).type('text/plain').send('Twilio signature does not match.');
      }),
    );
    const run = await sim(['sms', '--url', line.url, 'hello'], { TWILIO_AUTH_TOKEN: 'other' });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('PUBLIC_URL');
    expect(run.stderr).toContain(`signed exactly ${line.url}/sms`);
  });

  it('exits 6 when the line answers something other than TwiML', async () => {
    line = await fakeLine((app) => app.post('/sms', (_req, res) => res.type('text/html').send('<h1>Hello</h1>')));
    const run = await sim(['sms', '--url', line.url, 'hello']);
    expect(run.code).toBe(6);
    expect(run.stderr).toContain('NOT_TWIML');
  });

  it('texts from a WhatsApp sender (whatsapp:+1...) as Twilio sends one', async () => {
    let from = '';
    line = await fakeLine((app) => {
      app.post('/sms', (req, res) => {
        from = String((req.body as Record<string, unknown>).From);
        res.type('text/xml').send(twiml('<Message>Hi there.</Message>'));
      });
    });
    const run = await sim(['sms', '--url', line.url, '--from', 'whatsapp:+15551234567', '--to', 'whatsapp:+15557654321', 'hello']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(from).toBe('whatsapp:+15551234567');
  }, 40_000);

  it('exits 2 on a bad option', async () => {
    const run = await sim(['sms', '--url', 'localhost', 'hello']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('http(s) URL');
  });

  it('call --script plays the turns and prints the transcript, signed with --token', async () => {
    line = await fakeLine((app) => {
      app.post('/voice', (_req, res) => res.type('text/xml').send(twiml('<Gather input="speech" action="/voice/ask"><Say>Ask.</Say></Gather>')));
      app.post('/voice/ask', (req, res) => res.type('text/xml').send(twiml(`<Say>Heard: ${String((req.body as { SpeechResult: string }).SpeechResult)}</Say><Hangup/>`)));
    });
    const scripted = await sim(['call', '--url', line.url, '--token', TOKEN, '--script', 'test/fixtures/sim/one-question.txt']);
    expect(scripted.stderr).toBe('');
    expect(scripted.code).toBe(0);
    expect(scripted.stdout).toContain('caller: Where are backups stored?');
    expect(scripted.stdout).toContain('line:   Heard: Where are backups stored?');
    expect(scripted.stdout).toContain('[the line hangs up after 2 requests]');
    expect(line.received.every((r) => r.signed)).toBe(true);
  });
});

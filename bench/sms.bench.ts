/**
 * POST /sms on the real line (node dist/src/main.js, production, signatures checked, info logs
 * to /dev/null) under load: every request a different, validly signed question.
 */
import { benchOptions, report } from './lib/case.js';
import { webhookPool } from './lib/pool.js';
import { spawnServer, type Running } from './lib/server.js';
import { signedForm } from './lib/sign.js';
import { appArgs, appEnv, measureWebhook, smsFields, smsRequests, textStream } from './lib/webhook.js';

const options = benchOptions();
const texts = textStream(await webhookPool());
const server = await spawnServer({ label: 'the line', args: appArgs(options, 'sms'), env: appEnv() });
try {
  await preflight(server.url);
  const result = await measureWebhook('the line', 'POST /sms', server, smsRequests('/sms', texts), options, 'sms', texts.distinct);
  report({ ...result, ...(await settledMemory(server, options.quick ? 5 : 30)) });
} finally {
  await server.stop();
}

/**
 * Resident memory after the server has sat idle up to `seconds` once the load stopped: V8 keeps the
 * heap it grew under load and gives it back after some idle seconds (its memory reducer). Stops early
 * once memory has dropped and held for 5 s.
 */
async function settledMemory(server: Running, seconds: number): Promise<{ settledRssMb?: number; settledAfterS?: number }> {
  const first = server.memory()?.rssMb;
  if (first === undefined) return {};
  let last: number = first;
  let steady = 0;
  let waited = 0;
  const start = last;
  while (waited < seconds && !(last < start * 0.8 && steady >= 5)) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    waited++;
    const now: number = server.memory()?.rssMb ?? last;
    steady = Math.abs(now - last) < 1 ? steady + 1 : 0;
    last = now;
  }
  return { settledRssMb: last, settledAfterS: waited };
}

/** Make sure the load measures answers: a signed question is answered, an unsigned one refused. */
async function preflight(url: string): Promise<void> {
  const signed = signedForm('/sms', smsFields(0, 'where are backups stored?'));
  const ok = await fetch(`${url}/sms`, { method: 'POST', headers: signed.headers, body: signed.body });
  const twiml = await ok.text();
  if (ok.status !== 200 || !twiml.includes('<Message>')) throw new Error(`POST /sms did not answer a signed question: ${ok.status} ${twiml}`);
  const unsigned = await fetch(`${url}/sms`, { method: 'POST', headers: { 'content-type': signed.headers['content-type'] ?? '' }, body: signed.body });
  await unsigned.text();
  if (unsigned.status !== 400) throw new Error(`POST /sms accepted an unsigned request (${unsigned.status}): are signatures checked?`);
}

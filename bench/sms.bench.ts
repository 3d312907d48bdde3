/**
 * POST /sms on the real line (node dist/src/main.js, production, signatures checked, info logs
 * to /dev/null) under load: every request a different, validly signed question.
 */
import { benchOptions, report } from './lib/case.js';
import { webhookPool } from './lib/pool.js';
import { spawnServer } from './lib/server.js';
import { signedForm } from './lib/sign.js';
import { appArgs, appEnv, measureWebhook, smsFields, smsRequests, textStream } from './lib/webhook.js';

const options = benchOptions();
const texts = textStream(await webhookPool());
const server = await spawnServer({ label: 'the line', args: appArgs(options, 'sms'), env: appEnv() });
try {
  await preflight(server.url);
  report(await measureWebhook('the line', 'POST /sms', server, smsRequests('/sms', texts), options, 'sms', texts.distinct));
} finally {
  await server.stop();
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

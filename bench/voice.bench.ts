/**
 * The voice answer route under load: POST /voice once to find the <Gather> action, then post a
 * different signed SpeechResult to that action on every request.
 */
import { benchOptions, report } from './lib/case.js';
import { webhookPool } from './lib/pool.js';
import { spawnServer } from './lib/server.js';
import { BENCH_PUBLIC_URL, signedForm } from './lib/sign.js';
import { appArgs, appEnv, measureWebhook, textStream, voiceFields } from './lib/webhook.js';

const NAME = 'the line, voice answer';
const options = benchOptions();
const texts = textStream(await webhookPool());
const server = await spawnServer({ label: 'the line', args: appArgs(options, 'voice'), env: appEnv() });
try {
  const action = await gatherAction(server.url);
  if (typeof action !== 'string') {
    console.log(`skipped: ${action.skipped}`);
    report({ kind: 'skipped', name: NAME, reason: action.skipped });
  } else {
    let n = 0;
    const next = (): { path: string; body: string; headers: Record<string, string> } => {
      const fields = voiceFields(++n, { SpeechResult: texts.next(), Confidence: '0.91' });
      return { path: action, ...signedForm(action, fields) };
    };
    const probe = next();
    const res = await fetch(server.url + action, { method: 'POST', headers: probe.headers, body: probe.body });
    const twiml = await res.text();
    if (res.status !== 200 || !/<(Say|Play)\b/.test(twiml)) throw new Error(`POST ${action} did not answer a signed question: ${res.status} ${twiml}`);
    report(await measureWebhook(NAME, `POST ${action.split('?')[0] ?? action}`, server, next, options, 'voice', texts.distinct));
  }
} finally {
  await server.stop();
}

/** The path (and query) of the first <Gather action> in the /voice answer, or why there is none. */
async function gatherAction(url: string): Promise<string | { skipped: string }> {
  const { body, headers } = signedForm('/voice', voiceFields(0, { CallStatus: 'ringing' }));
  const res = await fetch(`${url}/voice`, { method: 'POST', headers, body });
  const twiml = await res.text();
  if (res.status === 404 || res.status === 405) return { skipped: 'no voice route' };
  if (res.status !== 200) throw new Error(`POST /voice answered ${res.status}: ${twiml}`);
  const m = /<Gather\b[^>]*\baction="([^"]+)"/.exec(twiml);
  if (!m?.[1]) return { skipped: 'no <Gather action> in the /voice answer' };
  const target = new URL(m[1].replace(/&amp;/g, '&'), `${BENCH_PUBLIC_URL}/voice`);
  return target.pathname + target.search;
}

/**
 * The per-request work of POST /sms, stage by stage, in one process: the signature check, the
 * line's reply (dialog + classifier), the TwiML, and the log line (pino to /dev/null). Median
 * and mean microseconds over the webhook question pool. HTTP and form parsing are not in it:
 * the bare Express case measures those.
 */
import { pino } from 'pino';
import { createLogger } from '../src/log.js';
import { createLine } from '../src/line.js';
import { isTwilioSignature } from '../src/http/signature.js';
import { outcomeOf } from '../src/dialog/reply.js';
import { benchOptions, report } from './lib/case.js';
import { bundledFaq, webhookPool } from './lib/pool.js';
import { BENCH_PUBLIC_URL, BENCH_TOKEN, twilioSignature } from './lib/sign.js';
import { summarize } from './lib/stats.js';
import { smsFields } from './lib/webhook.js';

const options = benchOptions();
const faq = await bundledFaq();
const line = createLine(faq);
const logger = createLogger({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: true }));
const pool = await webhookPool();
const requests = pool.slice(0, options.quick ? 2_000 : pool.length).map((q, i) => {
  const fields = smsFields(i, q);
  return { fields, signature: twilioSignature(`${BENCH_PUBLIC_URL}/sms`, fields) };
});

const stages = {
  'signature check': new Float64Array(requests.length),
  'reply (dialog + classifier)': new Float64Array(requests.length),
  'SMS TwiML': new Float64Array(requests.length),
  'log line (pino, /dev/null)': new Float64Array(requests.length),
};
for (let round = 0; round < 2; round++) {
  requests.forEach(({ fields, signature }, i) => {
    let t = process.hrtime.bigint();
    if (!isTwilioSignature(BENCH_TOKEN, signature, `${BENCH_PUBLIC_URL}/sms`, fields)) throw new Error('signature did not match');
    let now = process.hrtime.bigint();
    stages['signature check'][i] = Number(now - t) / 1000;
    t = now;
    const reply = line.reply({ text: fields.Body ?? '', numMedia: 0 });
    now = process.hrtime.bigint();
    stages['reply (dialog + classifier)'][i] = Number(now - t) / 1000;
    t = now;
    // The line's own renderer, as the server uses it: an answer is rendered once per line and kept.
    const { messages } = line.smsTwiml(reply);
    now = process.hrtime.bigint();
    stages['SMS TwiML'][i] = Number(now - t) / 1000;
    t = now;
    logger.child({ messageSid: fields.MessageSid }).info(
      { channel: 'sms', outcome: outcomeOf(reply), parts: messages.length, latencyMs: 1.2, from: fields.From, text: fields.Body },
      'sms',
    );
    stages['log line (pino, /dev/null)'][i] = Number(process.hrtime.bigint() - t) / 1000;
  });
}
report({
  kind: 'hot-path',
  questions: requests.length,
  stages: Object.entries(stages).map(([name, samples]) => {
    const s = summarize(samples);
    return { name, medianUs: s.p50, meanUs: s.mean };
  }),
});

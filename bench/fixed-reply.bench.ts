/** POST /sms on the line's own HTTP path with a fixed reply (fixed-reply-server.ts), under the same load as the line. */
import { benchOptions, report } from './lib/case.js';
import { webhookPool } from './lib/pool.js';
import { spawnServer } from './lib/server.js';
import { appEnv, measureWebhook, profileArgs, smsRequests, textStream } from './lib/webhook.js';

const options = benchOptions();
const texts = textStream(await webhookPool());
const server = await spawnServer({ label: 'fixed reply', args: [...profileArgs(options, 'fixed-reply'), '--import', 'tsx', 'bench/fixed-reply-server.ts'], env: appEnv() });
try {
  const result = await measureWebhook('the line, fixed reply (no understanding)', 'POST /sms', server, smsRequests('/sms', texts), options, 'fixed-reply', texts.distinct);
  report({ ...result, role: 'fixed-reply' });
} finally {
  await server.stop();
}

/** The ceiling: a bare Express endpoint (form parsing + fixed TwiML) under the same load as POST /sms. */
import { benchOptions, report } from './lib/case.js';
import { webhookPool } from './lib/pool.js';
import { spawnServer } from './lib/server.js';
import { measureWebhook, profileArgs, smsRequests, textStream } from './lib/webhook.js';

const options = benchOptions();
const texts = textStream(await webhookPool());
const server = await spawnServer({ label: 'bare Express', args: [...profileArgs(options, 'bare'), '--import', 'tsx', 'bench/bare-server.ts'], env: { NODE_ENV: 'production' } });
try {
  const result = await measureWebhook('bare Express (urlencoded + fixed TwiML)', 'POST /sms', server, smsRequests('/sms', texts), options, 'bare', texts.distinct);
  report({ ...result, role: 'bare' });
} finally {
  await server.stop();
}

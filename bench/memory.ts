/**
 * What the line's resident memory is made of at the end of a POST /sms load: the built line under
 * `seconds` of load (as sms.bench.ts drives it), then its own /metrics (V8 heap spaces, external
 * memory, RSS) read at once, and again 10 s later. `npx tsx bench/memory.ts 5`.
 * BENCH_NODE_OPTIONS passes V8 flags to the line (say --max-semi-space-size=4).
 */
import { hammer } from './lib/load.js';
import { webhookPool } from './lib/pool.js';
import { spawnServer } from './lib/server.js';
import { appArgs, appEnv, smsRequests, textStream } from './lib/webhook.js';

const seconds = Number(process.argv[2] ?? 5);
const texts = textStream(await webhookPool());
const server = await spawnServer({ label: 'the line', args: appArgs({ quick: false, seconds, warmupSeconds: 0, connections: 16 }, 'sms'), env: appEnv() });
try {
  console.log('idle after start:', await memory(server.url), `RSS ${server.memory()?.rssMb.toFixed(0)} MB`);
  const next = smsRequests('/sms', texts);
  const r = await hammer({ url: server.url, connections: 16, seconds, next });
  console.log(`${r.responses} responses in ${seconds} s`);
  console.log('at the end of the load:', await memory(server.url), `RSS ${server.memory()?.rssMb.toFixed(0)} MB`);
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  console.log('10 s later:', await memory(server.url), `RSS ${server.memory()?.rssMb.toFixed(0)} MB`);
} finally {
  await server.stop();
}

/** The heap figures of the line's /metrics, in MB. */
async function memory(url: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const m = /^(nodejs_heap_space_size_(?:used|total)_bytes\{space="(\w+)"\}|nodejs_heap_size_(total|used)_bytes|nodejs_external_memory_bytes|process_resident_memory_bytes) (\S+)$/.exec(line);
    const kind = line.includes('space_size_total') ? ' committed' : '';
    if (m) out[(m[2] ?? m[3] ?? m[1] ?? '') + kind] = Math.round(Number(m[4]) / 1e5) / 10;
  }
  return out;
}

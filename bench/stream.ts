/**
 * The line's understanding over the webhook cases' own stream of texts (textStream: the 5,000-question
 * pool behind its 7 openings), in one process, by window: how the cost per reply falls as the
 * per-line caches (wink's pieces, stems, tags alone, spelling corrections, feature names) fill.
 * A loaded server sees the same stream: in a short run every text is new. `npx tsx bench/stream.ts 35000`.
 */
import { createLine } from '../src/line.js';
import { bundledFaq, webhookPool } from './lib/pool.js';
import { textStream } from './lib/webhook.js';

const total = Number(process.argv[2] ?? 35_000);
const window = 2_500;
const faq = await bundledFaq();
const line = createLine(faq);
const texts = textStream(await webhookPool());
for (let done = 0; done < total; done += window) {
  // CPU time, not wall: steadier when other processes share the cores
  const before = process.cpuUsage();
  for (let i = 0; i < window; i++) line.reply({ text: texts.next(), numMedia: 0 });
  const cpu = process.cpuUsage(before);
  console.log(`requests ${done + 1}-${done + window}: ${((cpu.user + cpu.system) / window).toFixed(1)} µs CPU per reply`);
}

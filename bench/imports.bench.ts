/**
 * What starting the line costs in imports: each heavy module imported cold in a fresh process,
 * everything dist/src/main.js imports together, and a check that the twilio package's REST
 * client is not among it (only its webhook and TwiML helpers).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { benchOptions, report } from './lib/case.js';
import { ROOT } from './lib/server.js';
import { median } from './lib/stats.js';

const options = benchOptions();
const runs = options.quick ? 1 : 3;

/** The modules main.ts imports, read from the build (node: builtins left out). */
const mainImports = [...readFileSync(`${ROOT}dist/src/main.js`, 'utf8').matchAll(/^import\s[^'"]*['"]([^'"]+)['"]/gm)]
  .map((m) => m[1] ?? '')
  .filter((s) => s.startsWith('.'))
  .map((s) => `./dist/src/${s.replace(/^\.\//, '')}`);

const MODULES: readonly (readonly [string, readonly string[]])[] = [
  ['nothing (node itself)', []],
  ['everything main.js imports', mainImports],
  ['express', ['express']],
  ['pino', ['pino']],
  ['zod', ['zod']],
  ['yaml', ['yaml']],
  ['wink-nlp + English model (src/nlu/wink)', ['./dist/src/nlu/wink.js']],
  ['twilio/lib/webhooks/webhooks', ['twilio/lib/webhooks/webhooks.js']],
  ['twilio/lib/twiml/MessagingResponse', ['twilio/lib/twiml/MessagingResponse.js']],
  ['twilio (whole package, not used)', ['twilio']],
];

const modules = MODULES.map(([name, specs]) => {
  const samples = Array.from({ length: runs }, () => JSON.parse(time(specs)) as { ms: number; rssMb: number });
  return { name, ms: median(samples.map((s) => s.ms)), rssMb: median(samples.map((s) => s.rssMb)) };
});
const census = JSON.parse(
  run(`${mainImports.map((s) => `await import(${JSON.stringify(s)});`).join('')}
  const { createRequire } = await import('node:module');
  const keys = Object.keys(createRequire(import.meta.url).cache);
  process.stdout.write(JSON.stringify({ twilio: keys.filter((k) => k.includes('/node_modules/twilio/')).length,
    rest: keys.filter((k) => k.includes('/node_modules/twilio/lib/rest/')).length }));`),
) as { twilio: number; rest: number };
report({ kind: 'imports', modules, restClientFiles: census.rest, twilioFiles: census.twilio });

function time(specs: readonly string[]): string {
  return run(`const t = performance.now(); ${specs.map((s) => `await import(${JSON.stringify(s)});`).join(' ')}
  const ms = performance.now() - t;
  process.stdout.write(JSON.stringify({ ms, rssMb: process.memoryUsage().rss / 1048576 }));`);
}

function run(code: string): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
}

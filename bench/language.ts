/**
 * Language detectors on short messages (bench/language-set.yaml): for each candidate, alone and
 * inside the line's guard (src/nlu/language.ts), how many foreign messages get their own language,
 * how many are caught as foreign at all, how many English messages are called foreign, and the cost
 * per call. Candidates that are not installed are skipped; to compare all of them:
 *
 *   npm run bench:language
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadFaq } from '../src/faq/load.js';
import { createLine } from '../src/line.js';
import { createLanguageGuard, wordsOf, type Detected, type Detector } from '../src/nlu/language.js';

interface LanguageSet {
  readonly foreign: Record<string, string[]>;
  readonly english: string[];
}

interface Candidate {
  readonly name: string;
  /** The module to import, for the memory figure. */
  readonly module: string;
  readonly load: () => Promise<Detector>;
}

/** franc answers ISO 639-3; the codes of the benchmark's languages and their neighbours. */
const ISO3: Record<string, string> = {
  eng: 'en', rus: 'ru', ukr: 'uk', bel: 'be', bul: 'bg', spa: 'es', por: 'pt', fra: 'fr', deu: 'de', ita: 'it',
  cmn: 'zh', jpn: 'ja', arb: 'ar', pes: 'fa', urd: 'ur', hin: 'hi', mar: 'mr', nld: 'nl', cat: 'ca', glg: 'gl',
};

const CANDIDATES: readonly Candidate[] = [
  ...(['extrasmall', 'small', 'medium', 'large'] as const).map((size) => ({
    name: `eld ${size}`,
    module: `eld/${size}`,
    load: async (): Promise<Detector> => {
      const { eld } = (await import(`eld/${size}`)) as typeof import('eld/small');
      return (text) => {
        const r = eld.detect(text);
        const scores = r.getScores();
        return { language: r.language, reliable: r.isReliable(), aheadOfEnglish: (scores[r.language] ?? 0) - (scores.en ?? 0) };
      };
    },
  })),
  ...(['light', 'normal'] as const).map((size) => ({
    name: `tinyld ${size}`,
    module: size === 'normal' ? 'tinyld' : `tinyld/${size}`,
    load: async (): Promise<Detector> => {
      const { detectAll } = (await import(size === 'normal' ? 'tinyld' : `tinyld/${size}`)) as {
        detectAll: (t: string) => { lang: string; accuracy: number }[];
      };
      return (text) => {
        const all = detectAll(text);
        const top = all[0];
        const english = all.find((a) => a.lang === 'en')?.accuracy ?? 0;
        return { language: top?.lang ?? '', reliable: top !== undefined, aheadOfEnglish: (top?.accuracy ?? 0) - english };
      };
    },
  })),
  {
    name: 'franc-min',
    module: 'franc-min',
    load: async (): Promise<Detector> => {
      const { francAll } = (await import('franc-min')) as { francAll: (t: string, o: { minLength: number }) => [string, number][] };
      return (text) => {
        const all = francAll(text, { minLength: 1 });
        const [code, score] = all[0] ?? ['und', 0];
        const english = all.find(([c]) => c === 'eng')?.[1] ?? 0;
        return { language: code === 'und' ? '' : (ISO3[code] ?? code), reliable: code !== 'und', aheadOfEnglish: score - english };
      };
    },
  },
];

const set = parse(readFileSync(new URL('./language-set.yaml', import.meta.url), 'utf8')) as LanguageSet;
const foreign = Object.entries(set.foreign).flatMap(([language, texts]) => texts.map((text) => ({ language, text })));
const verbose = process.argv.includes('--verbose');
const faq = await loadFaq(new URL('../faq-data/faq.yaml', import.meta.url).pathname);
/** The line's guard counts the FAQ's own words as English, as createLine configures it. */
const vocabulary = wordsOf(faq.entries.flatMap((e) => [e.question, e.answer, ...e.phrasings]));

interface Row {
  readonly name: string;
  readonly right: number;
  readonly caught: number;
  readonly falseForeign: number;
  /** Median µs per English message, and per foreign one. */
  readonly micros: number;
  readonly foreignMicros: number;
  readonly misses: readonly string[];
}

/** `call` returns the language of a text, or undefined for English. */
function measure(name: string, call: (text: string) => string | undefined): Row {
  let right = 0;
  let caught = 0;
  const misses: string[] = [];
  for (const { language, text } of foreign) {
    const said = call(text);
    if (said !== undefined) caught++;
    if (said === language) right++;
    else misses.push(`${language} -> ${said ?? 'en'}: ${text}`);
  }
  let falseForeign = 0;
  for (const text of set.english) {
    const said = call(text);
    if (said !== undefined) {
      falseForeign++;
      misses.push(`en -> ${said}: ${text}`);
    }
  }
  const micros = costOf(call, set.english);
  const foreignMicros = costOf(call, foreign.map((f) => f.text));
  return { name, right, caught, falseForeign, micros, foreignMicros, misses };
}

/**
 * Median µs per call over blocks of calls on `texts`: the machine is shared, so the median of many
 * short blocks says more than one long run.
 */
function costOf(call: (text: string) => unknown, texts: readonly string[]): number {
  for (let i = 0; i < 3; i++) for (const text of texts) call(text);
  const blocks: number[] = [];
  for (let b = 0; b < 31; b++) {
    const started = performance.now();
    for (let r = 0; r < 5; r++) for (const text of texts) call(text);
    blocks.push(((performance.now() - started) * 1000) / (5 * texts.length));
  }
  return blocks.sort((a, b) => a - b)[15] ?? 0;
}

function asLanguage(d: Detected): string | undefined {
  return d.language === '' || d.language === 'en' ? undefined : d.language;
}

interface Footprint {
  /** Heap kept after a collection, MB. */
  readonly heap: number;
  /** Resident memory gained, MB. */
  readonly rss: number;
  /** Time to import the module, ms. */
  readonly importMs: number;
}

/** What importing the module and detecting once costs a fresh Node process. */
function footprintOf(module: string): Footprint {
  const script = `globalThis.gc(); const heap = process.memoryUsage().heapUsed, rss = process.memoryUsage().rss, t = performance.now();
    const m = await import(${JSON.stringify(module)}); const importMs = performance.now() - t;
    if (m.eld) m.eld.detect('bonjour tout le monde'); else (m.franc ?? m.detect)('bonjour tout le monde');
    globalThis.gc(); const u = process.memoryUsage();
    console.log(JSON.stringify({ heap: (u.heapUsed - heap) / 1e6, rss: (u.rss - rss) / 1e6, importMs }));`;
  return JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script]).toString()) as Footprint;
}

const line = createLine(faq);
const baseline = costOf((text) => line.reply({ text, numMedia: 0 }), set.english);

const pct = (n: number, of: number): string => `${((100 * n) / of).toFixed(1)}%`;
const rows: { row: Row; memory: Footprint | undefined }[] = [];
for (const candidate of CANDIDATES) {
  let detect: Detector;
  try {
    detect = await candidate.load();
  } catch {
    console.log(`${candidate.name}: not installed, skipped`);
    continue;
  }
  const memory = footprintOf(candidate.module);
  rows.push({ row: measure(`${candidate.name} alone`, (text) => asLanguage(detect(text))), memory });
  const guard = createLanguageGuard({ detect, languages: Object.keys(set.foreign), vocabulary });
  rows.push({ row: measure(`${candidate.name} in the guard`, guard), memory: undefined });
}

console.log(`\n${foreign.length} foreign messages in ${Object.keys(set.foreign).length} languages, ${set.english.length} English (bench/language-set.yaml)\n`);
console.log(`baseline: the line's whole reply to an English message (classifier included) takes ${baseline.toFixed(1)} µs (median)\n`);
console.log('| detector | own language | caught as foreign | English called foreign | µs per English message (x reply) | µs per foreign message | heap / RSS (MB) | import (ms) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const { row, memory } of rows) {
  console.log(
    `| ${row.name} | ${pct(row.right, foreign.length)} | ${pct(row.caught, foreign.length)} | ${pct(row.falseForeign, set.english.length)} (${row.falseForeign}) | ${row.micros.toFixed(1)} (${(row.micros / baseline).toFixed(2)}x) | ${row.foreignMicros.toFixed(1)} | ${memory ? `${memory.heap.toFixed(0)} / ${memory.rss.toFixed(0)}` : ''} | ${memory ? memory.importMs.toFixed(0) : ''} |`,
  );
}
if (verbose) {
  for (const { row } of rows) {
    console.log(`\n${row.name}:`);
    for (const miss of row.misses) console.log(`  ${miss}`);
  }
}

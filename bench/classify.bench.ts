/**
 * Classifier cost for one FAQ: `bundled` (faq-data/faq.yaml) or a generated FAQ of N entries.
 * Index build time, then the time of each classify() call over many distinct questions
 * (process.hrtime.bigint around each call, after a warm-up on other questions).
 *
 *   tsx bench/classify.bench.ts 2000
 */
import { buildFaq, buildFaqSet } from '../src/faq/build.js';
import { readFaqSet } from '../src/faq/load.js';
import { benchOptions, report } from './lib/case.js';
import { generateFaqYaml } from './lib/faq-gen.js';
import { bundledFaq } from './lib/pool.js';
import { generateQuestions } from './lib/questions.js';
import { summarize } from './lib/stats.js';

const which = process.argv[2] ?? 'bundled';
const options = benchOptions();

let t = performance.now();
const { createClassifier } = await import('../src/nlu/classifier.js');
const { createLine } = await import('../src/line.js');
const { renderSmsTwiml } = await import('../src/render/sms.js');
const nluLoadMs = performance.now() - t;

const bundled = await bundledFaq();
const texts = which === 'bundled' ? await readFaqSet(bundled.source) : undefined;
const text = texts ? undefined : generateFaqYaml(Number(which), bundled.understanding);
t = performance.now();
const faq = texts ? buildFaqSet(texts) : buildFaq(text ?? '', `generated-${which}`);
const loadMs = performance.now() - t;

t = performance.now();
const classifier = createClassifier(faq, faq.understanding);
const indexMs = performance.now() - t;
const line = createLine(faq);

const warm = options.quick ? 500 : 2_000;
const measured = options.quick ? 2_000 : 10_000;
const questions = generateQuestions(faq, warm + measured, 23);
for (const q of questions.slice(0, warm)) classifier.classify(q);

const samples = new Float64Array(questions.length - warm);
let answered = 0;
questions.slice(warm).forEach((q, i) => {
  const start = process.hrtime.bigint();
  const c = classifier.classify(q);
  samples[i] = Number(process.hrtime.bigint() - start) / 1000;
  if (c.accepted) answered++;
});
const replies = new Float64Array(samples.length);
questions.slice(warm).forEach((q, i) => {
  const start = process.hrtime.bigint();
  renderSmsTwiml(line.reply({ text: q, numMedia: 0 }), faq);
  replies[i] = Number(process.hrtime.bigint() - start) / 1000;
});

const s = summarize(samples);
report({
  kind: 'classify',
  faq: which === 'bundled' ? 'bundled (faq-data/faq.yaml)' : `generated, ${which} entries`,
  entries: faq.entries.length,
  phrasings: faq.entries.reduce((sum, e) => sum + e.phrasings.length, 0),
  nluLoadMs,
  loadMs,
  indexMs,
  questions: samples.length,
  medianUs: s.p50,
  p99Us: s.p99,
  meanUs: s.mean,
  answered: answered / samples.length,
  replyMedianUs: summarize(replies).p50,
});

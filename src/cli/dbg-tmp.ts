import { readFileSync } from 'node:fs';
import { loadFaq } from '../faq/load.js';
import { parseLabelledSet } from '../eval/labelled-set.js';
import { createClassifier } from '../nlu/classifier.js';
const faq = await loadFaq('faq-data/faq.yaml');
const c = createClassifier(faq, faq.understanding);
const set = parseLabelledSet(readFileSync(process.argv[2] as string, 'utf8'), 'x', new Set(faq.entries.map((e) => e.id)));
for (const q of set) {
  const r = c.classify(q.text);
  if (q.expect && !q.expectAll && (r.rule === 'subject' || r.rule === 'detail')) console.log('IN', q.expect, r.best?.entry.id, r.rule, JSON.stringify(r.subject ?? r.detail), '|', q.text);
  if (!q.expect && r.accepted) console.log('OUT', q.kind, r.best?.entry.id, r.best?.score.toFixed(2), '|', q.text);
}

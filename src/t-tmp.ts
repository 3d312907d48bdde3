import { loadFaq } from './faq/load.js';
import { createLine } from './line.js';
import { createClassifier } from './nlu/classifier.js';
const faq = await loadFaq('faq-data/faq.yaml');
const line = createLine(faq);
const c = createClassifier(faq, faq.understanding);
for (const t of process.argv.slice(2)) { const r = line.reply({ text: t, numMedia: 0 }); console.log(t, '->', r.kind, (r as any).entry?.id, (r as any).more?.map((e: any) => e.id), (r as any).uncovered, JSON.stringify({...c.classify(t), best: c.classify(t).best?.entry.id, runnerUp: undefined})); }

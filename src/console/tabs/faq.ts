import { lintFaq, type LintProblem } from '../../editor/lint.js';
import type { Faq } from '../../faq/model.js';
import type { Line } from '../../line.js';
import { smsMessages } from '../../render/sms.js';
import { measureMessage } from '../../sim/text.js';
import { html, type Html } from '../html.js';

const lintOf = new WeakMap<Faq, readonly LintProblem[]>();

/** The FAQ tab: every entry's answer, its SMS parts, its spoken form and faq:lint's notes on it. */
export function faqTab(line: Line): Html {
  const faq = line.faq;
  let problems = lintOf.get(faq);
  if (!problems) lintOf.set(faq, (problems = lintFaq(faq).problems));
  const general = problems.filter((p) => !p.where.startsWith('entry "'));
  return html`<p class="muted">${faq.entries.length} entries in ${faq.topics.length} topics, from ${faq.source}. Threshold ${faq.understanding.threshold}, clarify margin ${faq.understanding.clarifyMargin}.</p>
${general.length ? html`<h2>Notes on the FAQ</h2><ul>${general.map((p) => note(p, true))}</ul>` : ''}
${faq.topics.map(
  (topic) => html`<h2>${topic.letter}) ${topic.name}</h2>
${topic.entries.filter((e) => e.topic === topic.name).map((entry) => {
  const parts = smsMessages([entry.answer]).map((body) => measureMessage(body));
  const spoken = line.voice?.answer(entry, false).pages ?? [];
  const notes = problems.filter((p) => p.where === `entry "${entry.id}"`);
  return html`<article class="entry" id="entry-${entry.id}">
<h3>${entry.number}) ${entry.question} <span class="muted">${entry.id}</span></h3>
<details><summary>Answer</summary><p>${entry.answer}</p></details>
<details><summary>By SMS: ${count(parts.length, 'message')}, ${count(parts.reduce((n, p) => n + p.segments, 0), 'segment')}</summary>
<div class="parts">${parts.map((p) => html`<div class="bubble">${p.body}</div><div class="meta">${p.chars} characters, ${p.encoding}, ${count(p.segments, 'segment')}</div>`)}</div></details>
<details><summary>Spoken: ${count(spoken.length, 'page')}</summary>${spoken.map((page, i) => html`<p><strong>Page ${i + 1}.</strong> ${page.join(' ')}</p>`)}</details>
${notes.length ? html`<ul>${notes.map((p) => note(p, false))}</ul>` : html`<p class="muted">faq:lint has no notes on this entry.</p>`}
</article>`;
})}`,
)}`;
}

function note(problem: LintProblem, where: boolean): Html {
  return html`<li class="lint-${problem.severity}">${problem.severity}${where ? `, ${problem.where}` : ''}: ${problem.message}</li>`;
}

function count(n: number, thing: string): string {
  return `${n} ${thing}${n === 1 ? '' : 's'}`;
}

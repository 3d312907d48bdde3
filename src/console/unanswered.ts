import type { QuestionRow, Report } from '../report/aggregate.js';
import { Html, html } from './html.js';
import { CONSOLE_CSS } from './style.js';
import type { Timeline } from './timeline.js';

/**
 * The unanswered-question view, for the console's Unanswered tab and for `npm run report -- --html`:
 * the apology rate over time as a chart, the questions the line declined or was unsure about (most
 * frequent first), and answers by entry. Pure: a report and a timeline in, markup out.
 */
export function unansweredView(report: Report, timeline: Timeline, options: { readonly csvHref?: string } = {}): Html {
  const rate = report.questions ? `${((100 * report.apologies) / report.questions).toFixed(1)}%` : 'no questions yet';
  return html`<p>${report.turns} turns, ${report.questions} questions; apology rate: <strong>${rate}</strong>${
    report.questions ? ` (${report.apologies} of ${report.questions})` : ''
  }.${options.csvHref ? html` <a href="${options.csvHref}" download>Download CSV</a>` : ''}</p>
${report.noTexts ? html`<p class="note">No texts: the line runs with LOG_UTTERANCES=false, so only counts by outcome and by entry are shown.</p>` : ''}
<h2>Apology rate over time</h2>
${chart(timeline)}
${questions('Questions that got the apology', report.apologyQuestions, 'nearest entry', 'best score', report.noTexts)}
${questions(`Low-confidence answers (below ${report.options.lowScore})`, report.lowConfidence, 'entry answered', 'lowest score', report.noTexts)}
${questions('Clarifications asked', report.clarifications, 'entries offered', '', report.noTexts)}
<h2>Answers by entry</h2>
${
  report.answersByEntry.length === 0
    ? html`<p class="muted">No answers yet.</p>`
    : html`<table><thead><tr><th>entry</th><th class="num">answers</th><th class="num">mean score</th><th class="num">below ${report.options.lowScore}</th></tr></thead>
<tbody>${report.answersByEntry.map((e) => html`<tr><td>${e.entry}</td><td class="num">${e.answers}</td><td class="num">${Number.isNaN(e.meanScore) ? '' : e.meanScore.toFixed(2)}</td><td class="num">${e.low}</td></tr>`)}</tbody></table>`
}`;
}

function questions(title: string, rows: readonly QuestionRow[], entryLabel: string, scoreLabel: string, noTexts: boolean): Html {
  return html`<h2>${title}</h2>
${
  noTexts
    ? html`<p class="muted">No texts kept.</p>`
    : rows.length === 0
      ? html`<p class="muted">None.</p>`
      : html`<table><thead><tr><th>question</th><th class="num">times</th><th>${entryLabel}</th>${scoreLabel ? html`<th class="num">${scoreLabel}</th>` : ''}</tr></thead>
<tbody>${rows.map(
          (r) => html`<tr><td>${r.text}</td><td class="num">${r.count}</td><td>${r.options ? r.options.join(', ') : (r.entry ?? '')}</td>${
            scoreLabel ? html`<td class="num">${r.score === undefined ? '' : r.score.toFixed(2)}</td>` : ''
          }</tr>`,
        )}</tbody></table>`
}`;
}

const W = 640;
const H = 170;
const PAD = { left: 34, right: 8, top: 8, bottom: 28 };

/** A bar per time bucket: the share of its questions that got the apology. Plain SVG, no script. */
export function chart(timeline: Timeline): Html {
  const points = timeline.points;
  if (points.length === 0) return html`<p class="muted">No questions yet.</p>`;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = Math.min(plotW / points.length, 48);
  const bar = Math.max(1, step * 0.8);
  const y = (share: number): number => PAD.top + plotH * (1 - share);
  const label = (iso: string): string => iso.replace('T', ' ').slice(0, 16);
  const summary = points.map((p) => `${label(p.start)}: ${p.apologies}/${p.questions}`).join('; ');
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="Apology rate per ${timeline.bucketMinutes} minutes: ${summary}">
${[0, 0.5, 1].map((s) => html`<text x="2" y="${y(s) + 3}">${s * 100}%</text>`)}
${points.map((p, i) => {
  const x = PAD.left + i * step;
  const share = p.questions ? p.apologies / p.questions : 0;
  return html`<rect class="base" x="${x}" y="${PAD.top}" width="${bar}" height="${plotH}"><title>${label(p.start)}: ${p.apologies} of ${p.questions} questions got the apology</title></rect>
<rect class="bar" x="${x}" y="${y(share)}" width="${bar}" height="${plotH * share}"></rect>`;
})}
<text x="${PAD.left}" y="${H - 8}">${label(points[0]?.start ?? '')}</text>
<text x="${W - PAD.right}" y="${H - 8}" text-anchor="end">${label(points.at(-1)?.start ?? '')} (UTC, ${timeline.bucketMinutes} min per bar)</text>
</svg>`;
}

/** The same view as a file of its own, for `npm run report -- --html` (styles inside; no script). */
export function unansweredDocument(report: Report, timeline: Timeline, source: string): string {
  return (
    '<!doctype html>\n' +
    html`<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Unanswered questions · ${source}</title><style>${new Html(CONSOLE_CSS)}</style></head>
<body><header><h1>Unanswered questions <small>${source}</small></h1></header><main>
${unansweredView(report, timeline)}
</main></body></html>
`.value
  );
}

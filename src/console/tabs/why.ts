import type { Line } from '../../line.js';
import type { WhyView } from '../api-types.js';
import { html, type Html } from '../html.js';
import type { RecentTurns } from '../recent.js';
import { whyOf } from '../why.js';

/** Turns shown on the Why tab, newest first. */
const SHOWN = 50;

/** The Why tab: each recent turn with its decision, rule, competing entries and shared words. */
export function whyTab(recent: RecentTurns, line: Line): Html {
  const turns = recent.all().slice(-SHOWN).reverse();
  return html`${noTextNote(recent)}
<p class="muted">The line's last ${SHOWN} turns (newest first), from texts, calls and this console. Threshold: ${line.faq.understanding.threshold}.</p>
${turns.length === 0 ? html`<p>No turns yet: text or call the line (or use the Text and Call tabs).</p>` : turns.map((t) => whyCard(whyOf(t, line), t.time))}`;
}

export function noTextNote(recent: RecentTurns): Html {
  return recent.keepsText
    ? html``
    : html`<p class="note">LOG_UTTERANCES=false: the console keeps no text of what people texted or said, so questions and the words that matched are not shown.</p>`;
}

/** One turn's explanation: the same view the Text and Call tabs build in the browser. */
export function whyCard(why: WhyView, time?: string): Html {
  const asked = why.text !== undefined ? `“${why.text}”` : why.digits !== undefined ? `keys ${why.digits}` : '(no text kept)';
  return html`<article class="why">
  <h3>${why.channel === 'sms' ? 'Text' : 'Call'}: ${asked} → ${why.outcome}${why.entry ? html` <span class="muted">(${why.entry}${why.score !== undefined ? `, ${why.score.toFixed(2)}` : ''})</span>` : ''}</h3>
  ${time ? html`<div class="muted">${time}</div>` : ''}
  <p class="rule">${why.rule}</p>
  ${why.words.length ? html`<div class="words">Question words: ${why.words.map((w) => html`<span>${w}</span>`)}</div>` : ''}
  ${why.candidates.length ? candidates(why) : ''}
</article>`;
}

function candidates(why: WhyView): Html {
  return html`<table>
<thead><tr><th>#</th><th>entry</th><th class="num">score</th><th>vs ${why.threshold}</th><th>shared words</th></tr></thead>
<tbody>${why.candidates.map(
    (c) => html`<tr><td>${c.number}</td><td>${c.question} <span class="muted">${c.id}</span></td><td class="num">${c.score.toFixed(3)}</td>
<td class="${c.reaches ? 'above' : 'below'}">${c.reaches ? 'reaches' : 'below'}</td>
<td>${c.shared.map((w) => html`<span class="word hit">${w}</span>`)}${c.inAnswer.map((w) => html`<span class="word" title="in the answer only">${w}</span>`)}</td></tr>`,
  )}</tbody>
</table>`;
}

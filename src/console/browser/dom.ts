// Small DOM helpers. Text only ever goes in through textContent: nothing the line or a texter wrote is parsed as markup.
import type { ApiError, WhyView } from '../api-types.js';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node as T;
}

/** POST JSON to the console's API; throws with the API's own message on an error status. */
export async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  const data = (await res.json().catch(() => ({ error: `the console answered ${res.status}` }))) as T | ApiError;
  if (!res.ok) throw new Error((data as ApiError).error ?? `the console answered ${res.status}`);
  return data as T;
}

export function newId(): string {
  return crypto.randomUUID();
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One turn's explanation, as the Why tab shows it. */
export function whyCard(why: WhyView): HTMLElement {
  const card = el('article', 'why');
  const asked = why.text !== undefined ? `“${why.text}”` : why.digits !== undefined ? `keys ${why.digits}` : '(no text kept)';
  const title = el('h3', undefined, `${why.channel === 'sms' ? 'Text' : 'Call'}: ${asked} → ${why.outcome}`);
  if (why.entry) title.append(el('span', 'muted', ` (${why.entry}${why.score !== undefined ? `, ${why.score.toFixed(2)}` : ''})`));
  card.append(title, el('p', 'rule', why.rule));
  if (why.words.length) {
    const words = el('div', 'words', 'Question words: ');
    for (const w of why.words) words.append(el('span', undefined, w));
    card.append(words);
  }
  if (why.candidates.length) {
    const table = el('table');
    const head = el('tr');
    for (const h of ['#', 'entry', 'score', `vs ${why.threshold}`, 'shared words']) head.append(el('th', h === 'score' ? 'num' : undefined, h));
    table.append(el('thead'), el('tbody'));
    table.tHead?.append(head);
    for (const c of why.candidates) {
      const row = el('tr');
      const entry = el('td', undefined, `${c.question} `);
      entry.append(el('span', 'muted', c.id));
      const words = el('td');
      for (const w of c.shared) words.append(el('span', 'word hit', w));
      for (const w of c.inAnswer) {
        const span = el('span', 'word', w);
        span.title = 'in the answer only';
        words.append(span);
      }
      row.append(el('td', undefined, String(c.number)), entry, el('td', 'num', c.score.toFixed(3)), el('td', c.reaches ? 'above' : 'below', c.reaches ? 'reaches' : 'below'), words);
      table.tBodies[0]?.append(row);
    }
    card.append(table);
  }
  return card;
}

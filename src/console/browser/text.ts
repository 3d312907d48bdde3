import type { TextAnswer } from '../api-types.js';
import { byId, el, newId, plural, post, whyCard } from './dom.js';

/** The Text tab: each message goes to the line's /sms webhook; every <Message> comes back as a bubble. */
export function startText(): void {
  const thread = byId<HTMLDivElement>('thread');
  const form = byId<HTMLFormElement>('compose');
  const input = byId<HTMLInputElement>('message');
  const send = byId<HTMLButtonElement>('send');
  const why = byId<HTMLDivElement>('why');
  let conversation = newId();

  byId<HTMLButtonElement>('new-conversation').addEventListener('click', () => {
    conversation = newId();
    thread.replaceChildren(el('div', 'step', 'New conversation: a new texter, no cookies.'));
    why.replaceChildren();
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value;
    input.value = '';
    thread.append(el('div', 'bubble mine', text === '' ? ' ' : text));
    send.disabled = true;
    post<TextAnswer>('/console/api/text', { conversation, text })
      .then((answer) => {
        if (answer.messages.length === 0) thread.append(el('div', 'bubble silent', 'No reply (an empty <Response/>).'));
        answer.messages.forEach((m, i) => {
          const bubble = el('div', 'bubble reply', m.body);
          bubble.dataset.part = String(i + 1);
          const parts = answer.messages.length > 1 ? `Message ${i + 1} of ${answer.messages.length} · ` : '';
          thread.append(bubble, el('div', 'meta', `${parts}${m.chars} characters, ${m.encoding}, ${plural(m.segments, 'segment', 'segments')}`));
        });
        why.replaceChildren(...(answer.why ? [whyCard(answer.why)] : []));
      })
      .catch((err: unknown) => thread.append(el('div', 'step error', (err as Error).message)))
      .finally(() => {
        send.disabled = false;
        thread.scrollTop = thread.scrollHeight;
        input.focus();
      });
  });
}

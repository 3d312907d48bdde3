import type { CallAnswer, CallStepView } from '../api-types.js';
import { byId, el, newId, post, whyCard } from './dom.js';

type CallerInput = { kind: 'speech'; text: string } | { kind: 'digits'; keys: string } | { kind: 'silence' } | { kind: 'hangup' };

interface Recognition {
  lang: string;
  interimResults: boolean;
  onresult: ((event: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void) | null;
  onend: (() => void) | null;
  start(): void;
}
type RecognitionClass = new () => Recognition;

/** The Call tab: the call follows the line's /voice webhooks; <Say> is shown and spoken, the caller types, speaks or presses keys. */
export function startCall(): void {
  const thread = byId<HTMLDivElement>('call-thread');
  const sayForm = byId<HTMLFormElement>('say-form');
  const speech = byId<HTMLInputElement>('speech');
  const why = byId<HTMLDivElement>('why');
  const place = byId<HTMLButtonElement>('place-call');
  const silence = byId<HTMLButtonElement>('silence');
  const hangUp = byId<HTMLButtonElement>('hang-up');
  const mic = byId<HTMLButtonElement>('mic');
  const aloud = byId<HTMLInputElement>('speak-aloud');
  const keys = [...document.querySelectorAll<HTMLButtonElement>('#keypad button')];
  const controls = [speech, byId<HTMLButtonElement>('say'), silence, hangUp, ...keys];
  let call: string | undefined;
  let busy = false;

  const enable = (listening: boolean): void => {
    for (const c of controls) c.disabled = !listening;
    mic.disabled = !listening;
    place.disabled = listening;
    if (listening) speech.focus();
  };

  const show = (step: CallStepView): void => {
    switch (step.kind) {
      case 'say':
        thread.append(el('div', 'bubble say', step.text));
        speak(step.text, step.language);
        break;
      case 'pause':
        thread.append(el('div', 'step', `(pause ${step.seconds} s)`));
        break;
      case 'play':
        thread.append(el('div', 'step', `(plays ${step.url})`));
        break;
      case 'request':
        thread.append(el('div', 'step', `→ POST ${step.path}`));
        break;
      case 'no-input':
        thread.append(el('div', 'step', '(nothing heard)'));
        break;
      case 'listen':
        thread.append(el('div', 'step listening', `listening for ${step.describe}`));
        break;
      case 'ended':
        thread.append(el('div', 'step ended', `call ended: ${step.reason}`));
        break;
    }
  };

  const speak = (text: string, language?: string): void => {
    if (!aloud.checked || !('speechSynthesis' in window)) return;
    const utterance = new SpeechSynthesisUtterance(text);
    if (language) utterance.lang = language;
    window.speechSynthesis.speak(utterance);
  };

  const send = (input: CallerInput | undefined): void => {
    if (busy || call === undefined) return;
    busy = true;
    enable(false);
    place.disabled = true;
    if (input) thread.append(el('div', 'bubble mine', describe(input)));
    post<CallAnswer>('/console/api/call', { call, ...(input ? { input } : {}) })
      .then((answer) => {
        answer.steps.forEach(show);
        if (answer.whys.length) why.replaceChildren(...answer.whys.map(whyCard));
        busy = false;
        enable(answer.listening);
        if (!answer.listening) call = undefined;
      })
      .catch((err: unknown) => {
        thread.append(el('div', 'step error', (err as Error).message));
        busy = false;
        call = undefined;
        enable(false);
      })
      .finally(() => {
        thread.scrollTop = thread.scrollHeight;
      });
  };

  place.addEventListener('click', () => {
    window.speechSynthesis?.cancel();
    call = newId();
    thread.replaceChildren();
    why.replaceChildren();
    send(undefined);
  });
  sayForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = speech.value.trim();
    speech.value = '';
    send(text === '' ? { kind: 'silence' } : /^[0-9*#]+$/.test(text) ? { kind: 'digits', keys: text } : { kind: 'speech', text });
  });
  for (const key of keys) key.addEventListener('click', () => send({ kind: 'digits', keys: key.dataset.key ?? '' }));
  silence.addEventListener('click', () => send({ kind: 'silence' }));
  hangUp.addEventListener('click', () => {
    window.speechSynthesis?.cancel();
    send({ kind: 'hangup' });
  });

  const w = window as unknown as { SpeechRecognition?: RecognitionClass; webkitSpeechRecognition?: RecognitionClass };
  const Recognition = w.SpeechRecognition ?? w.webkitSpeechRecognition;
  if (Recognition) {
    mic.hidden = false;
    mic.title = 'Speak (your browser recognises it)';
    mic.addEventListener('click', () => {
      const recognition = new Recognition();
      recognition.lang = document.documentElement.lang || 'en-US';
      recognition.interimResults = false;
      recognition.onresult = (event) => {
        const text = event.results[0]?.[0]?.transcript ?? '';
        if (text) send({ kind: 'speech', text });
      };
      recognition.start();
    });
  }
}

function describe(input: CallerInput): string {
  switch (input.kind) {
    case 'speech':
      return input.text;
    case 'digits':
      return `(presses ${input.keys})`;
    case 'silence':
      return '(silence)';
    case 'hangup':
      return '(hangs up)';
  }
}

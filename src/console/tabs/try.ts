import { html, type Html } from '../html.js';

/** The Text tab: a phone thread and the explanation of the last turn (the script fills both). */
export function textTab(): Html {
  return html`<div class="split">
  <section class="phone" aria-label="Phone">
    <div class="thread" id="thread" aria-live="polite"></div>
    <form class="compose" id="compose">
      <input type="text" id="message" name="message" placeholder="Text the line" autocomplete="off" maxlength="1600" aria-label="Message">
      <button type="submit" id="send">Send</button>
    </form>
    <div class="bar-row"><button type="button" class="secondary" id="new-conversation">New conversation</button>
    <span class="muted" id="texter"></span></div>
  </section>
  <section aria-label="Why">
    <p class="muted">Each message goes through the line's own <code>/sms</code> webhook, as Twilio sends it: MENU, HELP, STOP,
    menu numbers and cookies behave as on a phone. Replies show as the phone shows them, with characters, encoding and segments.</p>
    <div id="why"></div>
  </section>
</div>`;
}

/** The Call tab: a phone with a keypad; the script places the call, speaks the line's words and listens. */
export function callTab(): Html {
  const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
  return html`<div class="split">
  <section class="phone" aria-label="Phone">
    <div class="thread says" id="call-thread" aria-live="polite"></div>
    <form class="compose" id="say-form">
      <input type="text" id="speech" placeholder="Say something (Enter)" autocomplete="off" maxlength="500" aria-label="What the caller says" disabled>
      <button type="submit" id="say" disabled>Say</button>
      <button type="button" class="secondary" id="mic" hidden>Speak</button>
    </form>
    <div class="keypad" id="keypad">${keys.map((k) => html`<button type="button" data-key="${k}" disabled>${k}</button>`)}</div>
    <div class="bar-row">
      <button type="button" id="place-call">Call</button>
      <button type="button" class="secondary" id="silence" disabled>Stay silent</button>
      <button type="button" class="secondary" id="hang-up" disabled>Hang up</button>
      <label><input type="checkbox" id="speak-aloud" checked> Speak aloud</label>
    </div>
  </section>
  <section aria-label="Why">
    <p class="muted">The call goes through the line's own <code>/voice</code> webhooks, as Twilio follows them: silence, "more", paging,
    the keypad menu and hang-up behave as on a real call. The line's words are spoken with your browser's voice.</p>
    <div id="why"></div>
  </section>
</div>`;
}

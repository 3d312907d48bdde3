import { html } from './html.js';
import { page } from './page.js';

/** The login form: the token goes in a password field and is posted to /console/login, never in a URL. */
export function loginPage(faqName: string, error?: string): string {
  return page({
    title: 'Log in',
    faqName,
    body: html`<form class="login" method="post" action="/console/login">
  <label for="token">Console token</label>
  <input type="password" id="token" name="token" autocomplete="current-password" required autofocus>
  ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
  <button type="submit">Open the console</button>
  <p class="muted">The token is the line's CONSOLE_TOKEN.</p>
</form>`,
  });
}

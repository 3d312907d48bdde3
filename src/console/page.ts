import { html, type Html } from './html.js';

export const TABS = [
  { id: 'text', path: '/console', label: 'Text' },
  { id: 'call', path: '/console/call', label: 'Call' },
  { id: 'why', path: '/console/why', label: 'Why' },
  { id: 'unanswered', path: '/console/unanswered', label: 'Unanswered' },
  { id: 'faq', path: '/console/faq', label: 'FAQ' },
] as const;

export type TabId = (typeof TABS)[number]['id'];

export interface PageOptions {
  readonly title: string;
  /** The tab shown as current; none on the login page. */
  readonly tab?: TabId;
  /** The FAQ's name, in the header. */
  readonly faqName: string;
  readonly body: Html;
  /** Whether the page loads the console's script (the Text and Call tabs). */
  readonly script?: boolean;
  /** Whether to show the log-out button (token access). */
  readonly logout?: boolean;
}

/** The console's page: header, tabs, content. Styles and script come from the line itself (the CSP allows nothing else). */
export function page(options: PageOptions): string {
  const { title, tab, faqName, body } = options;
  return (
    '<!doctype html>\n' +
    html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · FAQ line console</title>
<link rel="stylesheet" href="/console/assets/console.css">
${options.script ? html`<script type="module" src="/console/assets/console.js"></script>` : ''}
</head>
<body data-tab="${tab ?? 'login'}">
<header>
  <h1>FAQ line console <small>${faqName}</small></h1>
  ${options.logout ? html`<form method="post" action="/console/logout" class="logout"><button type="submit">Log out</button></form>` : ''}
  ${tab ? html`<nav>${TABS.map((t) => html`<a href="${t.path}"${t.id === tab ? html` aria-current="page"` : ''}>${t.label}</a>`)}</nav>` : ''}
</header>
<main>
${body}
</main>
</body>
</html>
`.value
  );
}

import { html, type SafeHtml } from './html';

/** The page shell every review view shares: header with navigation and search, one stylesheet, one deferred script. */

export type Section = 'stories' | 'stats' | null;

export interface PageShell {
  title: string;
  section: Section;
  body: SafeHtml;
  /** The search box's current value (stories search over titles). */
  q?: string | null;
}

export function page(shell: PageShell): string {
  const current = (s: Section) => (shell.section === s ? html` aria-current="page"` : '');
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${shell.title} · news-ingest review</title>
<link rel="stylesheet" href="/ui/static/ui.css"><script src="/ui/static/ui.js" defer></script></head>
<body><a class="skip" href="#main">Skip to content</a>
<header class="top"><a class="brand" href="/ui/">news-ingest review</a>
<nav aria-label="Sections"><a href="/ui/"${current('stories')}>Stories</a><a href="/ui/stats"${current('stats')}>Stats</a></nav>
<form role="search" action="/ui/" method="get"><label for="q" class="muted">Search titles </label><input id="q" name="q" type="search" value="${shell.q ?? ''}" placeholder="press / to search" accesskey="s"></form>
</header>
<main id="main">${shell.body}</main></body></html>`.value;
}

/** A whole page for a failure: the status and one sentence. */
export function errorPage(status: number, message: string): string {
  const heading = status === 404 ? 'Not found' : status === 400 ? 'Bad request' : 'Something went wrong';
  return page({
    title: heading,
    section: null,
    body: html`<div class="error"><h1>${heading}</h1><p>${message}</p><p><a href="/ui/">Back to the stories</a></p></div>`,
  });
}

/** Published times are the page's wall-clock ISO strings; show them without the "T". */
export function when(iso: string | null | undefined): string {
  return iso ? iso.replace('T', ' ') : '—';
}

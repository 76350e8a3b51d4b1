import type { ArticleRecord } from '../types';
import { href, html, segment } from './html';
import { page, when } from './layout';
import { pageOrder, type PageItem } from './page-order';

/**
 * `/ui/articles/<id>`: the kept text with every removed block struck through in its place,
 * labelled with category and rule (filterable by category), the metadata found, and the
 * uploaded page itself in a sandboxed frame (no scripts, no network).
 */

export interface ArticleView {
  article: ArticleRecord;
  /** Show only removed blocks of this category (null: all). */
  category: string | null;
}

function fields(a: ArticleRecord) {
  const rows: [string, string | null][] = [
    ['outlet', a.outlet],
    ['status', a.status + (a.reason ? ` — ${a.reason}` : '')],
    ['title', a.title],
    ['standfirst', a.standfirst],
    ['byline', a.byline],
    ['published', a.published ? when(a.published) : null],
    ['syndication', a.syndication.join(', ')],
    ['credits', a.credits.join(', ')],
    ['language', a.language],
    ['words', String(a.wordCount)],
    ['headings kept', a.headings.join(' · ')],
    ['source URL', a.sourceUrl],
    ['rules version', a.rulesVersion],
    ['ingested', when(a.ingestedAt)],
  ];
  return html`<dl class="fields">${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v === null || v === '' ? html`<span class="muted">—</span>` : v}</dd>`)}
<dt>story</dt><dd>${a.status === 'clean' ? html`<a href="/ui/stories/${segment(a.storyId)}">${a.storyId}</a> (${a.role}${a.id === a.canonicalId ? ', canonical' : ''})` : html`<span class="muted">none (rejected)</span>`}</dd>
<dt>raw object</dt><dd><a href="/ui/raw/${segment(a.id)}">${a.format} page, ${a.rawBytes} bytes</a> <span class="muted">s3://${a.sourceBucket}/${a.sourceKey}</span></dd></dl>`;
}

function categoryLinks(a: ArticleRecord, current: string | null) {
  const counts = new Map<string, number>();
  for (const r of a.removed) counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
  const base = `/ui/articles/${segment(a.id)}`;
  const link = (label: string, category: string | null, n: number) =>
    html`<a href="${href(base, { category })}#text"${category === current ? html` aria-current="true"` : ''}>${label} (${n})</a>`;
  return html`<p class="cats">Removed blocks: ${link('all', null, a.removed.length)} ${[...counts.entries()].sort((x, y) => y[1] - x[1]).map(([c, n]) => html`${link(c, c, n)} `)}</p>`;
}

function item(it: PageItem, category: string | null) {
  if (it.kind === 'kept') return html`<p class="kept" id="p${it.n}">${it.text}</p>`;
  const b = it.block;
  if (category && b.category !== category) return '';
  return html`<div class="removed"><del>${b.text}</del><span class="why">removed: ${b.category} · rule <code>${b.rule}</code></span></div>`;
}

export function articlePage(v: ArticleView): string {
  const a = v.article;
  const order = pageOrder(a.paragraphs, a.removed);
  const body = html`<h1>${a.title ?? '(untitled)'}</h1>
<p class="meta"><code>${a.id}</code> · ${a.outlet} · ${when(a.published)}</p>
<div class="article-grid"><section aria-labelledby="text"><h2 id="text">Kept text and removed blocks, in page order</h2>
${categoryLinks(a, v.category)}
${order.positioned ? '' : html`<p class="muted">This record was stored before removed blocks kept their positions: they follow the text, in page order.</p>`}
<div class="page-text">${order.items.map((it) => item(it, v.category))}</div></section>
<aside aria-labelledby="fields"><h2 id="fields">Metadata found</h2>${fields(a)}</aside></div>
<section aria-labelledby="raw"><h2 id="raw">The page as uploaded</h2><iframe class="raw" sandbox="" src="/ui/raw/${segment(a.id)}" title="The uploaded page, inert: no scripts, no network" loading="lazy" referrerpolicy="no-referrer"></iframe></section>`;
  return page({ title: a.title ?? a.id, section: 'stories', body });
}

import type { ArticleRecord } from '../types';
import { href, html, segment } from './html';
import { page, when } from './layout';
import { compareTexts, type MarkedSentence } from './text-compare';

/** `/ui/stories/<id>`: the canonical copy first, every member, and one member read beside the canonical text. */

export interface StoryMemberRow {
  id: string;
  outlet: string;
  title: string | null;
  published: string | null;
  role: 'original' | 'copy' | 'rewrite';
  canonical: boolean;
  wordCount: number;
  match: ArticleRecord['match'];
}

export interface StoryView {
  storyId: string;
  canonicalId: string;
  title: string | null;
  members: StoryMemberRow[];
  /** The canonical record and the chosen member's record, when the story has another member to compare. */
  compare: { canonical: ArticleRecord; member: ArticleRecord } | null;
}

const MARK_LABEL = { shared: 'in both', similar: 'reworded', only: '' } as const;

function scores(m: StoryMemberRow['match']) {
  if (!m) return '';
  const parts = Object.entries(m.scores).map(([k, v]) => `${k} ${Number.isInteger(v) ? v : v.toFixed(2)}`);
  return html`<span title="${m.reason}">${m.verdict} of <a href="/ui/articles/${segment(m.articleId)}">${m.articleId}</a>: ${parts.join(', ')}</span>`;
}

function memberRow(v: StoryView, m: StoryMemberRow, chosen: string | null) {
  const cls = m.canonical ? 'canonical' : m.id === chosen ? 'chosen' : '';
  return html`<tr class="${cls}"><td><span class="tag role-${m.role}">${m.role}</span>${m.canonical ? html` <strong>canonical</strong>` : ''}</td>
<td>${m.outlet}</td><td><a href="/ui/articles/${segment(m.id)}">${m.title ?? '(untitled)'}</a></td>
<td>${when(m.published)}</td><td class="num">${m.wordCount}</td><td class="hide-narrow">${scores(m.match)}</td>
<td>${m.canonical ? '' : m.id === chosen ? html`<strong>compared below</strong>` : html`<a href="${href(`/ui/stories/${segment(v.storyId)}`, { member: m.id })}#compare">compare</a>`}</td></tr>`;
}

function sentences(paragraphs: MarkedSentence[][], side: 'cut' | 'added') {
  return paragraphs.map(
    (p) =>
      html`<p>${p.map((s, i) => html`${i > 0 ? ' ' : ''}<span class="s-${s.mark}"${s.pair !== null ? html` data-pair="${s.pair}" tabindex="0"` : ''} title="${s.mark === 'only' ? (side === 'cut' ? 'not in the copy' : 'added by the copy') : MARK_LABEL[s.mark]}">${s.text}</span>`)}</p>`,
  );
}

function comparison(c: NonNullable<StoryView['compare']>) {
  const cmp = compareTexts(c.canonical.paragraphs, c.member.paragraphs);
  return html`<h2 id="compare">${c.member.outlet} beside the canonical copy (${c.canonical.outlet})</h2>
<p class="legend"><span class="s-shared">${cmp.shared} sentences in both</span> <span class="s-similar">${cmp.similar} reworded</span>
<span class="s-only">${cmp.leftOnly} only in the canonical copy (cut by ${c.member.outlet})</span> <span class="s-only">${cmp.rightOnly} added by ${c.member.outlet}</span></p>
<div class="compare"><section aria-label="Canonical copy"><h3>${c.canonical.outlet} <span class="muted">canonical, ${c.canonical.wordCount} words</span></h3>${sentences(cmp.left, 'cut')}</section>
<section aria-label="Compared member"><h3>${c.member.outlet} <span class="muted">${c.member.role}, ${c.member.wordCount} words</span></h3>${sentences(cmp.right, 'added')}</section></div>`;
}

export function storyPage(v: StoryView): string {
  const chosen = v.compare?.member.id ?? null;
  const body = html`<h1>${v.title ?? '(untitled)'}</h1>
<p class="meta">Story <code>${v.storyId}</code> · ${v.members.length} member${v.members.length === 1 ? '' : 's'} · canonical <a href="/ui/articles/${segment(v.canonicalId)}">${v.canonicalId}</a></p>
<div class="scroll"><table><thead><tr><th scope="col">role</th><th scope="col">outlet</th><th scope="col">title</th><th scope="col">published</th><th scope="col" class="num">words</th><th scope="col" class="hide-narrow">match</th><th scope="col"></th></tr></thead>
<tbody>${v.members.map((m) => memberRow(v, m, chosen))}</tbody></table></div>
${v.compare ? comparison(v.compare) : html`<p class="muted">This story has a single member; nothing to compare.</p>`}`;
  return page({ title: v.title ?? v.storyId, section: 'stories', body });
}

import { AGENCY_CODES } from '../query/plan';
import { href, html, segment } from './html';
import { page, when } from './layout';
import { filterQuery, type StoryFilter } from './story-filter';

/** `/ui/`: the stories, newest first, with filters and cursor paging. */

export interface StoryRow {
  storyId: string;
  canonicalId: string;
  title: string | null;
  outlet: string;
  published: string | null;
  members: number;
  outlets: string[];
  agency: string | null;
}

export interface StoriesView {
  filter: StoryFilter;
  rows: StoryRow[];
  /** Cursor of the next page, null on the last. */
  next: string | null;
}

function filtersForm(f: StoryFilter) {
  return html`<form class="filters" action="/ui/" method="get" aria-label="Filter stories">
<label>Title contains<input name="q" type="search" value="${f.q ?? ''}"></label>
<label>Outlet<input name="outlet" value="${f.outlet ?? ''}" size="14" placeholder="any"></label>
<label>Agency<select name="agency" data-autosubmit><option value="">any</option>${AGENCY_CODES.map((a) => html`<option${a === f.agency ? html` selected` : ''}>${a}</option>`)}</select></label>
<label>From<input name="from" type="date" value="${f.from?.slice(0, 10) ?? ''}"></label>
<label>To<input name="to" type="date" value="${f.to?.slice(0, 10) ?? ''}"></label>
<label class="check"><input type="checkbox" name="copies" value="1"${f.copiesOnly ? html` checked` : ''}> only stories with copies</label>
<button type="submit">Filter</button> <a href="/ui/">clear</a>
</form>`;
}

function row(r: StoryRow) {
  return html`<tr><td><a href="/ui/stories/${segment(r.storyId)}">${r.title ?? '(untitled)'}</a></td>
<td class="num">${r.members}</td><td>${r.outlets.map((o) => html`<span class="tag">${o}</span>`)}</td>
<td>${r.agency ?? ''}</td><td>${when(r.published)}</td></tr>`;
}

export function storiesPage(v: StoriesView): string {
  const f = v.filter;
  const filtered = f.q || f.outlet || f.agency || f.from || f.to || f.copiesOnly;
  const body = html`<h1>Stories</h1>
${filtersForm(f)}
${
  v.rows.length === 0
    ? html`<p>${f.cursor ? 'No more stories.' : `No stories${filtered ? ' match these filters' : ' yet'}.`}</p>`
    : html`<div class="scroll"><table><caption class="muted">${v.rows.length} stor${v.rows.length === 1 ? 'y' : 'ies'} on this page, newest first</caption>
<thead><tr><th scope="col">canonical title</th><th scope="col" class="num">members</th><th scope="col">outlets</th><th scope="col">agency</th><th scope="col">published</th></tr></thead>
<tbody>${v.rows.map(row)}</tbody></table></div>`
}
<nav class="pager" aria-label="Pages">${f.cursor ? html`<a href="${href('/ui/', filterQuery(f))}">« first page</a>` : ''}${v.next ? html`<a href="${href('/ui/', filterQuery(f, v.next))}" rel="next">next page »</a>` : ''}</nav>`;
  return page({ title: 'Stories', section: 'stories', body, q: f.q });
}

import { barChart } from './bar-chart';
import { html, segment } from './html';
import { page } from './layout';
import { MAX_REJECTED_LISTED, type ReviewStats } from './review-stats';

/** `/ui/stats`: records per rules version and status, removed blocks by category, rejected records and why. */

const byCount = <K>(m: Map<K, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);

export function statsPage(s: ReviewStats, currentRules: string): string {
  const versions = [...s.versions.entries()].sort((a, b) => b[1].clean + b[1].rejected - (a[1].clean + a[1].rejected));
  const rejectedTotal = versions.reduce((n, [, v]) => n + v.rejected, 0);
  const body = html`<h1>Stats</h1>
<p>${s.records} records: ${s.records - rejectedTotal} clean, ${rejectedTotal} rejected. Current rules version <code>${currentRules}</code>.</p>
<div class="cols"><section><h2>Records per rules version</h2>
${barChart(
  'Records per rules version (clean, then rejected in red)',
  versions.map(([v, c]) => ({ label: v === currentRules ? `${v} (current)` : v, value: c.clean, extra: c.rejected })),
)}
<table><thead><tr><th scope="col">rules version</th><th scope="col" class="num">clean</th><th scope="col" class="num">rejected</th></tr></thead>
<tbody>${versions.map(([v, c]) => html`<tr><td><code>${v}</code>${v === currentRules ? ' (current)' : ''}</td><td class="num">${c.clean}</td><td class="num">${c.rejected}</td></tr>`)}</tbody></table></section>
<section><h2>Removed blocks by category</h2>
${barChart(
  'Removed blocks by category',
  byCount(s.categories).map(([label, value]) => ({ label, value })),
)}</section></div>
<h2>Rejected records</h2>
${
  s.reasons.size === 0
    ? html`<p>None.</p>`
    : html`<table><thead><tr><th scope="col">reason</th><th scope="col" class="num">records</th></tr></thead><tbody>${byCount(s.reasons).map(([r, n]) => html`<tr><td>${r}</td><td class="num">${n}</td></tr>`)}</tbody></table>
<div class="scroll"><table><caption class="muted">${s.rejected.length < rejectedTotal ? `The first ${MAX_REJECTED_LISTED}` : 'Every one'}</caption><thead><tr><th scope="col">record</th><th scope="col">outlet</th><th scope="col">source</th><th scope="col">reason</th></tr></thead>
<tbody>${s.rejected.map((r) => html`<tr><td><a href="/ui/articles/${segment(r.id)}">${r.id}</a></td><td>${r.outlet}</td><td>${r.sourceKey}</td><td>${r.reason ?? ''}</td></tr>`)}</tbody></table></div>`
}`;
  return page({ title: 'Stats', section: 'stats', body });
}

import { html, type SafeHtml } from './html';

/**
 * Horizontal bar charts as inline SVG, drawn on the server: no script, no style attributes
 * (the page's CSP forbids inline styles), sizes as SVG attributes. Each bar can stack a second
 * value (rejected after clean).
 */

export interface Bar {
  label: string;
  value: number;
  /** Stacked after `value`, in the alarm colour. */
  extra?: number;
}

const ROW = 22;
const LABEL_W = 190;
const BAR_W = 360;
const NUM_W = 70;

export function barChart(title: string, bars: readonly Bar[]): SafeHtml {
  const max = Math.max(1, ...bars.map((b) => b.value + (b.extra ?? 0)));
  const scale = (n: number) => (n / max) * BAR_W;
  const height = bars.length * ROW + 4;
  const clip = (s: string) => (s.length > 28 ? s.slice(0, 27) + '…' : s);
  return html`<svg class="bars" role="img" aria-label="${title}" viewBox="0 0 ${LABEL_W + BAR_W + NUM_W} ${height}" width="100%" preserveAspectRatio="xMinYMin meet"><title>${title}</title>
${bars.map((b, i) => {
  const y = i * ROW + 2;
  const w = scale(b.value);
  const we = scale(b.extra ?? 0);
  const total = b.value + (b.extra ?? 0);
  return html`<g><title>${b.label}: ${b.extra ? `${b.value} + ${b.extra}` : b.value}</title><text x="0" y="${y + 15}">${clip(b.label)}</text>
<rect class="bar" x="${LABEL_W}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW - 8}"></rect>${b.extra ? html`<rect class="bar rejected" x="${(LABEL_W + w).toFixed(1)}" y="${y + 3}" width="${we.toFixed(1)}" height="${ROW - 8}"></rect>` : ''}
<text x="${(LABEL_W + w + we + 6).toFixed(1)}" y="${y + 15}">${total}</text></g>`;
})}</svg>`;
}

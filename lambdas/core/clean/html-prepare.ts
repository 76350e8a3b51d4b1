import { asciiLower, indexOfAsciiFolded } from '../text/ascii-case';

/**
 * Removes executable and style content before any DOM sees the page. A linear scan
 * (indexOf) instead of a regex keeps this bounded on hostile input.
 */

const DROPPED_ELEMENTS = ['script', 'style', 'noscript', 'template', 'svg'] as const;

function dropElement(html: string, tag: string): string {
  const open = `<${tag}`;
  const close = `</${tag}`;
  let out = '';
  let from = 0;
  let at = 0;
  for (;;) {
    const start = indexOfAsciiFolded(html, open, at);
    if (start < 0) break;
    at = start + open.length;
    const after = html.charCodeAt(at);
    // `<scripts>` or `<svgx>` are different tags; only whitespace, `>` or `/` end the name.
    if (!(after === 62 || after === 47 || after === 32 || after === 9 || after === 10 || after === 13)) continue;
    out += html.slice(from, start);
    const end = indexOfAsciiFolded(html, close, start);
    if (end < 0) return out;
    const gt = html.indexOf('>', end);
    from = at = gt < 0 ? html.length : gt + 1;
  }
  return out + html.slice(from);
}

/** Bodies of `<script type="application/ld+json">` elements: page metadata, read as data. */
export function extractJsonLd(html: string): string[] {
  const found: string[] = [];
  let from = 0;
  for (;;) {
    const start = indexOfAsciiFolded(html, '<script', from);
    if (start < 0) break;
    const tagEnd = html.indexOf('>', start);
    if (tagEnd < 0) break;
    const end = indexOfAsciiFolded(html, '</script', tagEnd);
    if (end < 0) break;
    if (asciiLower(html.slice(start, tagEnd)).includes('ld+json')) found.push(html.slice(tagEnd + 1, end));
    from = end + 8;
  }
  return found;
}

/**
 * Long runs of spaces and no-break spaces render as one gap but cost Readability's
 * innerHTML round-trips dearly (a 100 KB run took seconds); fold them before parsing.
 */
const WHITESPACE_RUN = /(?:[ \t\r\n\u00a0]|&nbsp;|&#160;|&#xa0;){32,}/gi;

export function stripActiveContent(html: string): string {
  let out = html;
  for (const tag of DROPPED_ELEMENTS) out = dropElement(out, tag);
  return out.replace(WHITESPACE_RUN, ' ');
}

/**
 * How deeply a page nests its elements, from one linear scan of the markup (no DOM).
 *
 * The DOM parsers and Readability slow down with the square of nesting depth or worse
 * (a page of 1,000 nested <div>s takes about a minute to clean; 10,000 overflow jsdom's stack),
 * so the ingest layer rejects absurdly deep pages before they reach a parser. Browsers cap
 * parser depth too (Blink at 512). Real news pages stay well under 100.
 */

import { asciiLower } from '../text/ascii-case';

/** Elements that never have children. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'keygen',
  'basefont',
  'bgsound',
  'frame',
  'image',
]);

/** Elements whose end tag is optional: the parser closes them implicitly, so they do not stack up. */
const IMPLIED_END = new Set([
  'html',
  'head',
  'body',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'caption',
  'rb',
  'rt',
  'rp',
  'rtc',
]);

/**
 * Elements whose content is skipped: raw text (tags inside are not tags), and SVG/MathML,
 * where `<path/>` really is self-closing (the cleaner drops SVG before parsing anyway).
 */
const SKIPPED = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'svg', 'math']);

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 58 || c === 95;
}

/**
 * Maximum depth of open elements, counting only elements that need an explicit end tag;
 * an end tag closes everything opened inside its element, as the parser does. Returns early
 * once the depth passes `stopAbove`, which also bounds the work per end tag. Approximate by
 * design: it does not model misnested formatting tags.
 */
export function htmlNestingDepth(html: string, stopAbove = 10_000): number {
  const lower = asciiLower(html);
  const open: string[] = [];
  let max = 0;
  let i = lower.indexOf('<');
  while (i >= 0 && i < lower.length) {
    if (lower.startsWith('<!--', i)) {
      const end = lower.indexOf('-->', i + 4);
      if (end < 0) break;
      i = lower.indexOf('<', end + 3);
      continue;
    }
    const closing = lower.charCodeAt(i + 1) === 47; // '/'
    let j = closing ? i + 2 : i + 1;
    const nameStart = j;
    while (j < lower.length && isNameChar(lower.charCodeAt(j))) j++;
    const name = lower.slice(nameStart, j);
    const gt = lower.indexOf('>', j);
    if (gt < 0) break;
    if (name && !VOID.has(name) && !IMPLIED_END.has(name)) {
      if (closing) {
        const at = open.lastIndexOf(name);
        if (at >= 0) open.length = at;
      } else if (SKIPPED.has(name)) {
        const end = lower.indexOf(`</${name}`, gt + 1);
        if (end < 0) break;
        i = lower.indexOf('<', end + 2);
        continue;
      } else {
        // `<div/>` still opens a div in HTML (the self-closing flag is ignored), so it counts.
        open.push(name);
        if (open.length > max) {
          max = open.length;
          if (max > stopAbove) return max;
        }
      }
    }
    i = lower.indexOf('<', gt + 1);
  }
  return max;
}

/**
 * The one escaping helper of the review UI, and the tiny template tag built on it. Article
 * text, titles and page content are hostile: every interpolated value is escaped unless it is
 * already `SafeHtml` (made by this tag), so markup can only come from template literals here.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for use in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ENTITIES[c]);
}

/** Markup known to be safe: produced by `html` from constant template parts and escaped values. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Template tag: constant parts are trusted markup, every `${value}` is escaped (arrays joined). */
export function html(parts: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = parts[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + parts[i + 1];
  return new SafeHtml(out);
}

/** A URL path with query parameters, each part encoded; empty values are left out (shareable, stable URLs). */
export function href(path: string, query: Record<string, string | number | boolean | null | undefined> = {}): string {
  const params = Object.entries(query)
    .filter((e): e is [string, string | number | true] => e[1] !== null && e[1] !== undefined && e[1] !== '' && e[1] !== false)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return params.length ? `${path}?${params.join('&')}` : path;
}

/** Path segment for an id (ids are validated, but the UI never trusts that). */
export function segment(id: string): string {
  return encodeURIComponent(id);
}

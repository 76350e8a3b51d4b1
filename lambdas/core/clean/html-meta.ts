/**
 * Page metadata from <head> and JSON-LD, read before Readability rewrites the document.
 */
import { HTML_METADATA } from '../rules';

export interface HtmlMeta {
  /** Headline from JSON-LD or Open Graph; the <title> tag (with its site suffix) is left to Readability. */
  title: string | null;
  byline: string | null;
  published: string | null;
  description: string | null;
  canonicalUrl: string | null;
  language: string | null;
}

/**
 * The first non-empty content among `keys`, in key order; for each key the first <meta> in
 * document order named by it (property, name or itemprop, compared exactly as the attribute
 * selectors `meta[property="k"], meta[name="k"], meta[itemprop="k"]` do). The page's <meta>
 * elements are collected once: a selector query per key walked the whole DOM each time.
 */
function metaContent(metas: readonly Element[], keys: readonly string[]): string | null {
  for (const key of keys) {
    const el = metas.find((m) => m.getAttribute('property') === key || m.getAttribute('name') === key || m.getAttribute('itemprop') === key);
    const value = el?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return null;
}

interface JsonLdArticle {
  headline?: string;
  author?: unknown;
  datePublished?: string;
  url?: string;
  mainEntityOfPage?: unknown;
}

function collectArticles(node: unknown, out: JsonLdArticle[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collectArticles(item, out);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  const type = obj['@type'];
  const types = Array.isArray(type) ? type.map(String) : [String(type ?? '')];
  if (types.some((t) => HTML_METADATA.jsonLdArticleTypes.test(t))) out.push(obj as JsonLdArticle);
  if (obj['@graph']) collectArticles(obj['@graph'], out);
}

function authorName(author: unknown): string | null {
  const list = Array.isArray(author) ? author : [author];
  const names = list
    .map((a) => (typeof a === 'string' ? a : a && typeof a === 'object' ? (a as Record<string, unknown>).name : null))
    .filter((n): n is string => typeof n === 'string' && n.trim().length > 0)
    .map((n) => n.trim());
  return names.length ? names.join(', ') : null;
}

function parseJsonLd(sources: readonly string[]): JsonLdArticle | null {
  const found: JsonLdArticle[] = [];
  for (const src of sources) {
    try {
      collectArticles(JSON.parse(src), found);
    } catch {
      // Broken JSON-LD is common on real pages; the <meta> tags still apply.
    }
  }
  return found[0] ?? null;
}

export function readHtmlMeta(doc: Document, jsonLd: readonly string[]): HtmlMeta {
  const ld = parseJsonLd(jsonLd);
  const metas = Array.from(doc.getElementsByTagName('meta'));
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || null;
  const ldUrl = typeof ld?.url === 'string' ? ld.url : null;
  return {
    title: (typeof ld?.headline === 'string' ? ld.headline.trim() : null) ?? metaContent(metas, ['og:title', 'twitter:title']),
    byline: authorName(ld?.author) ?? metaContent(metas, ['author', 'article:author', 'byl', 'parsely-author']),
    published:
      (typeof ld?.datePublished === 'string' ? ld.datePublished.trim() : null) ??
      metaContent(metas, ['article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'parsely-pub-date', 'DC.date.issued']),
    description: metaContent(metas, ['og:description', 'description', 'twitter:description']),
    canonicalUrl: canonical ?? metaContent(metas, ['og:url']) ?? ldUrl,
    language: doc.documentElement?.getAttribute('lang')?.trim() || metaContent(metas, ['og:locale', 'language', 'content-language']),
  };
}

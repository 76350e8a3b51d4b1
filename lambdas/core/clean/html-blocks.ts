/**
 * HTML → blocks: Readability picks the article container, then its DOM is flattened into
 * blocks at block-element boundaries, keeping the element kind and the link share.
 */
import { Readability } from '@mozilla/readability';
import type { Block, BlockKind } from '../types';
import { parsePage, type DomEngine } from './html-dom';
import { readHtmlMeta, type HtmlMeta } from './html-meta';
import { extractJsonLd, stripActiveContent } from './html-prepare';

export interface HtmlExtraction {
  blocks: Block[];
  meta: HtmlMeta;
  /** Readability's own byline/title guesses, used when the page has no metadata. */
  readabilityTitle: string | null;
  readabilityByline: string | null;
}

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'CAPTION',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO']);

function kindOf(tag: string, inherited: BlockKind): BlockKind {
  if (/^H[1-6]$/.test(tag)) return 'heading';
  if (tag === 'LI' || tag === 'DT' || tag === 'DD') return 'list-item';
  if (tag === 'FIGCAPTION' || tag === 'CAPTION') return 'caption';
  if (tag === 'BLOCKQUOTE') return 'quote';
  // Table cells: short, repetitive values (scores, names) that are still story content.
  if (tag === 'TD' || tag === 'TH') return 'other';
  // Everything inside a figure is caption or credit, never story text.
  if (tag === 'FIGURE') return 'caption';
  return inherited;
}

class BlockBuilder {
  readonly blocks: Block[] = [];
  private text = '';
  private linkChars = 0;

  add(text: string, inLink: boolean): void {
    this.text += text;
    if (inLink) this.linkChars += text.replace(/\s+/g, '').length;
  }

  flush(kind: BlockKind): void {
    const text = this.text.replace(/\s+/g, ' ').trim();
    if (text) {
      const chars = text.replace(/\s+/g, '').length;
      this.blocks.push({ text, kind, linkDensity: chars ? Math.min(1, this.linkChars / chars) : 0, index: this.blocks.length });
    }
    this.text = '';
    this.linkChars = 0;
  }
}

function walk(node: Node, kind: BlockKind, inLink: boolean, out: BlockBuilder): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      out.add(child.nodeValue ?? '', inLink);
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag) || el.hasAttribute('hidden')) continue;
    if (tag === 'BR') {
      out.flush(kind);
      continue;
    }
    if (BLOCK_TAGS.has(tag)) {
      out.flush(kind);
      const inner = kindOf(tag, kind);
      walk(el, inner, inLink, out);
      out.flush(inner);
      continue;
    }
    walk(el, kind, inLink || tag === 'A', out);
  }
}

export function htmlToBlocks(html: string, engine: DomEngine): HtmlExtraction {
  const jsonLd = extractJsonLd(html);
  const page = parsePage(stripActiveContent(html), engine);
  try {
    const meta = readHtmlMeta(page.document, jsonLd);
    const article = new Readability<Element>(page.document, { serializer: (el) => el as Element }).parse();
    const builder = new BlockBuilder();
    if (article?.content) {
      walk(article.content, 'paragraph', false, builder);
      builder.flush('paragraph');
    }
    return {
      blocks: builder.blocks,
      meta,
      readabilityTitle: article?.title?.trim() || null,
      readabilityByline: article?.byline?.trim() || null,
    };
  } finally {
    page.close();
  }
}

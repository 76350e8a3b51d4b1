/**
 * HTML → blocks: Readability picks the article container, then its DOM is flattened into
 * blocks at block-element boundaries, keeping the element kind and the link share.
 */
import { Readability } from '@mozilla/readability';
import type { Block, BlockKind } from '../types';
import { HTML_CHROME_CONTAINER, STRUCTURE_THRESHOLDS as T, TEXT_PATTERNS as P } from '../rules';
import { parsePage, type DomEngine } from './html-dom';
import { readHtmlMeta, type HtmlMeta } from './html-meta';
import { extractJsonLd, stripActiveContent } from './html-prepare';
import { bestRun } from './story-run';
import { collapseSpace, comparable, isProse } from './text-signals';

export interface HtmlExtraction {
  blocks: Block[];
  meta: HtmlMeta;
  /** Readability's own byline/title guesses, used when the page has no metadata. */
  readabilityTitle: string | null;
  readabilityByline: string | null;
}

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'CAPTION',
]);
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
]);

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

/** A block of the whole page, with whether it sits inside a navigation/footer/sidebar-like container. */
interface PageBlock extends Block {
  chrome: boolean;
}

class BlockBuilder {
  readonly blocks: PageBlock[] = [];
  private text = '';
  private linkChars = 0;

  add(text: string, inLink: boolean): void {
    this.text += text;
    if (inLink) this.linkChars += text.replace(P.space, '').length;
  }

  flush(kind: BlockKind, chrome = false): void {
    const text = collapseSpace(this.text);
    if (text) {
      const chars = text.replace(P.space, '').length;
      this.blocks.push({ text, kind, linkDensity: chars ? Math.min(1, this.linkChars / chars) : 0, index: this.blocks.length, chrome });
    }
    this.text = '';
    this.linkChars = 0;
  }
}

/** Page furniture by element semantics or by its class/id words (never by text). */
function isChromeContainer(el: Element, tag: string, pageChars: number): boolean {
  if (HTML_CHROME_CONTAINER.neverTags.includes(tag)) return false;
  let named = HTML_CHROME_CONTAINER.tags.includes(tag);
  const role = el.getAttribute('role');
  if (!named && role) named = HTML_CHROME_CONTAINER.roles.includes(role.toLowerCase());
  if (!named) {
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    const list = names.length <= HTML_CHROME_CONTAINER.maxNameChars ? names.split(/\s+/) : [];
    // "l-sidebar-fixed l-article-body-segment": a layout column that says it holds the article.
    named =
      list.some((name) => HTML_CHROME_CONTAINER.names.test(name)) &&
      !list.some((name) => HTML_CHROME_CONTAINER.storyNames.test(name) && !HTML_CHROME_CONTAINER.chromeWords.test(name));
  }
  // A wrapper holding most of the page ("page menu-closed", a theme's "sidebar-left" layout) is not furniture.
  return named && (el.textContent ?? '').length <= pageChars * HTML_CHROME_CONTAINER.maxPageShare;
}

function walk(node: Node, kind: BlockKind, inLink: boolean, out: BlockBuilder, chrome = false, pageChars = -1): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      out.add(child.nodeValue ?? '', inLink);
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag) || el.hasAttribute('hidden')) continue;
    // On the whole page, inline-hidden boxes (tooltips, collapsed menus) are not text a reader sees.
    if (pageChars >= 0 && HTML_CHROME_CONTAINER.hiddenStyle.test(el.getAttribute('style') ?? '')) continue;
    if (tag === 'BR') {
      out.flush(kind, chrome);
      continue;
    }
    const inChrome = chrome || (pageChars >= 0 && isChromeContainer(el, tag, pageChars));
    if (BLOCK_TAGS.has(tag) || inChrome !== chrome) {
      out.flush(kind, chrome);
      const inner = BLOCK_TAGS.has(tag) ? kindOf(tag, kind) : kind;
      walk(el, inner, inLink, out, inChrome, pageChars);
      out.flush(inner, inChrome);
      continue;
    }
    walk(el, kind, inLink || tag === 'A', out, chrome, pageChars);
  }
}

/** The whole page as blocks (before Readability rewrites the document). */
function pageBlocks(doc: Document): PageBlock[] {
  const builder = new BlockBuilder();
  if (doc.body) {
    walk(doc.body, 'paragraph', false, builder, false, (doc.body.textContent ?? '').length);
    builder.flush('paragraph');
  }
  return builder.blocks;
}

const proseChars = (b: Block) => (b.linkDensity < T.linkDenseShare && isProse(b.text) ? b.text.length : 0);

/**
 * A second opinion on the article container: the story run over the whole page (prose
 * outside page furniture). Readability sometimes crowns a sidebar, a cookie notice or a
 * list of names while the story sits elsewhere; when the page's own story run carries much
 * more prose than Readability's pick and Readability holds little of it, the run wins. It
 * keeps the blocks of Readability's pick at its edges (a closing line too short to be prose).
 */
function pageStory(page: readonly PageBlock[], picked: readonly Block[]): Block[] | null {
  const profile = page.map((b) => (b.chrome ? 0 : proseChars(b)));
  const run = bestRun(profile, T.maxGapBlocks);
  // Each test below can veto the run on its own; the cheap ones go first.
  if (!run || run.proseChars < T.pageRunMinChars) return null;
  const pickedKeys = picked.map((b) => comparable(b.text));
  // Readability's prose that the page shows inside furniture (an author box, a sidebar) is not story evidence.
  const chromeKeys = new Set(page.filter((b) => b.chrome).map((b) => comparable(b.text)));
  const pickedProse = picked.reduce((n, b, k) => n + (chromeKeys.has(pickedKeys[k]) ? 0 : proseChars(b)), 0);
  if (run.proseChars < pickedProse * T.pageRunMinGain) return null;
  // Readability may split or join paragraphs differently (it rewrites <div>s and <br>s), so coverage is by containment.
  const pickedText = pickedKeys.join(' ');
  const pageKeys: (string | undefined)[] = [];
  const pageKey = (i: number) => (pageKeys[i] ??= comparable(page[i].text));
  let covered = 0;
  for (let i = run.start; i <= run.end; i++) if (profile[i] > 0 && pickedText.includes(pageKey(i))) covered += profile[i];
  if (covered > run.proseChars * T.pageRunMaxCovered) return null;
  let { start, end } = run;
  const inPick = (i: number) => i >= 0 && i < page.length && !page[i].chrome && pickedText.includes(pageKey(i));
  while (inPick(start - 1)) start--;
  while (inPick(end + 1)) end++;
  return page.slice(start, end + 1).map((b, index) => ({ text: b.text, kind: b.kind, linkDensity: b.linkDensity, index }));
}

export function htmlToBlocks(html: string, engine: DomEngine): HtmlExtraction {
  const jsonLd = extractJsonLd(html);
  const page = parsePage(stripActiveContent(html), engine);
  try {
    const meta = readHtmlMeta(page.document, jsonLd);
    // Readability rewrites the document it reads, so the page is flattened first.
    const wholePage = pageBlocks(page.document);
    // keepClasses: nothing reads class names in Readability's pick, so its pass stripping them is skipped.
    const article = new Readability<Element>(page.document, { serializer: (el) => el as Element, keepClasses: true }).parse();
    const builder = new BlockBuilder();
    if (article?.content) {
      walk(article.content, 'paragraph', false, builder);
      builder.flush('paragraph');
    }
    const picked: Block[] = builder.blocks.map(({ text, kind, linkDensity, index }) => ({ text, kind, linkDensity, index }));
    return {
      blocks: pageStory(wholePage, picked) ?? picked,
      meta,
      readabilityTitle: article?.title?.trim() || null,
      readabilityByline: article?.byline?.trim() || null,
    };
  } finally {
    page.close();
  }
}

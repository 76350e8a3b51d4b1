/**
 * Parses HTML into a DOM that never runs scripts or loads resources, and hands back a
 * close() so callers always release the window. Two engines: jsdom (reference) and
 * linkedom (much faster, same Readability result on typical news pages).
 */
import type * as JsdomModule from 'jsdom';
import type * as LinkedomModule from 'linkedom';

let jsdomModule: typeof JsdomModule | null = null;

/** jsdom is loaded on first use: it is the slower option, and loading it costs ~1 s of cold start. */
function jsdom(): typeof JsdomModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  jsdomModule ??= require('jsdom') as typeof JsdomModule;
  return jsdomModule;
}

let linkedomModule: typeof LinkedomModule | null = null;

/** linkedom too is loaded on first use: text pages never need a DOM, and it is ~150 modules to load. */
function linkedom(): typeof LinkedomModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  linkedomModule ??= require('linkedom') as typeof LinkedomModule;
  return linkedomModule;
}

export type DomEngine = 'jsdom' | 'linkedom';

export interface ParsedPage {
  document: Document;
  close(): void;
}

/**
 * Content before the <html> tag (a PHP warning, <title> and <meta> tags printed by a
 * plugin) makes linkedom take it as the document and lose the whole body. Such head tags
 * go into <head>; anything else there is server noise and is dropped.
 */
function hoistIntoHead(html: string, at: number): string {
  const prefix = html.slice(0, at).replace(/<!doctype[^>]{0,200}>/gi, '');
  if (!/\S/.test(prefix.replace(/<!--[^]*?-->/g, ''))) return html;
  const rest = html.slice(at);
  const head = /<head(?:\s[^>]{0,500}|)>/i.exec(rest);
  if (!head) return `<!doctype html>${rest}`;
  const end = head.index + head[0].length;
  return `<!doctype html>${rest.slice(0, end)}${prefix}${rest.slice(end)}`;
}

/** Offset of the first <html> tag outside comments (old IE conditional comments repeat it), or -1. */
function htmlTagAt(html: string): number {
  const tag = /<html[\s>]/gi;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (html.lastIndexOf('<!--', m.index) <= html.lastIndexOf('-->', m.index)) return m.index;
  }
  return -1;
}

export function parsePage(html: string, engine: DomEngine): ParsedPage {
  if (engine === 'linkedom') {
    // linkedom needs a full document; bare fragments would otherwise lose <body>.
    const at = htmlTagAt(html);
    const source = at >= 0 ? hoistIntoHead(html, at) : `<!doctype html><html><head></head><body>${html}</body></html>`;
    const { document } = linkedom().parseHTML(source) as unknown as { document: Document };
    return { document, close: () => undefined };
  }
  // Scripts are already stripped; runScripts stays unset and no resource loader is given,
  // so nothing on the page executes or fetches. A silent console drops CSS/parse noise.
  const { JSDOM, VirtualConsole } = jsdom();
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole(), contentType: 'text/html' });
  return { document: dom.window.document, close: () => dom.window.close() };
}

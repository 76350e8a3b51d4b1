/**
 * Parses HTML into a DOM that never runs scripts or loads resources, and hands back a
 * close() so callers always release the window. Two engines: jsdom (reference) and
 * linkedom (much faster, same Readability result on typical news pages).
 */
import type * as JsdomModule from 'jsdom';
import { parseHTML } from 'linkedom';

let jsdomModule: typeof JsdomModule | null = null;

/** jsdom is loaded on first use: it is the slower option, and loading it costs ~1 s of cold start. */
function jsdom(): typeof JsdomModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  jsdomModule ??= require('jsdom') as typeof JsdomModule;
  return jsdomModule;
}

export type DomEngine = 'jsdom' | 'linkedom';

export interface ParsedPage {
  document: Document;
  close(): void;
}

export function parsePage(html: string, engine: DomEngine): ParsedPage {
  if (engine === 'linkedom') {
    // linkedom needs a full document; bare fragments would otherwise lose <body>.
    const source = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
    const { document } = parseHTML(source) as unknown as { document: Document };
    return { document, close: () => undefined };
  }
  // Scripts are already stripped; runScripts stays unset and no resource loader is given,
  // so nothing on the page executes or fetches. A silent console drops CSS/parse noise.
  const { JSDOM, VirtualConsole } = jsdom();
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole(), contentType: 'text/html' });
  return { document: dom.window.document, close: () => dom.window.close() };
}

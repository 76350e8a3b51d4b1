/**
 * Parses HTML into a DOM that never runs scripts or loads resources, and hands back a
 * close() so callers always release the window. Two engines: jsdom (reference) and
 * linkedom (much faster, same Readability result on typical news pages).
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';

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
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole(), contentType: 'text/html' });
  return { document: dom.window.document, close: () => dom.window.close() };
}

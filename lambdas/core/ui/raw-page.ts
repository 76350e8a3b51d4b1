import { decodeBytes } from '../ingest/decode';
import { formatFromKey, parseJsonEnvelope, sniffFormat } from '../ingest/source-format';

/**
 * The uploaded object as a document to show inertly: decoded the way ingest decodes it, HTML
 * served as HTML (the frame's sandbox and the response's CSP keep it from running or
 * fetching anything), text dumps as plain text. JSON envelopes show the page they carry.
 */

export interface RawView {
  contentType: string;
  body: string;
}

const TEXT = 'text/plain; charset=utf-8';
const HTML = 'text/html; charset=utf-8';
// A refresh would navigate the frame to another address: the one thing CSP does not stop.
const META_REFRESH = /<meta\b[^>]*http-equiv\s*=\s*["']?\s*refresh[^>]*>/gi;

export function rawView(bytes: Uint8Array, key: string): RawView {
  const keyFormat = formatFromKey(key);
  const decoded = decodeBytes(bytes, { isHtml: keyFormat !== 'text' });
  if (!decoded.ok) return { contentType: TEXT, body: `(${decoded.reason})` };
  let content = decoded.text;
  let format = keyFormat === 'html' || keyFormat === 'text' ? keyFormat : sniffFormat(content);
  if (keyFormat === 'json') {
    const env = parseJsonEnvelope(content);
    if (typeof env === 'string') return { contentType: TEXT, body: content };
    content = env.content;
    format = env.format;
  }
  return format === 'html' ? { contentType: HTML, body: content.replace(META_REFRESH, '') } : { contentType: TEXT, body: content };
}

import type { InputFormat } from '../types';
import { PREFIX } from '../schema';
import { asciiLower } from '../text/ascii-case';
import { dropLoneSurrogates } from '../text/surrogates';

const EXTENSION_FORMATS: Record<string, InputFormat> = {
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  shtml: 'html',
  txt: 'text',
  text: 'text',
  json: 'json',
};

export function formatFromKey(key: string): InputFormat | null {
  const base = key.slice(key.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return null;
  return EXTENSION_FORMATS[base.slice(dot + 1).toLowerCase()] ?? null;
}

/** For keys without a known extension: markup at the start means HTML. */
export function sniffFormat(text: string): 'html' | 'text' {
  const head = asciiLower(text.slice(0, 2048).trimStart());
  if (/^(<!doctype html|<html|<\?xml|<head|<body|<!--)/.test(head)) return 'html';
  const tags = head.match(/<\/?(p|div|span|a|article|section|h[1-6]|br|meta|script|ul|li)\b/g);
  return tags && tags.length >= 3 ? 'html' : 'text';
}

/** `raw/<outlet>/…` → outlet; keys outside that shape have no outlet of their own. */
export function outletFromKey(key: string): string | null {
  if (!key.startsWith(PREFIX.raw)) return null;
  const rest = key.slice(PREFIX.raw.length);
  const slash = rest.indexOf('/');
  if (slash <= 0) return null;
  return rest.slice(0, slash);
}

export function fileNameOfKey(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

export interface JsonEnvelope {
  content: string;
  format: 'html' | 'text';
  url: string | null;
  outlet: string | null;
}

/**
 * A `.json` upload wraps a page fetched elsewhere: `{ html | text | content, url?, outlet? }`.
 * Returns a reason string when the envelope is unusable.
 */
export function parseJsonEnvelope(text: string): JsonEnvelope | string {
  let value: unknown;
  try {
    // Decoded bytes never hold half a surrogate pair, but a JSON escape (`"\ud83d"`) can spell one.
    value = JSON.parse(text, (_key, v: unknown) => (typeof v === 'string' ? dropLoneSurrogates(v) : v));
  } catch {
    return 'The .json object is not valid JSON.';
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'The .json object is not a JSON object.';
  const v = value as Record<string, unknown>;
  const str = (k: string) => (typeof v[k] === 'string' && (v[k] as string).trim() !== '' ? (v[k] as string) : null);
  const url = str('url');
  const outlet = str('outlet');
  const html = str('html');
  if (html) return { content: html, format: 'html', url, outlet };
  const plain = str('text') ?? str('content') ?? str('body');
  if (plain) return { content: plain, format: sniffFormat(plain), url, outlet };
  return 'The .json envelope has no non-empty "html", "text", "content" or "body" field.';
}

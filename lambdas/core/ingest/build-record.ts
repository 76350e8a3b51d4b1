import type { ArticleRecord, CleanOptions, CleanResult, InputFormat, RemovedBlock } from '../types';
import { cleanDetailed, type TraceEntry } from '../clean';
import { effectiveWords } from '../clean/text-signals';
import { emptyResult as rejectedResult } from '../clean/clean-article';
import { decodeBytes } from './decode';
import { fileNameOfKey, formatFromKey, outletFromKey, parseJsonEnvelope, sniffFormat } from './source-format';
import { articleId } from './article-id';
import { htmlNestingDepth } from './html-depth';
import { boundCleanFields, boundOutlet } from './field-limits';

/**
 * Deepest element nesting the cleaner is given. Cleaning time grows with the square of the
 * depth or worse (about a minute at 1,000), so deeper pages are rejected before parsing.
 */
export const MAX_HTML_NESTING = 256;

/** Where an object came from, as the handler learned it from the event and a HEAD request. */
export interface SourceMeta {
  bucket: string;
  key: string;
  versionId: string | null;
  eTag: string | null;
  size: number;
  contentType?: string | null;
  /** Outlet from object metadata (`x-amz-meta-outlet`), which overrides the key. */
  metadataOutlet?: string | null;
}

export const UNKNOWN_OUTLET = 'unknown';

/** Object metadata first (an explicit choice), then the key's `raw/<outlet>/` segment. */
export function outletOf(meta: Pick<SourceMeta, 'key' | 'metadataOutlet'>): string {
  return boundOutlet(meta.metadataOutlet?.trim() || outletFromKey(meta.key) || UNKNOWN_OUTLET);
}

export function idForSource(meta: Pick<SourceMeta, 'bucket' | 'key' | 'versionId' | 'eTag'>): string {
  return articleId(meta.bucket, meta.key, meta.versionId ?? meta.eTag);
}

function charsetOf(contentType: string | null | undefined): string | null {
  const m = contentType ? /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType) : null;
  return m ? m[1] : null;
}

/** A record's result when there is no story to keep: the cleaner's own empty result. */
export { emptyResult as rejectedResult } from '../clean/clean-article';

/**
 * The record's word count, counted as the cleaner counts story words: splitting on spaces gave
 * a megabyte of Chinese one word, since scripts like Han and Thai put no spaces between words.
 */
export function countWords(paragraphs: string[]): number {
  let n = 0;
  for (const p of paragraphs) n += effectiveWords(p);
  return n;
}

/**
 * Gives each removed block its place among the kept paragraphs, so a reviewer can see the page
 * in its order (the record keeps kept and removed text in two lists). The trace lists every
 * block in page order; its blocks that were not kept are the removed ones, in the same order.
 */
export function placeRemoved(removed: RemovedBlock[], trace: readonly TraceEntry[]): RemovedBlock[] {
  const notKept = trace.filter((t) => !t.kept);
  if (notKept.length !== removed.length) return removed;
  const out: RemovedBlock[] = [];
  let paragraphsAbove = 0;
  for (const t of trace) {
    if (t.kept) {
      if (t.role === 'paragraph') paragraphsAbove++;
    } else {
      out.push({ ...removed[out.length], position: paragraphsAbove });
    }
  }
  return out;
}

/**
 * What the pipeline may choose when cleaning an object. The DOM engine is not among them:
 * the deployed function ships linkedom only (see lib/constructs/ingest-function.ts).
 */
export type ObjectCleanOptions = Pick<CleanOptions, 'templateCounts' | 'extraRules'>;

export interface CleanedObject {
  format: InputFormat | 'unknown';
  outlet: string;
  result: CleanResult;
}

/** Decode, sniff and clean one object's bytes. Never throws for content; every field within FIELD_LIMITS. */
export function cleanObject(bytes: Uint8Array, meta: SourceMeta, options: ObjectCleanOptions = {}): CleanedObject {
  const cleaned = cleanUnbounded(bytes, meta, options);
  return { ...cleaned, outlet: boundOutlet(cleaned.outlet), result: boundCleanFields(cleaned.result) };
}

function cleanUnbounded(bytes: Uint8Array, meta: SourceMeta, { templateCounts, extraRules }: ObjectCleanOptions): CleanedObject {
  const keyFormat = formatFromKey(meta.key);
  const outletFromMeta = meta.metadataOutlet?.trim() || null;
  let outlet = outletOf(meta);
  const decoded = decodeBytes(bytes, { isHtml: keyFormat !== 'text', declaredCharset: charsetOf(meta.contentType) });
  if (!decoded.ok) return { format: keyFormat ?? 'unknown', outlet, result: rejectedResult(decoded.reason) };

  let content = decoded.text;
  let format: 'html' | 'text' = keyFormat === 'html' || keyFormat === 'text' ? keyFormat : sniffFormat(content);
  let url: string | null = null;
  if (keyFormat === 'json') {
    const env = parseJsonEnvelope(content);
    if (typeof env === 'string') return { format: 'json', outlet, result: rejectedResult(env) };
    content = env.content;
    format = env.format;
    url = env.url;
    if (!outletFromMeta && env.outlet) outlet = env.outlet;
  }
  if (format === 'html' && htmlNestingDepth(content, MAX_HTML_NESTING) > MAX_HTML_NESTING) {
    const reason = `The page nests its elements more than ${MAX_HTML_NESTING} deep, too deep to parse in bounded time.`;
    return { format: keyFormat ?? format, outlet, result: rejectedResult(reason) };
  }
  try {
    const detail = cleanDetailed({ content, format, sourceName: fileNameOfKey(meta.key), outlet, url }, { templateCounts, extraRules });
    const result = { ...detail.result, removed: placeRemoved(detail.result.removed, detail.trace) };
    return { format: keyFormat ?? format, outlet, result };
  } catch (err) {
    // The cleaner is meant never to throw; if a page still breaks it, keep a record rather than lose the article.
    const msg = err instanceof Error ? err.message : String(err);
    return { format: keyFormat ?? format, outlet, result: rejectedResult(`The cleaner failed on this page: ${msg.slice(0, 200)}`) };
  }
}

/** The stored record before dedupe fills in story fields. */
export function buildRecord(meta: SourceMeta, cleaned: CleanedObject, ingestedAt: string, rulesVersion: string): ArticleRecord {
  const id = idForSource(meta);
  const { result } = cleaned;
  return {
    id,
    outlet: cleaned.outlet,
    sourceKey: meta.key,
    sourceBucket: meta.bucket,
    sourceVersion: meta.versionId ?? meta.eTag,
    format: cleaned.format,
    ...result,
    body: result.paragraphs.join('\n\n'),
    wordCount: countWords(result.paragraphs),
    storyId: id,
    role: 'original',
    canonicalId: id,
    match: null,
    rulesVersion,
    ingestedAt,
    bodyRef: null,
    rawBytes: meta.size,
  };
}

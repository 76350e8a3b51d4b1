import { createHash } from 'node:crypto';
import type { ArticleRecord } from '../types';
import { NewsIngestError } from '../errors';
import { ARTICLES_TABLE } from '../schema';

/**
 * How a record is laid out as a DynamoDB item: derived sort keys for the GSIs, and the
 * split of large text into an S3 object so the item stays under DynamoDB's 400 KB limit.
 */

/** Items above this (estimated) size keep their text in S3; leaves headroom under 400 KB. */
export const MAX_INLINE_ITEM_BYTES = 300_000;

/** The fields that move to S3 when an item is too large. */
export interface OffloadedText {
  paragraphs: string[];
  headings: string[];
  removed: ArticleRecord['removed'];
}

export type StoredItem = Omit<ArticleRecord, 'body'> & {
  storySort?: string;
  publishedSort: string;
  agency?: string;
  storyList?: string;
  /** On a story's canonical record only: how many articles the story has, kept by the story sync. */
  memberCount?: number;
};

/** The single partition value of the sparse `stories` index. */
export const STORY_LIST_KEY = 'story';

export function publishedSortKey(r: Pick<ArticleRecord, 'published' | 'ingestedAt' | 'id'>): string {
  return `${r.published ?? r.ingestedAt}#${r.id}`;
}

/**
 * Named after the record and its text's content, so a retried write finds the object already
 * there (and skips the PUT), while a reprocess that changes the text never overwrites a body
 * that a stored item still points at.
 */
export function bodyKeyFor(id: string, prefix: string, offloadJson: string): string {
  const digest = createHash('sha256').update(offloadJson).digest('hex').slice(0, 16);
  return `${prefix}${id}/${digest}.json`;
}

export function estimateBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** Record → item (and the text to offload, when it does not fit). `body` is derived, never stored. */
export function toStoredItem(record: ArticleRecord, bodyPrefix: string): { item: StoredItem; offload: OffloadedText | null; offloadJson: string | null } {
  const { body: _body, ...rest } = record;
  const item: StoredItem = { ...rest, publishedSort: publishedSortKey(record) };
  // Rejected records stay out of the story index: they belong to no story.
  if (record.status === 'clean') item.storySort = publishedSortKey(record);
  if (record.syndication.length > 0) item.agency = record.syndication[0];
  if (record.status === 'clean' && record.canonicalId === record.id) item.storyList = STORY_LIST_KEY;
  if (estimateBytes(item) <= MAX_INLINE_ITEM_BYTES) return { item: { ...item, bodyRef: null }, offload: null, offloadJson: null };
  const offload: OffloadedText = { paragraphs: record.paragraphs, headings: record.headings, removed: record.removed };
  const offloadJson = JSON.stringify(offload);
  return {
    item: { ...item, paragraphs: [], headings: [], removed: [], bodyRef: bodyKeyFor(record.id, bodyPrefix, offloadJson) },
    offload,
    offloadJson,
  };
}

/** Item (+ offloaded text when it had some) → the record users see. */
export function fromStoredItem(item: StoredItem, offloaded: OffloadedText | null): ArticleRecord {
  const { storySort: _s, publishedSort: _p, agency: _a, storyList: _l, memberCount: _m, ...rest } = item;
  const text = offloaded ?? { paragraphs: item.paragraphs ?? [], headings: item.headings ?? [], removed: item.removed ?? [] };
  return { ...rest, ...text, body: text.paragraphs.join('\n\n') };
}

/**
 * The start key that resumes a query right after `item` (what DynamoDB would return as
 * LastEvaluatedKey had the page ended there): the table key plus the index's keys.
 */
export function startKeyAfter<V>(item: Record<string, V>, indexName: string | null): Record<string, V> {
  const index = indexName === null ? null : ARTICLES_TABLE.globalSecondaryIndexes.find((i) => i.indexName === indexName);
  if (indexName !== null && !index) throw new Error(`Unknown index ${indexName}`);
  const names = [ARTICLES_TABLE.partitionKey.name, ...(index ? [index.partitionKey.name, ...(index.sortKey ? [index.sortKey.name] : [])] : [])];
  return Object.fromEntries(names.map((n) => [n, item[n]]));
}

/** Opaque pagination cursor around a DynamoDB LastEvaluatedKey. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : null;
}

export function decodeCursor(cursor: string | null | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new InvalidCursorError();
}

export class InvalidCursorError extends NewsIngestError {
  constructor() {
    super('The cursor is not valid; pass the cursor value from a previous page unchanged.');
  }
}

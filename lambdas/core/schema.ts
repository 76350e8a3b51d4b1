/**
 * DynamoDB table schemas as plain data. CDK (lib/constructs/article-tables.ts) and the
 * local runtime (lambdas/local) both build their tables from these, so the two can never drift.
 */

export type AttributeType = 'S' | 'N';

export interface KeyAttribute {
  name: string;
  type: AttributeType;
}

export interface IndexSchema {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
}

export interface TableSchema {
  /** Logical name; the physical name comes from CDK or the local runtime. */
  logicalName: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  globalSecondaryIndexes: IndexSchema[];
}

/** One item per article, keyed by the article id. */
export const ARTICLES_TABLE: TableSchema = {
  logicalName: 'Articles',
  partitionKey: { name: 'id', type: 'S' },
  globalSecondaryIndexes: [
    // All members of a story, ordered by `storySort` (published time, then id).
    { indexName: 'byStory', partitionKey: { name: 'storyId', type: 'S' }, sortKey: { name: 'storySort', type: 'S' } },
    // An outlet's articles by the time the page shows (ingest time when it shows none).
    { indexName: 'byOutletPublished', partitionKey: { name: 'outlet', type: 'S' }, sortKey: { name: 'publishedSort', type: 'S' } },
    // Sparse: only syndicated articles carry `agency` (their first wire agency code).
    { indexName: 'byAgency', partitionKey: { name: 'agency', type: 'S' }, sortKey: { name: 'publishedSort', type: 'S' } },
    // Sparse: only a story's canonical record carries `storyList`, so this lists stories.
    // One partition value keeps listing a single Query; GSI write rates stay far below its limit
    // because only canonical changes write to it.
    { indexName: 'stories', partitionKey: { name: 'storyList', type: 'S' }, sortKey: { name: 'publishedSort', type: 'S' } },
  ],
};

/**
 * Generic key/value index for dedupe fingerprints, story state and outlet template counts.
 * Item families are distinguished by a `pk` prefix (see lambdas/adapters).
 */
export const FINGERPRINT_TABLE: TableSchema = {
  logicalName: 'FingerprintIndex',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [],
};

export const TABLES = [ARTICLES_TABLE, FINGERPRINT_TABLE] as const;

/** Environment variable names the ingest and query functions read (set by CDK, or the local runtime). */
export const ENV = {
  articlesTable: 'ARTICLES_TABLE',
  fingerprintTable: 'FINGERPRINT_TABLE',
  bodyBucket: 'BODY_BUCKET',
  maxObjectBytes: 'MAX_OBJECT_BYTES',
  logLevel: 'LOG_LEVEL',
  /** ARN of the secret whose value signs the query API's cursors. */
  cursorSecret: 'CURSOR_SECRET_ARN',
} as const;

/** S3 key prefixes: uploads under raw/ trigger ingestion; derived output never goes there. */
export const PREFIX = {
  raw: 'raw/',
  bodies: 'bodies/',
} as const;

import type { S3ObjectRef } from '../core/ingest/s3-event';
import { buildRecord, cleanObject, idForSource, outletOf, rejectedResult, type SourceMeta } from '../core/ingest/build-record';
import { formatFromKey } from '../core/ingest/source-format';
import { RULES_VERSION } from '../core/rules';
import type { ArticleRecord } from '../core/types';
import type { ArticleStore } from '../adapters/article-store';
import type { S3ObjectStore } from '../adapters/object-store';
import type { Logger } from './log';

export interface IngestDeps {
  objects: S3ObjectStore;
  articles: ArticleStore;
  maxObjectBytes: number;
  now: () => Date;
  log: Logger;
}

export type IngestOutcome = 'clean' | 'rejected' | 'duplicate' | 'missing';

function megabytes(n: number): string {
  return `${(n / 1_048_576).toFixed(1)} MB`;
}

/** One uploaded object → one stored record. Throws only for infrastructure errors (retried by SQS). */
export async function ingestObject(ref: S3ObjectRef, deps: IngestDeps): Promise<{ outcome: IngestOutcome; id?: string }> {
  const head = await deps.objects.head(ref.bucket, ref.key, ref.versionId);
  if (!head) {
    // Deleted before we got to it: nothing left to keep or to clean.
    deps.log.warn('object no longer exists', { bucket: ref.bucket, key: ref.key });
    return { outcome: 'missing' };
  }
  const meta: SourceMeta = {
    bucket: ref.bucket,
    key: ref.key,
    versionId: ref.versionId ?? head.versionId,
    eTag: ref.eTag ?? head.eTag,
    size: head.size,
    contentType: head.contentType,
    metadataOutlet: head.metadata.outlet ?? null,
  };
  const id = idForSource(meta);
  const existing = await deps.articles.get(id);
  if (existing && existing.rulesVersion === RULES_VERSION) return { outcome: 'duplicate', id };

  const ingestedAt = existing?.ingestedAt ?? deps.now().toISOString();
  let record: ArticleRecord;
  if (head.size > deps.maxObjectBytes) {
    // Judged from the size alone, so a huge object never enters memory.
    const reason = `The object is ${megabytes(head.size)}, over the ${megabytes(deps.maxObjectBytes)} limit; it was kept but not read.`;
    record = buildRecord(meta, { format: formatFromKey(meta.key) ?? 'unknown', outlet: outletOf(meta), result: rejectedResult(reason) }, ingestedAt);
  } else {
    const bytes = await deps.objects.getBytes(ref.bucket, ref.key, meta.versionId);
    record = buildRecord(meta, cleanObject(bytes, meta), ingestedAt);
  }
  const written = await deps.articles.put(record, existing ? 'replace' : 'create');
  if (written === 'exists') return { outcome: 'duplicate', id };
  deps.log.info('article stored', { id, key: ref.key, outlet: record.outlet, status: record.status, reason: record.reason, words: record.wordCount });
  return { outcome: record.status, id };
}

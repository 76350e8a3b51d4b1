import { readFileSync } from 'node:fs';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { articleId } from '../core/ingest/article-id';
import type { IngestOutcome } from '../handlers/ingest-object';
import type { LocalFile } from './files';
import type { LocalRuntime } from './runtime';

export interface IngestCounts {
  uploaded: number;
  clean: number;
  rejected: number;
  duplicate: number;
  unchanged: number;
  failed: number;
}

export function emptyCounts(): IngestCounts {
  return { uploaded: 0, clean: 0, rejected: 0, duplicate: 0, unchanged: 0, failed: 0 };
}

export function countOutcome(counts: IngestCounts, outcome: IngestOutcome): void {
  if (outcome !== 'missing') counts[outcome]++;
}

/** Run `fn` over `items` with at most `limit` in flight. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

export const UPLOAD_CONCURRENCY = 8;

/**
 * Upload files under raw/<outlet>/ as a user's `aws s3 cp` would; the bucket notification
 * queues them and the queue delivers to the real handler while the uploads go on. Returns the
 * ids of the uploaded objects once every message is handled.
 */
export async function uploadAndProcess(rt: LocalRuntime, files: LocalFile[], onUploaded?: () => void, drainTimeoutMs?: number): Promise<string[]> {
  const uploads = mapLimit(files, UPLOAD_CONCURRENCY, async (f) => {
    const res = await rt.clients.s3.send(
      new PutObjectCommand({ Bucket: rt.names.bucket, Key: f.key, Body: readFileSync(f.path), Metadata: { outlet: f.outlet } }),
    );
    onUploaded?.();
    return articleId(rt.names.bucket, f.key, res.VersionId ?? (res.ETag ? res.ETag.replace(/"/g, '') : null));
  });
  await rt.queue.drain(drainTimeoutMs, uploads);
  return uploads;
}

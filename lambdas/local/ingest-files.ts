import { readFileSync } from 'node:fs';
import { articleId } from '../core/ingest/article-id';
import type { S3ObjectStore } from '../adapters/object-store';
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
  if (outcome !== 'missing' && outcome !== 'ignored') counts[outcome]++;
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

export interface UploadFailure {
  path: string;
  key: string;
  message: string;
}

export interface UploadHooks {
  onUploaded?(): void;
  /** A file that could not be read or stored; the others are still uploaded. */
  onFailed?(failure: UploadFailure): void;
}

/**
 * Upload files under raw/<outlet>/ as a user's `aws s3 cp` would, to the local server or a
 * deployed bucket alike. One file failing never stops the others. Returns each file's id, in order
 * (null for a file that could not be uploaded), so callers can tell which record belongs to which file.
 */
export async function uploadFiles(objects: S3ObjectStore, bucket: string, files: LocalFile[], hooks: UploadHooks = {}): Promise<(string | null)[]> {
  const ids = await mapLimit(files, UPLOAD_CONCURRENCY, async (f) => {
    try {
      const metadata = { outlet: f.outlet, ...(f.originalName ? { 'original-name': f.originalName } : {}) };
      const put = await objects.putBytes(bucket, f.key, readFileSync(f.path), metadata);
      hooks.onUploaded?.();
      return articleId(bucket, f.key, put.versionId ?? put.eTag);
    } catch (err) {
      hooks.onFailed?.({ path: f.path, key: f.key, message: err instanceof Error ? err.message : String(err) });
      return null;
    }
  });
  return ids;
}

/**
 * Upload to the local runtime; the bucket notification queues the files and the queue delivers
 * them to the real handler while the uploads go on. Ids in the order of `files`, null where the
 * upload failed.
 */
export async function uploadAndProcessInOrder(
  rt: LocalRuntime,
  files: LocalFile[],
  hooks: UploadHooks = {},
  drainTimeoutMs?: number,
): Promise<(string | null)[]> {
  // The queue delivers while the uploads go on, as Lambda polls SQS during a bulk upload.
  const uploads = uploadFiles(rt.deps.objects, rt.names.bucket, files, hooks);
  await rt.queue.drain(drainTimeoutMs, uploads);
  return uploads;
}

/** As uploadAndProcessInOrder, keeping only the ids of the files that were uploaded. */
export async function uploadAndProcess(rt: LocalRuntime, files: LocalFile[], hooks: UploadHooks = {}, drainTimeoutMs?: number): Promise<string[]> {
  return (await uploadAndProcessInOrder(rt, files, hooks, drainTimeoutMs)).filter((id): id is string => id !== null);
}

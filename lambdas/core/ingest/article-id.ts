import { createHash } from 'node:crypto';

/**
 * Deterministic id from where the bytes came from, so a redelivered event (same bucket,
 * key and version/ETag) maps to the same record and is a no-op.
 */
export function articleId(bucket: string, key: string, versionOrEtag: string | null): string {
  const h = createHash('sha256')
    .update(`${bucket}\u0000${key}\u0000${versionOrEtag ?? ''}`)
    .digest('hex');
  return `a_${h.slice(0, 20)}`;
}

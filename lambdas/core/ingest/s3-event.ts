/** Parsing of S3 event notifications as they arrive in SQS message bodies. */
import { PREFIX } from '../schema';

export interface S3ObjectRef {
  bucket: string;
  /** Decoded key, as the uploader named it. */
  key: string;
  versionId: string | null;
  eTag: string | null;
  size: number | null;
}

export type ParsedS3Message = { kind: 'test' } | { kind: 'objects'; objects: S3ObjectRef[] } | { kind: 'invalid'; reason: string };

/** S3 URL-encodes keys in notifications, with `+` for a space (form encoding). */
export function decodeS3EventKey(raw: string): string {
  const spaced = raw.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    // A lone `%` that is not an escape means the key was not encoded at all.
    return spaced;
  }
}

/** The inverse of decodeS3EventKey, as S3 produces it (used by the local runtime). */
export function encodeS3EventKey(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/');
}

/**
 * Why an object named in an event is not an upload to ingest, or null when it is. The bucket
 * notification only fires for raw/, but a message can be crafted or replayed by hand, and the
 * same bucket holds bodies/ (derived output that must never become an article).
 */
export function notAnUpload(ref: Pick<S3ObjectRef, 'bucket' | 'key'>, rawBucket: string): string | null {
  if (ref.bucket !== rawBucket) return `The object is in bucket ${ref.bucket}, not in the raw bucket.`;
  if (!ref.key.startsWith(PREFIX.raw)) return `The key is outside ${PREFIX.raw}.`;
  return null;
}

interface RawRecord {
  eventSource?: string;
  eventName?: string;
  s3?: { bucket?: { name?: string }; object?: { key?: string; versionId?: string; eTag?: string; size?: number } };
}

export function parseS3Message(body: string): ParsedS3Message {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { kind: 'invalid', reason: 'Message body is not JSON.' };
  }
  if (!parsed || typeof parsed !== 'object') return { kind: 'invalid', reason: 'Message body is not an object.' };
  const msg = parsed as { Event?: string; Records?: RawRecord[] };
  if (msg.Event === 's3:TestEvent') return { kind: 'test' };
  if (!Array.isArray(msg.Records)) return { kind: 'invalid', reason: 'Message has no S3 Records.' };
  const objects: S3ObjectRef[] = [];
  for (const r of msg.Records) {
    if (r.eventSource !== 'aws:s3' || !r.eventName?.startsWith('ObjectCreated:')) continue;
    const name = r.s3?.bucket?.name;
    const key = r.s3?.object?.key;
    if (!name || !key) continue;
    objects.push({
      bucket: name,
      key: decodeS3EventKey(key),
      versionId: r.s3?.object?.versionId ?? null,
      eTag: r.s3?.object?.eTag ?? null,
      size: typeof r.s3?.object?.size === 'number' ? r.s3.object.size : null,
    });
  }
  return { kind: 'objects', objects };
}

/** Build the message body S3 would send for one created object. */
export function s3EventMessage(ref: S3ObjectRef, eventName = 'ObjectCreated:Put'): string {
  return JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        eventName,
        s3: {
          bucket: { name: ref.bucket },
          object: {
            key: encodeS3EventKey(ref.key),
            ...(ref.size !== null ? { size: ref.size } : {}),
            ...(ref.eTag ? { eTag: ref.eTag } : {}),
            ...(ref.versionId ? { versionId: ref.versionId } : {}),
          },
        },
      },
    ],
  });
}

import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, NoSuchKey, NotFound, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { decodeMetadata, encodeMetadata } from '../core/ingest/metadata-encoding';

export interface ListedObject {
  key: string;
  eTag: string | null;
  size: number;
}

export interface ObjectHead {
  size: number;
  contentType: string | null;
  metadata: Record<string, string>;
  versionId: string | null;
  eTag: string | null;
}

/** Reads raw uploads and keeps large cleaned bodies, in one S3 bucket or another. */
export class S3ObjectStore {
  constructor(private readonly s3: S3Client) {}

  async head(bucket: string, key: string, versionId?: string | null): Promise<ObjectHead | null> {
    try {
      const r = await this.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }));
      return {
        size: r.ContentLength ?? 0,
        contentType: r.ContentType ?? null,
        metadata: decodeMetadata(r.Metadata ?? {}),
        versionId: r.VersionId && r.VersionId !== 'null' ? r.VersionId : null,
        eTag: r.ETag ? r.ETag.replace(/"/g, '') : null,
      };
    } catch (err) {
      if (err instanceof NotFound || err instanceof NoSuchKey || (err as { name?: string }).name === 'NotFound') return null;
      throw err;
    }
  }

  /** Every object under a prefix, page by page (bounded by `maxKeys` in total). */
  async *list(bucket: string, prefix: string, maxKeys = 10_000_000): AsyncGenerator<ListedObject[]> {
    let token: string | undefined;
    let seen = 0;
    do {
      const r = await this.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
      const page = (r.Contents ?? []).map((o) => ({ key: o.Key ?? '', eTag: o.ETag ? o.ETag.replace(/"/g, '') : null, size: o.Size ?? 0 }));
      seen += page.length;
      yield page;
      token = r.IsTruncated ? r.NextContinuationToken : undefined;
    } while (token && seen < maxKeys);
  }

  async getBytes(bucket: string, key: string, versionId?: string | null): Promise<Uint8Array> {
    const r = await this.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }));
    if (!r.Body) return new Uint8Array();
    return r.Body.transformToByteArray();
  }

  async getText(bucket: string, key: string): Promise<string> {
    return new TextDecoder('utf-8').decode(await this.getBytes(bucket, key));
  }

  async putText(bucket: string, key: string, text: string, contentType = 'application/json; charset=utf-8', metadata?: Record<string, string>): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: text, ContentType: contentType, ...(metadata ? { Metadata: encodeMetadata(metadata) } : {}) }),
    );
  }

  /**
   * Writes only when nothing is at `key` yet: keys named by their content (bodies/) need one PUT
   * however often a message is retried. HEAD first (s3rver ignores conditions), then a PUT that
   * S3 refuses if a racing writer got there in between.
   */
  async putTextIfAbsent(bucket: string, key: string, text: string, contentType = 'application/json; charset=utf-8'): Promise<'written' | 'exists'> {
    if (await this.head(bucket, key)) return 'exists';
    try {
      await this.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: text, ContentType: contentType, IfNoneMatch: '*' }));
      return 'written';
    } catch (err) {
      const name = (err as { name?: string }).name;
      if (name === 'PreconditionFailed' || name === 'ConditionalRequestConflict') return 'exists';
      throw err;
    }
  }

  /** Metadata values may be any text: they are RFC 2047-encoded here and decoded by `head`. */
  async putBytes(
    bucket: string,
    key: string,
    bytes: Uint8Array,
    metadata?: Record<string, string>,
  ): Promise<{ versionId: string | null; eTag: string | null }> {
    const r = await this.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ...(metadata ? { Metadata: encodeMetadata(metadata) } : {}) }));
    return { versionId: r.VersionId && r.VersionId !== 'null' ? r.VersionId : null, eTag: r.ETag ? r.ETag.replace(/"/g, '') : null };
  }
}

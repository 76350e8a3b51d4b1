import { notAnUpload, type S3ObjectRef } from '../core/ingest/s3-event';
import { buildRecord, cleanObject, idForSource, outletOf, rejectedResult, UNKNOWN_OUTLET, type SourceMeta } from '../core/ingest/build-record';
import { formatFromKey } from '../core/ingest/source-format';
import { STRUCTURE_THRESHOLDS } from '../core/rules';
import { sameCleanOutput, type RulesConfig } from '../core/ingest/rules-config';
import { templateCandidates, templateLineKey } from '../core/clean';
import type { FingerprintIndexPort, LeftStory } from '../core/dedupe';
import { assignStoryFields, confirmStoryFields, reassignStoryFields, refreshLeftStory } from './story-sync';
import type { ArticleRecord } from '../core/types';
import { RecordRefusedError, type ArticleStore, type PutOutcome } from '../adapters/article-store';
import type { S3ObjectStore } from '../adapters/object-store';
import type { TemplateCounts } from '../adapters/template-counts';
import type { Logger } from './log';
import type { MetricSink } from './metrics';
import type { IngestOutcome } from '../core/ingest/ingest-metrics';

export interface IngestDeps {
  objects: S3ObjectStore;
  /** The only bucket whose raw/ objects are articles. */
  rawBucket: string;
  articles: ArticleStore;
  /** Dedupe index; without it every article is its own story. */
  dedupe: FingerprintIndexPort | null;
  /** Per-outlet template counts; without them only the rule tables remove chrome. */
  templates: TemplateCounts | null;
  /** Rule tables in force and their version (stamped on records; older records get reprocessed). */
  rules: RulesConfig;
  maxObjectBytes: number;
  now: () => Date;
  log: Logger;
  metrics: MetricSink;
}

/**
 * `unchanged`: reprocessed with new rules, same output; only the record's rulesVersion moved.
 * `ignored`: the event named an object that is not an upload (see notAnUpload); no record.
 */
export type { IngestOutcome };

function megabytes(n: number): string {
  return `${(n / 1_048_576).toFixed(1)} MB`;
}

/**
 * Clean with the outlet's template counts: a first pass finds the blocks worth counting; a
 * second pass runs only when one of the kept blocks is a known template line.
 */
async function cleanWithTemplates(bytes: Uint8Array, meta: SourceMeta, id: string, deps: IngestDeps): Promise<ReturnType<typeof cleanObject>> {
  const options = { extraRules: deps.rules.extraRules };
  let cleaned = cleanObject(bytes, meta, options);
  if (!deps.templates || cleaned.result.status !== 'clean' || cleaned.outlet === UNKNOWN_OUTLET) return cleaned;
  const keys = templateCandidates(cleaned.result);
  const counts = await deps.templates.counts(cleaned.outlet, keys, id);
  const kept = [...cleaned.result.headings, ...cleaned.result.paragraphs].map(templateLineKey);
  if (kept.some((k) => (counts[k] ?? 0) >= STRUCTURE_THRESHOLDS.templateMinCount)) {
    cleaned = cleanObject(bytes, meta, { ...options, templateCounts: counts });
  }
  // Counted before the record is written, so a retry after a failed write still counts (idempotently).
  await deps.templates.record(cleaned.outlet, keys, id, counts);
  return cleaned;
}

/** One uploaded object → one stored record. Throws only for infrastructure errors (retried by SQS). */
export async function ingestObject(ref: S3ObjectRef, deps: IngestDeps): Promise<{ outcome: IngestOutcome; id?: string; record?: ArticleRecord }> {
  const foreign = notAnUpload(ref, deps.rawBucket);
  if (foreign) {
    // Not read, not recorded: a record would turn derived output (bodies/) or another bucket's data into articles.
    deps.log.warn('ignored object', { bucket: ref.bucket, key: ref.key, reason: foreign });
    return { outcome: 'ignored' };
  }
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
  if (existing && existing.rulesVersion === deps.rules.version) return { outcome: 'duplicate', id };

  const ingestedAt = existing?.ingestedAt ?? deps.now().toISOString();
  let record: ArticleRecord;
  if (head.size > deps.maxObjectBytes) {
    // Judged from the size alone, so a huge object never enters memory.
    const reason = `The object is ${megabytes(head.size)}, over the ${megabytes(deps.maxObjectBytes)} limit; it was kept but not read.`;
    record = buildRecord(
      meta,
      { format: formatFromKey(meta.key) ?? 'unknown', outlet: outletOf(meta), result: rejectedResult(reason) },
      ingestedAt,
      deps.rules.version,
    );
  } else {
    const bytes = await deps.objects.getBytes(ref.bucket, ref.key, meta.versionId);
    record = buildRecord(meta, await cleanWithTemplates(bytes, meta, id, deps), ingestedAt, deps.rules.version);
  }
  if (existing && sameCleanOutput(existing, record)) {
    // Reprocessed under new rules with the same result: keep the record (and its story), move its version.
    await deps.articles.setRulesVersion(id, deps.rules.version);
    return { outcome: 'unchanged', id };
  }
  let left: LeftStory | null = null;
  if (existing && existing.status === 'clean' && record.status === 'clean' && existing.body === record.body) {
    // Only metadata or the audit trail changed: the story membership stands.
    Object.assign(record, { storyId: existing.storyId, role: existing.role, canonicalId: existing.canonicalId, match: existing.match });
  } else if (existing && deps.dedupe) {
    // Reprocessing changed the body or the status: the old body's story membership must go.
    left = await reassignStoryFields(record, deps.dedupe, deps.articles);
  } else if (record.status === 'clean' && deps.dedupe) {
    await assignStoryFields(record, deps.dedupe, deps.articles);
  }
  let written: PutOutcome;
  try {
    written = await deps.articles.put(record, existing ? 'replace' : 'create');
  } catch (err) {
    if (!(err instanceof RecordRefusedError)) throw err;
    // Retrying cannot change what DynamoDB refused; keep the article as a rejected record instead.
    record = buildRecord(meta, { format: record.format, outlet: record.outlet, result: rejectedResult(err.message) }, ingestedAt, deps.rules.version);
    written = await deps.articles.put(record, existing ? 'replace' : 'create');
  }
  if (written === 'exists') return { outcome: 'duplicate', id };
  if (left && deps.dedupe) await refreshLeftStory(left, deps.dedupe, deps.articles);
  if (record.status === 'clean' && deps.dedupe) await confirmStoryFields(record, deps.dedupe, deps.articles);
  deps.log.info('article stored', {
    id,
    key: ref.key,
    outlet: record.outlet,
    status: record.status,
    reason: record.reason,
    words: record.wordCount,
    storyId: record.storyId,
    role: record.role,
  });
  return { outcome: record.status, id, record };
}

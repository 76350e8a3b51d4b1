import { articleId } from '../core/ingest/article-id';
import { buildRecord, cleanObject, type SourceMeta } from '../core/ingest/build-record';
import { paragraphDiff, sameCleanOutput } from '../core/ingest/rules-config';
import { s3EventMessage } from '../core/ingest/s3-event';
import { PREFIX } from '../core/schema';
import type { ArticleRecord } from '../core/types';
import type { LocalRuntime } from './runtime';
import type { ArticleStore } from '../adapters/article-store';

/**
 * Bring stored records up to the current rules: re-read the raw objects (the bucket keeps
 * them) and push them through the same queue and handler. The handler rewrites a record
 * only if its cleaned output changed; otherwise it just moves the record's rulesVersion.
 */

export interface ReprocessOptions {
  outlet?: string;
  /** Only records stamped with this rules version (default: every record not on the current version). */
  beforeVersion?: string;
  dryRun?: boolean;
  /** How many before/after previews a dry run returns. */
  previews?: number;
}

export interface ReprocessPreview {
  id: string;
  sourceKey: string;
  removed: string[];
  added: string[];
  fields: string[];
}

export interface ReprocessPlan {
  scanned: number;
  selected: { key: string; eTag: string | null; size: number; record: ArticleRecord | null }[];
}

export interface DryRunReport {
  scanned: number;
  selected: number;
  wouldChange: number;
  previews: ReprocessPreview[];
}

export async function planReprocess(rt: LocalRuntime, opts: ReprocessOptions): Promise<ReprocessPlan> {
  const prefix = opts.outlet ? `${PREFIX.raw}${opts.outlet}/` : PREFIX.raw;
  const current = rt.deps.rules.version;
  const selected: ReprocessPlan['selected'] = [];
  let scanned = 0;
  for await (const page of rt.deps.objects.list(rt.names.bucket, prefix)) {
    const records = await Promise.all(page.map((o) => rt.deps.articles.get(articleId(rt.names.bucket, o.key, o.eTag))));
    page.forEach((o, i) => {
      scanned++;
      const rec = records[i];
      const stale = !rec || rec.rulesVersion !== current;
      if (stale && (!opts.beforeVersion || rec?.rulesVersion === opts.beforeVersion)) selected.push({ ...o, record: rec });
    });
  }
  return { scanned, selected };
}

const COMPARED = ['status', 'title', 'standfirst', 'byline', 'published', 'syndication', 'credits', 'headings', 'removed'] as const;

/** Clean each selected object in process and compare with its record; writes nothing. */
export async function dryRunReprocess(rt: LocalRuntime, plan: ReprocessPlan, previews = 3): Promise<DryRunReport> {
  let wouldChange = 0;
  const out: ReprocessPreview[] = [];
  for (const o of plan.selected) {
    if (!o.record) {
      wouldChange++;
      continue;
    }
    const meta: SourceMeta = { bucket: rt.names.bucket, key: o.key, versionId: null, eTag: o.eTag, size: o.size, metadataOutlet: o.record.outlet };
    const bytes = o.size > rt.deps.maxObjectBytes ? new Uint8Array() : await rt.deps.objects.getBytes(rt.names.bucket, o.key);
    const after = buildRecord(meta, cleanObject(bytes, meta, { extraRules: rt.deps.rules.extraRules }), o.record.ingestedAt, rt.deps.rules.version);
    if (o.size > rt.deps.maxObjectBytes || sameCleanOutput(o.record, after)) continue;
    wouldChange++;
    if (out.length < previews) {
      const d = paragraphDiff(o.record.paragraphs, after.paragraphs);
      out.push({ id: o.record.id, sourceKey: o.key, ...d, fields: COMPARED.filter((f) => JSON.stringify(o.record?.[f]) !== JSON.stringify(after[f])) });
    }
  }
  return { scanned: plan.scanned, selected: plan.selected.length, wouldChange, previews: out };
}

/** Queue every selected object as S3 would, then let the handler work through them. */
export async function runReprocess(rt: LocalRuntime, plan: ReprocessPlan): Promise<void> {
  for (const o of plan.selected) {
    rt.queue.send(s3EventMessage({ bucket: rt.names.bucket, key: o.key, versionId: null, eTag: o.eTag, size: o.size }));
  }
  await rt.queue.drain();
}

/** Records per rules version (a full export: the one place that scans). */
export async function rulesVersionStats(articles: ArticleStore): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let cursor: string | null = null;
  for (let i = 0; i < 1_000_000; i++) {
    const page = await articles.scanAll({ cursor, limit: 500 });
    for (const r of page.items) counts[r.rulesVersion] = (counts[r.rulesVersion] ?? 0) + 1;
    cursor = page.cursor;
    if (!cursor) break;
  }
  return counts;
}

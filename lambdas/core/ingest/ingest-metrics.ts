import { NO_TEXT_REASON } from '../clean/clean-article';
import type { ArticleRecord, StoryRole } from '../types';

/**
 * What the ingest function counts, as CloudWatch metric names in one namespace. The value is in
 * the name (ArticlesClean, RoleCopy, RejectedBinary…) rather than in a dimension, so one EMF
 * line per invocation carries every count: EMF dimensions apply to all metrics of a line.
 * lib/constructs/observability.ts graphs the same names.
 */
export const METRICS_NAMESPACE = 'NewsIngest';

/** Powertools service names: the `service` dimension of every metric and a field of every log line. */
export const SERVICES = { ingest: 'ingest', query: 'query' } as const;

/** How a message's object ended: the handler's outcome of ingestObject. */
export type IngestOutcome = 'clean' | 'rejected' | 'duplicate' | 'unchanged' | 'missing' | 'ignored';

export const OUTCOME_METRICS: Record<IngestOutcome, string> = {
  clean: 'ArticlesClean',
  rejected: 'ArticlesRejected',
  duplicate: 'ArticlesDuplicate',
  unchanged: 'ArticlesUnchanged',
  missing: 'ArticlesMissing',
  ignored: 'ArticlesIgnored',
};

export const ROLE_METRICS: Record<StoryRole, string> = { original: 'RoleOriginal', copy: 'RoleCopy', rewrite: 'RoleRewrite' };

export const REMOVED_BLOCKS_METRIC = 'RemovedBlocks';
/** Messages reported back as failed (SQS retries them, then dead-letters). */
export const MESSAGES_FAILED_METRIC = 'MessagesFailed';
/** Messages that are not S3 events and are dropped. */
export const MESSAGES_IGNORED_METRIC = 'MessagesIgnored';

/**
 * Rejection reasons are sentences for people; metrics need a small fixed set. First match wins;
 * a reason no row names counts as RejectedOther, so a new reason shows up without a deploy.
 */
export const REJECTION_CODES: readonly { code: string; pattern: RegExp }[] = [
  { code: 'Empty', pattern: /^The object (is empty|contains only whitespace)\./ },
  { code: 'Binary', pattern: /not a text or HTML page\.$/ },
  { code: 'TooLarge', pattern: /^The object is [\d.]+ MB, over the / },
  { code: 'TooDeep', pattern: /^The page nests its elements/ },
  { code: 'BadEnvelope', pattern: /^The \.json (object|envelope) / },
  { code: 'NoText', pattern: new RegExp(`^${NO_TEXT_REASON.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) },
  { code: 'CleanerFailed', pattern: /^The cleaner failed/ },
  { code: 'Refused', pattern: /^DynamoDB refused the record/ },
];

export function rejectionMetric(reason: string | null): string {
  const code = REJECTION_CODES.find((c) => reason !== null && c.pattern.test(reason))?.code ?? 'Other';
  return `Rejected${code}`;
}

export const REJECTION_METRICS: readonly string[] = [...REJECTION_CODES.map((c) => `Rejected${c.code}`), 'RejectedOther'];

/** The counts one ingested object adds: its outcome and, for a stored record, its role or rejection and removed blocks. */
export function ingestCounts(outcome: IngestOutcome, record: ArticleRecord | undefined): Record<string, number> {
  const counts: Record<string, number> = { [OUTCOME_METRICS[outcome]]: 1 };
  if (!record || (outcome !== 'clean' && outcome !== 'rejected')) return counts;
  if (record.status === 'rejected') counts[rejectionMetric(record.reason)] = 1;
  else counts[ROLE_METRICS[record.role]] = 1;
  counts[REMOVED_BLOCKS_METRIC] = record.removed.length;
  return counts;
}

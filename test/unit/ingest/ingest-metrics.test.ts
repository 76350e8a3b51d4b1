import { NO_TEXT_REASON } from '../../../lambdas/core/clean';
import { cleanObject } from '../../../lambdas/core/ingest/build-record';
import { ingestCounts, rejectionMetric, REJECTION_METRICS } from '../../../lambdas/core/ingest/ingest-metrics';
import type { ArticleRecord } from '../../../lambdas/core/types';

const meta = (key: string, size: number) => ({ bucket: 'b', key, versionId: null, eTag: null, size });
const reasonOf = (key: string, text: string | Uint8Array) => {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return cleanObject(bytes, meta(key, bytes.length)).result.reason;
};

test('the reasons the cleaner really gives map to their codes', () => {
  expect(rejectionMetric(reasonOf('raw/o/a.txt', ''))).toBe('RejectedEmpty');
  expect(rejectionMetric(reasonOf('raw/o/a.txt', '   \n  '))).toBe('RejectedEmpty');
  expect(rejectionMetric(reasonOf('raw/o/a.html', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])))).toBe('RejectedBinary');
  expect(rejectionMetric(reasonOf('raw/o/a.json', '{not json'))).toBe('RejectedBadEnvelope');
  expect(rejectionMetric(reasonOf('raw/o/a.json', '{"outlet":"x"}'))).toBe('RejectedBadEnvelope');
  expect(rejectionMetric(reasonOf('raw/o/a.html', `${'<div>'.repeat(5000)}x`))).toBe('RejectedTooDeep');
  expect(rejectionMetric(NO_TEXT_REASON)).toBe('RejectedNoText');
  expect(rejectionMetric('The object is 21.0 MB, over the 20.0 MB limit; it was kept but not read.')).toBe('RejectedTooLarge');
});

test('an unknown reason is still counted, as Other: the metric set stays fixed', () => {
  expect(rejectionMetric('Something new went wrong.')).toBe('RejectedOther');
  expect(rejectionMetric(null)).toBe('RejectedOther');
  expect(new Set(REJECTION_METRICS).size).toBe(REJECTION_METRICS.length);
});

test('counts per object: outcome, then role or rejection, and removed blocks of stored records only', () => {
  const removed = [{ text: 'Share this', rule: 'share.bar', category: 'share' }];
  const clean = { status: 'clean', role: 'copy', reason: null, removed } as unknown as ArticleRecord;
  const rejected = { status: 'rejected', role: 'original', reason: NO_TEXT_REASON, removed: [] } as unknown as ArticleRecord;
  expect(ingestCounts('clean', clean)).toEqual({ ArticlesClean: 1, RoleCopy: 1, RemovedBlocks: 1 });
  expect(ingestCounts('rejected', rejected)).toEqual({ ArticlesRejected: 1, RejectedNoText: 1, RemovedBlocks: 0 });
  expect(ingestCounts('duplicate', undefined)).toEqual({ ArticlesDuplicate: 1 });
  expect(ingestCounts('missing', undefined)).toEqual({ ArticlesMissing: 1 });
});

import type { ArticleRecord } from '../types';

/** What `/ui/stats` shows, folded from the records one page at a time (the store is scanned once). */

export interface ReviewStats {
  records: number;
  /** Per rules version: clean and rejected records. */
  versions: Map<string, { clean: number; rejected: number }>;
  /** Removed blocks per category, over every record. */
  categories: Map<string, number>;
  /** Rejected records per reason. */
  reasons: Map<string, number>;
  /** The first rejected records, for links. */
  rejected: Pick<ArticleRecord, 'id' | 'outlet' | 'reason' | 'sourceKey'>[];
}

export const MAX_REJECTED_LISTED = 200;

export function emptyStats(): ReviewStats {
  return { records: 0, versions: new Map(), categories: new Map(), reasons: new Map(), rejected: [] };
}

export function addToStats(s: ReviewStats, records: readonly ArticleRecord[]): ReviewStats {
  for (const r of records) {
    s.records++;
    const v = s.versions.get(r.rulesVersion) ?? { clean: 0, rejected: 0 };
    v[r.status]++;
    s.versions.set(r.rulesVersion, v);
    for (const b of r.removed) s.categories.set(b.category, (s.categories.get(b.category) ?? 0) + 1);
    if (r.status === 'rejected') {
      const reason = r.reason ?? '(no reason given)';
      s.reasons.set(reason, (s.reasons.get(reason) ?? 0) + 1);
      if (s.rejected.length < MAX_REJECTED_LISTED) s.rejected.push({ id: r.id, outlet: r.outlet, reason: r.reason, sourceKey: r.sourceKey });
    }
  }
  return s;
}

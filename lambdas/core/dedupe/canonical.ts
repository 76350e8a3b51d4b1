/**
 * The canonical-copy rule as a sortable string, so "the best member" is a plain minimum that
 * any reader of the story item can recompute: wire origin first (an agency's own publication,
 * then a syndicated copy), then earliest published, then most complete body, then id.
 */
import type { Fingerprint } from './types';
import { isWireOutlet } from './wire';

const UNKNOWN_TIME = '~';

export function publishedKey(published: string | null): string {
  if (!published) return UNKNOWN_TIME;
  const t = Date.parse(published);
  return Number.isFinite(t) ? new Date(t).toISOString() : UNKNOWN_TIME;
}

export function canonicalRank(fp: Fingerprint): string {
  const tier = isWireOutlet(fp.outlet) ? 0 : fp.wire ? 1 : 2;
  const length = String(9_999_999 - Math.min(fp.wordCount, 9_999_999)).padStart(7, '0');
  return `${tier}|${publishedKey(fp.published)}|${length}|${fp.articleId}`;
}

/**
 * Age of a story, from its founder (see story-id.ts): earliest
 * published, then story id. The older story survives a merge. Derived from the founder's stored
 * fingerprint only, so it is the same for every writer at any time.
 */
export function storyAge(founder: Fingerprint | null, storyId: string): string {
  // The story id, not the founder's, breaks ties: a revised founder names two stories. A
  // founder that left and is gone (reprocessed into a rejected record) dates its story as
  // unknown, the same for every writer.
  return `${publishedKey(founder?.published ?? null)}|${storyId}`;
}

export function bestRanked(members: Record<string, string>): string {
  let best: string | null = null;
  for (const [id, rank] of Object.entries(members)) {
    if (best === null || rank < members[best]) best = id;
  }
  if (best === null) throw new Error('bestRanked: story has no members');
  return best;
}

/**
 * From index key hits to a short list of candidates worth verifying, and which keys are
 * boilerplate. Rare keys count more than common ones, so outlet chrome and the agency
 * copyright line (keys shared by many articles) cannot crowd out the real copies.
 */
import type { KeyMembers, StoredArticle } from './port';

/** Candidates fetched per article: one BatchGetItem, whatever the corpus size. */
export const MAX_CANDIDATES = 24;
/**
 * Of those, the best-voted ones are verified; a story member nearly always ranks first, the rest
 * find stories to merge. The others still inform boilerplate detection.
 */
export const MAX_VERIFIED = 10;
/** A key whose members belong to this many different stories is boilerplate. */
export const BOILERPLATE_STORIES = 3;

export function rankCandidates(hits: readonly KeyMembers[], self: string, limit = MAX_CANDIDATES): string[] {
  const votes = new Map<string, number>();
  for (const hit of hits) {
    const weight = 1 / Math.max(1, hit.members.length);
    for (const m of hit.members) if (m !== self) votes.set(m, (votes.get(m) ?? 0) + weight);
  }
  return [...votes.entries()]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, limit)
    .map(([id]) => id);
}

/**
 * The story a candidate counts for when judging boilerplate: the one its finished assignment
 * joined. An article still being assigned counts for none: racing copies of one story pass
 * through several stories that are about to be merged, and counting those would make the
 * story's own keys look like boilerplate to the next copy.
 */
export function settledStories(fetched: readonly StoredArticle[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of fetched) if (a.assignment) out.set(a.fingerprint.articleId, a.assignment.storyId);
  return out;
}

/** Keys whose known members span BOILERPLATE_STORIES or more stories (`storyOf`: article id → story). */
export function boilerplateKeys(hits: readonly KeyMembers[], storyOf: ReadonlyMap<string, string>): Set<string> {
  const out = new Set<string>();
  for (const hit of hits) {
    const stories = new Set<string>();
    for (const m of hit.members) {
      const s = storyOf.get(m);
      if (s) stories.add(s);
    }
    if (stories.size >= BOILERPLATE_STORIES) out.add(hit.key);
  }
  return out;
}

/**
 * Story assignment: fingerprint → atomic key membership (finds earlier articles, race-safe) →
 * verify the best candidates → join the story of the best verified match, merging stories a
 * verified match proves to be one. The port is injected; nothing here touches AWS or a clock.
 *
 * Port calls per article are bounded by constants (keys per article, one batch read of
 * candidates, a few story reads/writes), never by corpus size.
 */
import type { DedupeMatch, StoryRole } from '../types';
import { bestRanked, canonicalRank, storyAge } from './canonical';
import { boilerplateKeys, MAX_VERIFIED, rankCandidates } from './candidates';
import { buildFingerprint, indexKeys } from './fingerprint';
import type { FingerprintIndexPort, StoredArticle, StoryState } from './port';
import type { Assignment, DedupeDoc, Fingerprint, Verdict, Verification } from './types';
import { foundedStoryId, founderOf } from './story-id';
import { verifyPair } from './verify';
import { isWireOutlet } from './wire';

/** Aligned sentences a rewrite verdict needs before it may merge two stories. */
const MERGE_MIN_ALIGNED = 5;

/** Merge chains are short (a merge points at the older root); this only guards against bugs. */
const MAX_CHAIN = 16;

interface Verified {
  candidate: StoredArticle;
  result: Verification;
}

export async function assignStory(doc: DedupeDoc, port: FingerprintIndexPort): Promise<Assignment> {
  const fp = buildFingerprint(doc);
  const known = await port.putArticle(fp);
  // Redelivery: the first run finished, so its answer stands (membership is not re-added).
  if (known?.assignment) return known.assignment;

  const hits = await port.addToKeys(indexKeys(fp), fp.articleId);
  const ranked = rankCandidates(hits, fp.articleId);
  const candidates = await port.getArticles(ranked);
  const boilerplate = boilerplateKeys(hits, candidates);
  const order = new Map(ranked.map((id, i) => [id, i]));
  const toVerify = [...candidates].sort((x, y) => (order.get(x.fingerprint.articleId) ?? 0) - (order.get(y.fingerprint.articleId) ?? 0)).slice(0, MAX_VERIFIED);
  const verified: Verified[] = [];
  const isBoilerplateKey = (k: string): boolean => boilerplate.has(k);
  const verifiedStories = new Set<string>();
  for (const candidate of toVerify) {
    // One verified member per story is enough to join or merge it; candidates arrive best first.
    if (candidate.storyId && verifiedStories.has(candidate.storyId)) continue;
    const result = verifyPair(fp, candidate.fingerprint, { isBoilerplateKey });
    if (result.verdict === 'different') continue;
    verified.push({ candidate, result });
    if (candidate.storyId) verifiedStories.add(candidate.storyId);
  }
  verified.sort(byStrength);

  const rank = canonicalRank(fp);
  // The story to join: that of the best verified match with a story, else a new one founded at
  // the best match (or at this article when nothing verified).
  const founding = verified[0]?.candidate.fingerprint ?? fp;
  const target = verified.find((v) => v.candidate.storyId)?.candidate.storyId ?? foundedStoryId(founding);
  const joined = new Set<string>([target]);
  for (const v of verified) {
    const id = v.candidate.fingerprint.articleId;
    // Rewrite evidence (aligned sentences) is enough to join a story, not to fold another whole
    // story into it: stories of one template (official engagements, market reports) would chain.
    if (v.candidate.storyId && v.candidate.storyId !== target && !mergeWorthy(v.result)) continue;
    // A verified match still being assigned by a racing writer is placed in the target story
    // now (set-once), so it cannot found a story of its own when it never sees this article.
    joined.add(v.candidate.storyId ?? (await port.claimStory(id, target)));
  }
  joined.add(await port.claimStory(fp.articleId, target));
  const founders = new Map<string, Fingerprint>([[fp.articleId, fp], ...candidates.map((c) => [c.fingerprint.articleId, c.fingerprint] as const)]);
  const { story, merged } = await unite([...joined], port, founders);
  const final = await joinRoot(story.storyId, { [fp.articleId]: rank }, port);

  const canonicalId = bestRanked(final.members);
  const best = verified[0] ?? null;
  const match: DedupeMatch | null = best
    ? { articleId: best.candidate.fingerprint.articleId, verdict: asMatchVerdict(best.result), scores: best.result.scores, reason: best.result.reason }
    : null;
  const verdicts = new Map(verified.map((v) => [v.candidate.fingerprint.articleId, v.result.verdict]));
  const references = candidates
    .filter((c) => c.fingerprint.articleId in final.members)
    .map((c) => c.fingerprint)
    .sort((x, y) => (final.members[x.articleId] < final.members[y.articleId] ? -1 : 1));
  const assignment: Assignment = {
    storyId: final.storyId,
    role: roleOf(fp, canonicalId, references, match, (ref) => verdicts.get(ref.articleId) ?? verifyPair(fp, ref, { isBoilerplateKey }).verdict),
    canonicalId,
    match,
    mergedStoryIds: merged,
  };
  await port.saveAssignment(fp.articleId, assignment);
  return assignment;
}

/** Evidence that may fold another story into this one: a copy, or a rewrite aligned over several sentences. */
function mergeWorthy(v: Verification): boolean {
  return v.verdict === 'copy' || (v.scores.aligned ?? 0) >= MERGE_MIN_ALIGNED;
}

function byStrength(x: Verified, y: Verified): number {
  const strength = (v: Verified): number => (v.result.verdict === 'copy' ? 2 : 1) + (v.result.scores.containment ?? 0) + (v.result.scores.coverage ?? 0);
  return strength(y) - strength(x) || (x.candidate.fingerprint.articleId < y.candidate.fingerprint.articleId ? -1 : 1);
}

function asMatchVerdict(v: Verification): 'copy' | 'rewrite' {
  return v.verdict === 'copy' ? 'copy' : 'rewrite';
}

/** Members a role is judged against: the canonical and the next best-ranked ones. */
export const ROLE_REFERENCES = 8;

/**
 * Role within the story: the canonical copy and an agency's own publications are originals;
 * any other member is a copy or rewrite of the best-ranked member it verifies against
 * (`references`, canonical first), else of its own best match at assignment time.
 */
export function roleOf(
  fp: Fingerprint,
  canonicalId: string,
  references: readonly Fingerprint[],
  match: DedupeMatch | null,
  verdictOf: (ref: Fingerprint) => Verdict = (ref) => verifyPair(fp, ref).verdict,
): StoryRole {
  if (fp.articleId === canonicalId || isWireOutlet(fp.outlet)) return 'original';
  for (const ref of references.slice(0, ROLE_REFERENCES)) {
    if (ref.articleId === fp.articleId) continue;
    const v = verdictOf(ref);
    if (v !== 'different') return v;
  }
  return match ? match.verdict : 'copy';
}

/** Follows merge pointers to the live story. */
export async function resolveStory(storyId: string, port: FingerprintIndexPort): Promise<StoryState> {
  let id = storyId;
  for (let i = 0; i < MAX_CHAIN; i++) {
    const [s] = await port.getStories([id]);
    if (!s) return { storyId: id, members: {}, mergedInto: null, mergedFrom: [] };
    if (!s.mergedInto) return s;
    id = s.mergedInto;
  }
  throw new Error(`resolveStory: merge chain from ${storyId} too long`);
}

/**
 * Folds all given stories into the oldest live one. Each step points a younger root at an
 * older one with a set-once write, so racing merges converge instead of forming cycles.
 */
async function unite(storyIds: string[], port: FingerprintIndexPort, founders: Map<string, Fingerprint>): Promise<{ story: StoryState; merged: string[] }> {
  const merged: string[] = [];
  for (let round = 0; round < MAX_CHAIN; round++) {
    const roots = await resolveStories(storyIds, port);
    // Ages come from the founders' stored fingerprints, which change only when reprocessing
    // revises a founder, so every writer orders stories alike and merge pointers cannot form a cycle.
    const unknown = roots.map((r) => founderOf(r.storyId)).filter((id) => !founders.has(id));
    if (roots.length > 1 && unknown.length) for (const a of await port.getArticles(unknown)) founders.set(a.fingerprint.articleId, a.fingerprint);
    const age = (st: StoryState): string => storyAge(founders.get(founderOf(st.storyId)) ?? null, st.storyId);
    const ordered = roots.length > 1 ? roots.sort((a, b) => (age(a) < age(b) ? -1 : 1)) : roots;
    const [oldest, ...younger] = ordered;
    if (younger.length === 0) return { story: oldest, merged };
    for (const y of younger) {
      const into = await port.mergeStory(y.storyId, oldest.storyId);
      if (into === oldest.storyId) {
        await joinRoot(oldest.storyId, y.members, port);
        merged.push(y.storyId);
      }
    }
    storyIds = ordered.map((s) => s.storyId);
  }
  throw new Error('unite: stories kept moving');
}

/** Live roots of several stories, one batch read per merge hop. */
async function resolveStories(storyIds: readonly string[], port: FingerprintIndexPort): Promise<StoryState[]> {
  const roots = new Map<string, StoryState>();
  let pending = [...new Set(storyIds)];
  for (let hop = 0; pending.length && hop < MAX_CHAIN; hop++) {
    const found = new Map((await port.getStories(pending)).map((s) => [s.storyId, s]));
    const next: string[] = [];
    for (const id of pending) {
      const s = found.get(id) ?? { storyId: id, members: {}, mergedInto: null, mergedFrom: [] };
      if (s.mergedInto) next.push(s.mergedInto);
      else roots.set(id, s);
    }
    pending = [...new Set(next)].filter((id) => !roots.has(id));
  }
  if (pending.length) throw new Error(`resolveStories: merge chains from ${pending.join(', ')} too long`);
  return [...roots.values()];
}

/** Adds members to a story, following it if a racing writer merged it meanwhile. */
async function joinRoot(storyId: string, members: Record<string, string>, port: FingerprintIndexPort): Promise<StoryState> {
  let id = storyId;
  for (let i = 0; i < MAX_CHAIN; i++) {
    const s = await port.joinStory(id, members);
    if (!s.mergedInto) return s;
    id = (await resolveStory(s.mergedInto, port)).storyId;
  }
  throw new Error(`joinRoot: merge chain from ${storyId} too long`);
}

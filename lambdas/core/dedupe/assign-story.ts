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
import { boilerplateKeys, MAX_VERIFIED, rankCandidates, settledStories } from './candidates';
import { buildFingerprint, indexKeys } from './fingerprint';
import type { FingerprintIndexPort, KeyMembers, StoredArticle, StoryState } from './port';
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
  const boilerplate = await findBoilerplate(hits, candidates, port);
  const order = new Map(ranked.map((id, i) => [id, i]));
  const byRank = [...candidates].sort((x, y) => (order.get(x.fingerprint.articleId) ?? 0) - (order.get(y.fingerprint.articleId) ?? 0));
  const verified: Verified[] = [];
  const isBoilerplateKey = (k: string): boolean => boilerplate.has(k);
  const verifiedStories = new Set<string>();
  let verifications = 0;
  for (const candidate of byRank) {
    if (verifications >= MAX_VERIFIED) break;
    // One verified member per story is enough to join or merge it, so the others cost no
    // verification: the budget goes to stories not yet reached (candidates arrive best first).
    if (candidate.storyId && verifiedStories.has(candidate.storyId)) continue;
    verifications++;
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

/**
 * Boilerplate keys, judged on settled stories. A story built by merges keeps its members'
 * first story ids, so when a key seems to span several stories, those are followed to their
 * live roots (one batch read per merge hop) before it is called boilerplate.
 */
async function findBoilerplate(hits: readonly KeyMembers[], candidates: readonly StoredArticle[], port: FingerprintIndexPort): Promise<Set<string>> {
  const storyOf = settledStories(candidates);
  const suspect = boilerplateKeys(hits, storyOf);
  if (suspect.size === 0) return suspect;
  const roots = await rootsOf([...storyOf.values()], port);
  return boilerplateKeys(hits, new Map([...storyOf].map(([article, story]) => [article, roots.get(story)?.storyId ?? story])));
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
  return [...new Map([...(await rootsOf(storyIds, port)).values()].map((s) => [s.storyId, s])).values()];
}

/** Each story id → its live root, one batch read per merge hop. */
async function rootsOf(storyIds: readonly string[], port: FingerprintIndexPort): Promise<Map<string, StoryState>> {
  const rootOf = new Map<string, StoryState>();
  // Each pending id with the ids that led to it.
  let pending = new Map([...new Set(storyIds)].map((id) => [id, [id]]));
  for (let hop = 0; pending.size && hop < MAX_CHAIN; hop++) {
    const found = new Map((await port.getStories([...pending.keys()])).map((s) => [s.storyId, s]));
    const next = new Map<string, string[]>();
    for (const [id, from] of pending) {
      const s = found.get(id) ?? { storyId: id, members: {}, mergedInto: null, mergedFrom: [] };
      if (s.mergedInto) next.set(s.mergedInto, [...(next.get(s.mergedInto) ?? []), ...from]);
      else for (const origin of from) rootOf.set(origin, s);
    }
    // A pointer to a story already read as a root needs no second read.
    for (const [id, from] of next) {
      const root = rootOf.get(id);
      if (root?.storyId !== id) continue;
      for (const origin of from) rootOf.set(origin, root);
      next.delete(id);
    }
    pending = next;
  }
  if (pending.size) throw new Error(`resolveStories: merge chains from ${[...pending.keys()].join(', ')} too long`);
  return rootOf;
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

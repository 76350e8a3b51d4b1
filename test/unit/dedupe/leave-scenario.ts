/**
 * Reprocessing moves articles between stories: one scenario, run against every index port
 * (in memory here, DynamoDB Local in fingerprint-index-dynamodb.test.ts).
 */
import { assignStory, buildFingerprint, indexKeys, leaveStory, storyView, type DedupeDoc, type FingerprintIndexPort } from '../../../lambdas/core/dedupe';
import { loadSeedClusters, loadSeedDocs, seededRandom, syntheticArticle } from './helpers';

const membersOf = async (storyId: string, port: FingerprintIndexPort): Promise<string[]> =>
  (await storyView(storyId, port)).members.map((m) => m.articleId).sort();

/** `prefix` keeps ids apart when several scenarios share one table. */
export async function leaveScenario(port: FingerprintIndexPort, prefix: string): Promise<void> {
  const clusters = loadSeedClusters();
  const [[s000, s001]] = clusters.same_story;
  const [reworded] = Object.keys(clusters.reworded_copy_of);
  const [distinctA, distinctB] = clusters.distinct_stories;
  const seeds = new Map(loadSeedDocs().map((d) => [d.id, { ...d, id: `${prefix}${d.id}` }]));
  const doc = (seedId: string): DedupeDoc => seeds.get(seedId)!;
  const id = (seedId: string): string => doc(seedId).id;
  const revise = (seedId: string, from: Pick<DedupeDoc, 'title' | 'body'>): DedupeDoc => ({
    ...doc(seedId),
    title: from.title,
    body: from.body,
    revised: true,
  });

  const founded = new Map<string, string>();
  for (const s of [s000, s001, reworded, distinctA, distinctB]) founded.set(s, (await assignStory(doc(s), port)).storyId);
  const wireStory = founded.get(s000)!;
  expect(await membersOf(wireStory, port)).toEqual([id(s000), id(s001), id(reworded)].sort());

  // The rewrite's body becomes a copy of a distinct story: it leaves the wire story and joins that one.
  const left = await leaveStory(id(reworded), port);
  expect(left).toEqual({ storyId: wireStory, remaining: 2 });
  // Its old keys no longer name it, so later arrivals never pick it as a candidate for its old body.
  const probe = await port.addToKeys(indexKeys(buildFingerprint(doc(reworded))), `${prefix}probe`);
  expect(probe.flatMap((k) => k.members)).not.toContain(id(reworded));
  // Leaving again is harmless.
  expect(await leaveStory(id(reworded), port)).toEqual({ storyId: null, remaining: 0 });
  const moved = await assignStory(revise(reworded, doc(distinctA)), port);
  expect(moved.storyId).toBe(founded.get(distinctA));
  expect(moved.match?.verdict).toBe('copy');
  expect(moved.role).toBe(moved.canonicalId === id(reworded) ? 'original' : 'copy');
  expect(await membersOf(wireStory, port)).toEqual([id(s000), id(s001)].sort());
  expect(await membersOf(moved.storyId, port)).toEqual([id(distinctA), id(reworded)].sort());

  // The founder of the wire story becomes something else: the story keeps its id and its other
  // member, and the founder's new story gets an id of its own.
  const other = syntheticArticle('unused', seededRandom(7), { paragraphs: 5 });
  expect(await leaveStory(id(s000), port)).toEqual({ storyId: wireStory, remaining: 1 });
  const refounded = await assignStory(revise(s000, other), port);
  expect(refounded.storyId).not.toBe(wireStory);
  expect(refounded.match).toBeNull();
  expect(await membersOf(refounded.storyId, port)).toEqual([id(s000)]);
  const rest = await storyView(wireStory, port);
  expect(rest.members.map((m) => m.articleId)).toEqual([id(s001)]);
  expect(rest.canonicalId).toBe(id(s001));
  // A late copy of the founder's old text joins the story that lived on.
  const late = await assignStory({ ...seeds.get(s000)!, id: `${prefix}late-copy`, outlet: 'Late Outlet' }, port);
  expect(late.storyId).toBe(wireStory);

  // A story whose only member leaves is gone: nothing lists it any more.
  expect(await leaveStory(id(distinctB), port)).toEqual({ storyId: founded.get(distinctB), remaining: 0 });
  await expect(storyView(founded.get(distinctB)!, port)).rejects.toThrow(/no members/);
  const joined = await assignStory(revise(distinctB, doc(s001)), port);
  expect(joined.storyId).toBe(wireStory);
  expect(await membersOf(wireStory, port)).toEqual([id(s001), `${prefix}late-copy`, id(distinctB)].sort());
}

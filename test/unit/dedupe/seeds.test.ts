/**
 * The five seed articles (one event, three stories) give the same stories, canonical copy and
 * roles whatever order they arrive in.
 */
import { assignStory, InMemoryFingerprintIndex, storyView, type DedupeDoc, type StoryView } from '../../../lambdas/core/dedupe';
import { loadSeedClusters, loadSeedDocs, permutations } from './helpers';

interface Outcome {
  /** Story member sets, each sorted, the list sorted. */
  partition: string[][];
  canonical: Record<string, string>;
  roles: Record<string, string>;
  mergedBy: Record<string, string[]>;
}

async function run(order: DedupeDoc[]): Promise<Outcome> {
  const port = new InMemoryFingerprintIndex();
  const storyOf: Record<string, string> = {};
  const mergedBy: Record<string, string[]> = {};
  for (const doc of order) {
    const a = await assignStory(doc, port);
    storyOf[doc.id] = a.storyId;
    mergedBy[doc.id] = a.mergedStoryIds;
  }
  const views = new Map<string, StoryView>();
  for (const doc of order) {
    const v = await storyView(storyOf[doc.id], port);
    views.set(v.storyId, v);
  }
  const canonical: Record<string, string> = {};
  const roles: Record<string, string> = {};
  for (const v of views.values()) {
    expect(v.members.map((m) => m.articleId)).toContain(v.storyId);
    for (const m of v.members) {
      canonical[m.articleId] = v.canonicalId;
      roles[m.articleId] = m.role;
    }
  }
  const partition = [...views.values()].map((v) => v.members.map((m) => m.articleId).sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return { partition, canonical, roles, mergedBy };
}

describe('seed stories', () => {
  const docs = loadSeedDocs();
  const clusters = loadSeedClusters();
  const [[a000, a001]] = clusters.same_story;
  const [reworded] = Object.keys(clusters.reworded_copy_of);
  const orders = permutations(docs);

  it('has the five seeds and 120 orders', () => {
    expect(docs).toHaveLength(5);
    expect(orders).toHaveLength(120);
  });

  it('groups copies and the rewrite, keeps distinct stories apart, in every order', async () => {
    const first = await run(orders[0]);
    const apStory = [a000, a001, reworded].sort();
    expect(first.partition).toEqual([apStory, ...clusters.distinct_stories.map((id) => [id])].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    expect(first.roles[reworded]).toBe('rewrite');
    // The AP-syndicated copy is the wire origin, so it is canonical.
    const wire = docs.find((d) => d.syndication.length > 0 && apStory.includes(d.id));
    expect(first.canonical[a000]).toBe(wire?.id);
    for (const id of clusters.distinct_stories) expect(first.roles[id]).toBe('original');

    for (const order of orders.slice(1)) {
      const outcome = await run(order);
      expect({ partition: outcome.partition, canonical: outcome.canonical, roles: outcome.roles }).toEqual({
        partition: first.partition,
        canonical: first.canonical,
        roles: first.roles,
      });
    }
  });

  it('records a merge when a late copy proves two stories are one', async () => {
    // 001 and the reworded 004 do not verify against each other; 000 matches both.
    const byId = new Map(docs.map((d) => [d.id, d]));
    const order = [a001, reworded, a000].map((id) => byId.get(id)!);
    const port = new InMemoryFingerprintIndex();
    const first = await assignStory(order[0], port);
    const second = await assignStory(order[1], port);
    expect(second.storyId).not.toBe(first.storyId);
    const third = await assignStory(order[2], port);
    expect(third.mergedStoryIds).toHaveLength(1);
    const view = await storyView(second.storyId, port);
    expect(view.members.map((m) => m.articleId).sort()).toEqual([a000, a001, reworded].sort());
    expect(view.mergedStoryIds).toEqual(third.mergedStoryIds);
    expect(view.storyId).toBe(third.storyId);
  });
});

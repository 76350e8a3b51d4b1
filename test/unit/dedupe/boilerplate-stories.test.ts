/**
 * Boilerplate is judged on settled stories. Copies of one story can sit in several story ids
 * for a while: racing writers each found one before they merge, and a story built by merges
 * keeps its members' first ids. Neither may make the story's own sentences look like chrome
 * shared across stories, or the next copy would not be grouped with them.
 * (Chrome that really spans stories is boilerplate.test.ts's case.)
 */
import {
  assignStory,
  buildFingerprint,
  canonicalRank,
  indexKeys,
  InMemoryFingerprintIndex,
  resolveStory,
  type Assignment,
  type DedupeDoc,
} from '../../../lambdas/core/dedupe';
import { copiesOf, seededRandom, syntheticArticle } from './helpers';

/** One full article and three copies with the tail paragraph trimmed, each in its own story id. */
function scenario(seed: number): { full: DedupeDoc; trimmed: DedupeDoc[] } {
  const base = syntheticArticle(`bp-${seed}`, seededRandom(seed), { paragraphs: 2 });
  // copiesOf trims the tail of copies 1–3 and keeps copy 0 whole.
  const [full, ...trimmed] = copiesOf(base, 4, `bp-${seed}`);
  return { full, trimmed };
}

/** What a writer has done when it is paused after claiming a story and joining it, before it finishes. */
async function startAssignment(doc: DedupeDoc, storyId: string, port: InMemoryFingerprintIndex): Promise<void> {
  const fp = buildFingerprint(doc);
  await port.putArticle(fp);
  await port.addToKeys(indexKeys(fp), fp.articleId);
  await port.claimStory(fp.articleId, storyId);
  await port.joinStory(storyId, { [fp.articleId]: canonicalRank(fp) });
}

describe('boilerplate judged on settled stories', () => {
  it('groups a copy with copies that racing writers are still assigning in three stories', async () => {
    const { full, trimmed } = scenario(21);
    const port = new InMemoryFingerprintIndex();
    for (const doc of trimmed) await startAssignment(doc, doc.id, port);
    const a = await assignStory(full, port);
    expect(a.match?.verdict).toBe('copy');
    const roots = new Set(await Promise.all([a.storyId, ...trimmed.map((d) => d.id)].map(async (id) => (await resolveStory(id, port)).storyId)));
    expect(roots.size).toBe(1);
  });

  it('groups a copy with a finished story that was built from three merged ones', async () => {
    const { full, trimmed } = scenario(22);
    const port = new InMemoryFingerprintIndex();
    const [first] = trimmed;
    for (const doc of trimmed) {
      await startAssignment(doc, doc.id, port);
      if (doc !== first) await port.mergeStory(doc.id, first.id);
    }
    for (const doc of trimmed) {
      // Each finished with the story id it had when it ended: the merges came later.
      const done: Assignment = { storyId: doc.id, role: 'copy', canonicalId: doc.id, match: null, mergedStoryIds: [] };
      await port.saveAssignment(doc.id, done);
    }
    const a = await assignStory(full, port);
    expect(a.match?.verdict).toBe('copy');
    expect((await resolveStory(a.storyId, port)).storyId).toBe(first.id);
  });
});

/**
 * Concurrency and redelivery with the in-memory index: its operations yield between steps, so
 * concurrent assignments interleave their index calls the way separate Lambda invocations do.
 */
import { assignStory, InMemoryFingerprintIndex, resolveStory, storyView } from '../../../lambdas/core/dedupe';
import { copiesOf, loadSeedDocs, randomYield, seededRandom, syntheticArticle } from './helpers';

describe('concurrent assignment', () => {
  const base = loadSeedDocs()[1];

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`puts 16 concurrent copies into one story (interleaving ${seed})`, async () => {
      const port = new InMemoryFingerprintIndex({ yieldPoint: randomYield(seededRandom(seed)) });
      const docs = copiesOf(base, 16, `race${seed}`);
      const results = await Promise.all(docs.map((d) => assignStory(d, port)));
      const roots = new Set(await Promise.all(results.map(async (r) => (await resolveStory(r.storyId, port)).storyId)));
      expect(roots.size).toBe(1);
      const view = await storyView([...roots][0], port);
      expect(view.members.map((m) => m.articleId).sort()).toEqual(docs.map((d) => d.id).sort());
      expect(view.members.filter((m) => m.role === 'original')).toHaveLength(1);
    });
  }

  it('converges under many interleavings of several racing stories (no merge cycles)', async () => {
    for (let seed = 10; seed < 40; seed++) {
      const port = new InMemoryFingerprintIndex({ yieldPoint: randomYield(seededRandom(seed)) });
      const stories = [0, 1, 2].map((k) =>
        copiesOf(syntheticArticle(`s${seed}-${k}`, seededRandom(seed * 10 + k), { hour: k, paragraphs: 2 }), 16, `mix${seed}-${k}`),
      );
      const results = await Promise.all(stories.flat().map((d) => assignStory(d, port)));
      const roots = await Promise.all(results.map(async (r) => (await resolveStory(r.storyId, port)).storyId));
      for (let k = 0; k < 3; k++) expect(new Set(roots.slice(k * 16, k * 16 + 16)).size).toBe(1);
      expect(new Set(roots).size).toBe(3);
    }
  });

  it('treats a redelivered article as already assigned', async () => {
    const port = new InMemoryFingerprintIndex();
    const [a, b] = copiesOf(base, 2, 'redeliver');
    await assignStory(a, port);
    const first = await assignStory(b, port);
    const again = await assignStory(b, port);
    expect(again).toEqual(first);
    const view = await storyView(first.storyId, port);
    expect(view.members.map((m) => m.articleId).sort()).toEqual([a.id, b.id]);
  });

  it('uses a bounded number of index calls per article', async () => {
    const port = new InMemoryFingerprintIndex();
    const docs = [...copiesOf(base, 30, 'calls'), ...loadSeedDocs()];
    for (const d of docs) {
      const before = Object.values(port.calls).reduce((x, y) => x + y, 0);
      await assignStory(d, port);
      const used = Object.values(port.calls).reduce((x, y) => x + y, 0) - before;
      expect(used).toBeLessThanOrEqual(60);
    }
  });
});

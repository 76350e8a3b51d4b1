import { assignStory, InMemoryFingerprintIndex, leaveStory, storyView } from '../../../lambdas/core/dedupe';
import { loadSeedClusters, loadSeedDocs } from './helpers';
import { leaveScenario } from './leave-scenario';

describe('an article whose body changed leaves its story', () => {
  it('moves between stories, keeps the stories it left, and lets emptied stories go', async () => {
    await leaveScenario(new InMemoryFingerprintIndex(), '');
  });

  it('still merges stories whose founder left and is gone', async () => {
    // 001 and the reworded 004 do not verify against each other; 000 matches both.
    const clusters = loadSeedClusters();
    const [[s000, s001]] = clusters.same_story;
    const [reworded] = Object.keys(clusters.reworded_copy_of);
    const docs = new Map(loadSeedDocs().map((d) => [d.id, d]));
    const port = new InMemoryFingerprintIndex();
    const founded = await assignStory(docs.get(s001)!, port);
    await assignStory({ ...docs.get(s001)!, id: 'copy-of-001', outlet: 'Copy Outlet' }, port);
    const other = await assignStory(docs.get(reworded)!, port);
    expect(other.storyId).not.toBe(founded.storyId);
    // The founder is reprocessed into a rejected record: it leaves and is not assigned again.
    expect(await leaveStory(s001, port)).toEqual({ storyId: founded.storyId, remaining: 1 });
    const late = await assignStory(docs.get(s000)!, port);
    expect(late.mergedStoryIds).toHaveLength(1);
    const view = await storyView(late.storyId, port);
    expect(view.members.map((m) => m.articleId).sort()).toEqual(['copy-of-001', s000, reworded].sort());
  });
});

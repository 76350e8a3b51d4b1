import { createClients, LOCAL_CREDENTIALS, type AwsClients } from '../../lambdas/adapters/clients';
import { DynamoFingerprintIndex } from '../../lambdas/adapters/fingerprint-index';
import { ensureTable } from '../../lambdas/adapters/provision';
import { assignStory, buildFingerprint, indexKeys, InMemoryFingerprintIndex, KEY_MEMBER_CAP, storyView } from '../../lambdas/core/dedupe';
import { FINGERPRINT_TABLE } from '../../lambdas/core/schema';
import { startDynalite, type RunningServer } from '../../lambdas/local/servers';
import { generateArticle } from '../support/generate';

/** dynalite (the local default) does not return the old item on a failed condition; the adapter must still find it. */
describe('DynamoFingerprintIndex on dynalite', () => {
  let server: RunningServer;
  let clients: AwsClients;

  beforeAll(async () => {
    server = await startDynalite(null);
    clients = createClients({ dynamoEndpoint: server.endpoint, credentials: LOCAL_CREDENTIALS });
    await ensureTable(clients.dynamo, FINGERPRINT_TABLE, 'fingerprints');
  });

  afterAll(async () => {
    clients?.dynamo.destroy();
    await server?.stop();
  });

  it('putArticle returns the stored article when the id is already known', async () => {
    const index = new DynamoFingerprintIndex(clients.dynamo, 'fingerprints');
    const a = generateArticle(7);
    const fp = buildFingerprint({ id: 'a_1', outlet: 'o', title: a.title, body: a.paragraphs.join('\n\n'), published: null, syndication: [] });
    expect(await index.putArticle(fp)).toBeNull();
    const again = await index.putArticle(fp);
    expect(again?.fingerprint.articleId).toBe('a_1');
    expect(again?.fingerprint.bodyHash).toBe(fp.bodyHash);
  });

  it('reads articles and stories strongly consistent, as a racing writer needs to see what another just wrote', async () => {
    const reads: { ConsistentRead?: boolean }[] = [];
    const recorded = {
      send: (command: { constructor: { name: string }; input: { RequestItems?: Record<string, { ConsistentRead?: boolean }> } }) => {
        if (command.constructor.name === 'BatchGetItemCommand') reads.push(...Object.values(command.input.RequestItems ?? {}));
        return clients.dynamo.send(command as never);
      },
    } as unknown as AwsClients['dynamo'];
    const index = new DynamoFingerprintIndex(recorded, 'fingerprints');
    const a = generateArticle(8);
    await assignStory({ id: 'consistent-1', outlet: 'o', title: a.title, body: a.paragraphs.join('\n\n'), published: null, syndication: [] }, index);
    await assignStory({ id: 'consistent-2', outlet: 'p', title: a.title, body: a.paragraphs.join('\n\n'), published: null, syndication: [] }, index);
    await storyView('consistent-1', index);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.filter((r) => r.ConsistentRead !== true)).toEqual([]);
  });

  it('adds to keys one UpdateItem each, since dynalite has no PartiQL batches (asked once per container)', async () => {
    const commands: string[] = [];
    const counted = {
      send: (command: { constructor: { name: string } }) => (commands.push(command.constructor.name), clients.dynamo.send(command as never)),
    } as unknown as AwsClients['dynamo'];
    const index = new DynamoFingerprintIndex(counted, 'fingerprints');
    const keys = ['sent#fallback-1', 'sent#fallback-2', 'sent#fallback-3'];
    expect((await index.addToKeys(keys, 'f_1')).map((k) => k.members)).toEqual([[], [], []]);
    expect(commands).toEqual(['BatchExecuteStatementCommand', ...Array(3).fill('UpdateItemCommand')]);
    commands.length = 0;
    expect((await index.addToKeys(keys, 'f_2')).map((k) => k.members)).toEqual([['f_1'], ['f_1'], ['f_1']]);
    expect(commands).toEqual(Array(3).fill('UpdateItemCommand'));
  });

  it('reads a full key once, then answers for it from memory until a member leaves', async () => {
    let calls = 0;
    const counted = { send: (command: unknown) => (calls++, clients.dynamo.send(command as never)) } as unknown as AwsClients['dynamo'];
    const index = new DynamoFingerprintIndex(counted, 'fingerprints');
    const ids = Array.from({ length: KEY_MEMBER_CAP }, (_, i) => `m_${String(i).padStart(2, '0')}`);
    for (const id of ids) await index.addToKeys(['sent#full-key'], id);
    calls = 0;
    const first = await index.addToKeys(['sent#full-key'], 'late_1');
    expect(first[0]).toEqual({ key: 'sent#full-key', members: ids, saturated: true });
    // The failed update, then the read dynalite needs (it returns no item with the failure).
    expect(calls).toBe(2);
    calls = 0;
    expect(await index.addToKeys(['sent#full-key'], 'late_2')).toEqual([{ key: 'sent#full-key', members: ids, saturated: true }]);
    expect(await index.addToKeys(['sent#full-key'], ids[3])).toEqual([{ key: 'sent#full-key', members: ids.filter((m) => m !== ids[3]), saturated: false }]);
    expect(calls).toBe(0);
    // Another container (a fresh index) sees the same set.
    const other = await new DynamoFingerprintIndex(clients.dynamo, 'fingerprints').addToKeys(['sent#full-key'], 'late_3');
    expect(other[0].members).toEqual(ids);
    // A member leaving frees a place: the next article is added for real.
    await index.removeFromKeys(['sent#full-key'], ids[0]);
    calls = 0;
    const after = await index.addToKeys(['sent#full-key'], 'late_4');
    expect(after[0]).toEqual({ key: 'sent#full-key', members: ids.slice(1), saturated: false });
    expect(calls).toBe(1);
  });

  it('bulk-loads an in-memory index so that the real path finds its stories, merging key sets with the table', async () => {
    await ensureTable(clients.dynamo, FINGERPRINT_TABLE, 'bulk');
    const table = new DynamoFingerprintIndex(clients.dynamo, 'bulk');
    const doc = (n: number, id = `bulk_${n}`) => {
      const a = generateArticle(n);
      return { id, outlet: `o${n % 3}`, title: a.title, body: a.paragraphs.join('\n\n'), published: null, syndication: [] };
    };
    // An article assigned for real first: the load must keep it in the key sets it shares.
    const early = await assignStory(doc(40, 'early_40'), table);
    const memory = new InMemoryFingerprintIndex();
    const assigned = [];
    for (let n = 0; n < 30; n++) assigned.push(await assignStory(doc(n), memory));
    await assignStory(doc(40, 'copy_40_mem'), memory);
    const snapshot = memory.snapshot();
    expect(snapshot.articles).toHaveLength(31);
    await table.bulkLoad(snapshot);

    // Batch reads come back in any order.
    const stored = new Map((await table.getArticles(['bulk_0', 'bulk_29'])).map((a) => [a.fingerprint.articleId, a.assignment]));
    expect(stored).toEqual(
      new Map([
        ['bulk_0', assigned[0]],
        ['bulk_29', assigned[29]],
      ]),
    );
    // A copy arriving through the adapter joins the loaded story of its original.
    const copy = await assignStory(doc(7, 'copy_7'), table);
    expect(copy.storyId).toBe(assigned[7].storyId);
    expect(copy.match?.articleId).toBe('bulk_7');
    expect((await storyView(copy.storyId, table)).members.map((m) => m.articleId).sort()).toEqual(['bulk_7', 'copy_7']);
    // The key sets hold the real-path member and the loaded one.
    const keys = indexKeys(buildFingerprint(doc(40)));
    const members = await new DynamoFingerprintIndex(clients.dynamo, 'bulk').addToKeys(keys, 'probe');
    for (const k of members) expect(k.members).toEqual(expect.arrayContaining(['early_40', 'copy_40_mem']));
    expect(early.storyId).toBe('early_40');

    // A second step adds a copy to a story loaded before: the story keeps the real-path member too.
    const again = await assignStory(doc(7, 'bulk_7_again'), memory);
    expect(again.storyId).toBe(assigned[7].storyId);
    const story = memory.snapshot().stories.find((st) => st.storyId === again.storyId)!;
    await table.bulkLoad({ articles: memory.snapshot().articles.filter((a) => a.fingerprint.articleId === 'bulk_7_again'), keys: [], stories: [story] });
    expect((await storyView(again.storyId, table)).members.map((m) => m.articleId).sort()).toEqual(['bulk_7', 'bulk_7_again', 'copy_7']);
  });
});

/**
 * The DynamoDB adapter against DynamoDB Local (in memory, loopback): the same assignment
 * protocol as the in-memory index, with real conditional and atomic updates and real races.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoFingerprintIndex } from '../../lambdas/adapters/fingerprint-index';
import { ensureTable } from '../../lambdas/adapters/provision';
import { LOCAL_CREDENTIALS } from '../../lambdas/adapters/clients';
import { startDynamoDbLocal, type RunningServer } from '../../lambdas/local/servers';
import { assignStory, buildFingerprint, KEY_MEMBER_CAP, resolveStory, storyView } from '../../lambdas/core/dedupe';
import { FINGERPRINT_TABLE } from '../../lambdas/core/schema';
import { copiesOf, loadSeedDocs, seededRandom, syntheticArticle } from '../unit/dedupe/helpers';
import { leaveScenario } from '../unit/dedupe/leave-scenario';

const TABLE = 'dedupe-test-fingerprints';

describe('DynamoFingerprintIndex on DynamoDB Local', () => {
  let server: RunningServer;
  let dynamo: DynamoDBClient;
  let index: DynamoFingerprintIndex;
  const seeds = loadSeedDocs();

  beforeAll(async () => {
    server = await startDynamoDbLocal(null);
    dynamo = new DynamoDBClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
    await ensureTable(dynamo, FINGERPRINT_TABLE, TABLE);
    index = new DynamoFingerprintIndex(dynamo, TABLE);
  }, 120_000);

  afterAll(async () => {
    dynamo?.destroy();
    await server?.stop();
  });

  it('stores and reads back a fingerprint unchanged, and reports a known article', async () => {
    const fp = buildFingerprint({ ...seeds[0], id: 'roundtrip' });
    expect(await index.putArticle(fp)).toBeNull();
    const [stored] = await index.getArticles(['roundtrip', 'missing']);
    expect(stored.fingerprint).toEqual(fp);
    expect(stored.storyId).toBeNull();
    const again = await index.putArticle(fp);
    expect(again?.fingerprint).toEqual(fp);
  });

  it('keeps the language of a non-English fingerprint', async () => {
    const fp = buildFingerprint({ ...seeds[0], id: 'arabic', body: 'قال الوزير إن الحكومة ستعقد اجتماعا في العاصمة من أجل بحث الميزانية.' });
    expect(fp.lang).toBe('ar');
    await index.putArticle(fp);
    const [stored] = await index.getArticles(['arabic']);
    expect(stored.fingerprint).toEqual(fp);
  });

  it('returns earlier members of a key and stops growing it at the cap', async () => {
    const ids = Array.from({ length: KEY_MEMBER_CAP + 2 }, (_, i) => `cap-${String(i).padStart(3, '0')}`);
    const results = [];
    for (const id of ids) results.push((await index.addToKeys(['sent#cap-test'], id))[0]);
    expect(results[0]).toEqual({ key: 'sent#cap-test', members: [], saturated: false });
    expect(results[1].members).toEqual([ids[0]]);
    expect(results[KEY_MEMBER_CAP].saturated).toBe(true);
    expect(results[KEY_MEMBER_CAP].members).toHaveLength(KEY_MEMBER_CAP);
    // Re-adding a member of a full set is a no-op, not a failure.
    const again = (await index.addToKeys(['sent#cap-test'], ids[0]))[0];
    expect(again.saturated).toBe(false);
    expect(again.members).toHaveLength(KEY_MEMBER_CAP - 1);
  });

  it('adds an article to all its keys in one PartiQL batch, and new keys in a second', async () => {
    const commands: string[] = [];
    const counted = {
      send: (command: { constructor: { name: string } }) => (commands.push(command.constructor.name), dynamo.send(command as never)),
    } as unknown as DynamoDBClient;
    const batched = new DynamoFingerprintIndex(counted, TABLE);
    const keys = Array.from({ length: 30 }, (_, i) => `sent#batch-${i}`);
    // 30 new keys: an UPDATE batch of 25 and one of 5 find no items, then two INSERT batches.
    expect(await batched.addToKeys(keys, 'first')).toEqual(keys.map((key) => ({ key, members: [], saturated: false })));
    expect(commands).toEqual(Array(4).fill('BatchExecuteStatementCommand'));
    commands.length = 0;
    expect(await batched.addToKeys(keys, 'second')).toEqual(keys.map((key) => ({ key, members: ['first'], saturated: false })));
    expect(commands).toEqual(Array(2).fill('BatchExecuteStatementCommand'));
    // Redelivery: the sets hold the article already; nothing new comes back.
    expect((await batched.addToKeys(keys.slice(0, 2), 'second')).map((k) => k.members)).toEqual([['first'], ['first']]);
  });

  it('lets the later of racing writers see the earlier on every key, through batches', async () => {
    const keys = Array.from({ length: 12 }, (_, i) => `band#race-${i}`);
    const writers = Array.from({ length: 8 }, (_, i) => `w${i}`);
    const results = await Promise.all(writers.map((w) => new DynamoFingerprintIndex(dynamo, TABLE).addToKeys(keys, w)));
    for (let k = 0; k < keys.length; k++) {
      // Each key's updates apply one after another: the i-th writer on it saw exactly i earlier ones.
      const seen = results.map((r) => r[k].members.length).sort((a, b) => a - b);
      expect(seen).toEqual(writers.map((_, i) => i));
    }
  });

  it('claims a story once', async () => {
    await index.putArticle(buildFingerprint({ ...seeds[1], id: 'claim' }));
    expect(await index.claimStory('claim', 'story-a')).toBe('story-a');
    expect(await index.claimStory('claim', 'story-b')).toBe('story-a');
  });

  it('assigns the seeds like the in-memory index does', async () => {
    const ids = seeds.map((d) => `dyn-${d.id}`);
    const results = [];
    for (const [i, d] of seeds.entries()) results.push(await assignStory({ ...d, id: ids[i] }, index));
    const views = await Promise.all(results.map((r) => storyView(r.storyId, index)));
    const sizes = new Map(views.map((v) => [v.storyId, v.members.length]));
    expect([...sizes.values()].sort()).toEqual([1, 1, 3]);
    const again = await assignStory({ ...seeds[0], id: ids[0] }, index);
    expect(again).toEqual(results[0]);
  });

  it('lets a revised article leave its story like the in-memory index does', async () => {
    // A table of its own: the seeds assigned by other cases here would be candidates too.
    await ensureTable(dynamo, FINGERPRINT_TABLE, `${TABLE}-leave`);
    await leaveScenario(new DynamoFingerprintIndex(dynamo, `${TABLE}-leave`), 'leave-');
  });

  it('puts 16 concurrently assigned copies into one story, 20 times over', async () => {
    const round = async (r: number): Promise<void> => {
      // A new story each round, so every round races to found it. Short, to keep the number of
      // DynamoDB Local calls (and the test's run time) down.
      const base = syntheticArticle(`dyn-race-${r}`, seededRandom(100 + r), { hour: r, paragraphs: 2 });
      const docs = copiesOf(base, 16, `dyn-race-${r}`);
      const results = await Promise.all(docs.map((d) => assignStory(d, index)));
      const roots = new Set(await Promise.all(results.map(async (x) => (await resolveStory(x.storyId, index)).storyId)));
      expect(roots.size).toBe(1);
      const view = await storyView([...roots][0], index);
      expect(view.members.map((m) => m.articleId).sort()).toEqual(docs.map((d) => d.id).sort());
    };
    // Rounds run four at a time (independent stories): more interleaving, less wall time.
    for (let r = 0; r < 20; r += 4) await Promise.all([r, r + 1, r + 2, r + 3].map(round));
  }, 300_000);
});

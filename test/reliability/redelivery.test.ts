import { startLocalRuntime, type LocalRuntime } from '../../lambdas/local/runtime';
import { mapLimit } from '../../lambdas/local/ingest-files';
import { s3EventMessage } from '../../lambdas/core/ingest/s3-event';
import type { IngestOutcome } from '../../lambdas/handlers/ingest-object';
import type { ArticleRecord } from '../../lambdas/core/types';
import { allRecords, countCommands, report, rng, shuffle, syntheticArticles, upload, waitForDepth, type CommandCall } from './support';

const ARTICLES = 500;
/** Articles whose two deliveries sit side by side in one batch, so the handler runs them at once. */
const SIDE_BY_SIDE = 60;

/**
 * At-least-once delivery: every S3 event of a 500-article ingest arrives twice, shuffled,
 * with concurrent handlers and some copies handled at the same moment. Exactly one record
 * per article; a redelivery changes nothing already stored.
 */
describe('redelivered S3 events', () => {
  const articles = syntheticArticles(ARTICLES, 7);
  const outcomes: Record<IngestOutcome, number> = { clean: 0, rejected: 0, duplicate: 0, unchanged: 0, missing: 0, ignored: 0 };
  const calls: CommandCall[] = [];
  let rt: LocalRuntime;
  let summary = '';

  beforeAll(async () => {
    rt = await startLocalRuntime({
      dataDir: null,
      dynamo: 'dynamodb-local',
      // One receive: a delivery that fails would dead-letter instead of being quietly retried.
      queue: { visibilityTimeoutMs: 120_000, maxReceiveCount: 1, batchSize: 10, concurrency: 4 },
      observer: { onOutcome: (o) => outcomes[o]++ },
      wrapClients: countCommands(calls),
    });
  }, 120_000);

  afterAll(async () => {
    await rt?.stop();
    if (summary) report(summary);
  });

  it('stores exactly one unchanging record per article when every event arrives twice', async () => {
    const uploaded = await mapLimit(articles, 8, (a) => upload(rt, a.key, a.body));
    // The uploads' own notifications are dropped: this test delivers every event itself, twice.
    await waitForDepth(rt, ARTICLES);
    expect(rt.queue.purge()).toBe(ARTICLES);

    const bodies = articles.map((a, i) =>
      s3EventMessage({ bucket: rt.names.bucket, key: a.key, versionId: null, eTag: uploaded[i].eTag, size: uploaded[i].size }),
    );
    const random = rng(99);
    const pairs = new Set(shuffle([...bodies.keys()], random).slice(0, SIDE_BY_SIDE));
    // Units of delivery: a side-by-side pair is one unit (both copies in the same batch); other copies travel alone.
    const units = bodies.flatMap((b, i) => (pairs.has(i) ? [[b, b]] : [[b], [b]]));
    const deliveries = shuffle(units, random).flat();
    expect(deliveries).toHaveLength(2 * ARTICLES);
    const half = deliveries.length / 2;
    const first = deliveries.slice(0, half);
    const second = deliveries.slice(half);

    for (const body of first) rt.queue.send(body);
    await rt.queue.drain(240_000);
    const snapshot = new Map((await allRecords(rt)).map((r) => [r.id, r]));

    for (const body of second) rt.queue.send(body);
    await rt.queue.drain(240_000);
    const records = await allRecords(rt);

    expect(rt.queue.deadLetters.list()).toEqual([]);
    expect(records).toHaveLength(ARTICLES);
    const byKey = new Map<string, ArticleRecord[]>();
    for (const r of records) byKey.set(r.sourceKey, [...(byKey.get(r.sourceKey) ?? []), r]);
    expect(articles.filter((a) => byKey.get(a.key)?.length !== 1).map((a) => a.key)).toEqual([]);
    for (const [i, a] of articles.entries()) {
      const r = (byKey.get(a.key) as ArticleRecord[])[0];
      expect(r.id).toBe(uploaded[i].id);
      expect(r.status).toBe('clean');
      expect(r.outlet).toBe(a.outlet);
      expect(r.body).toContain(a.paragraphs[0].slice(0, 50));
    }

    // Every record stored before the second half of the deliveries is exactly as it was.
    expect(snapshot.size).toBeGreaterThan(ARTICLES / 2);
    const changed = records.filter((r) => snapshot.has(r.id) && JSON.stringify(snapshot.get(r.id)) !== JSON.stringify(r));
    expect(changed.map((r) => r.sourceKey)).toEqual([]);

    // Every delivery was handled: one stored each article, the other found it stored (or lost the race to store it).
    expect(outcomes.clean).toBe(ARTICLES);
    expect(outcomes.duplicate).toBe(ARTICLES);
    // Some copies really ran at once: both passed the "already stored?" read, and the conditional write stopped the second.
    const races = calls.filter(
      (c) => c.command === 'PutItemCommand' && c.table === rt.names.articlesTable && c.error === 'ConditionalCheckFailedException',
    ).length;
    expect(races).toBeGreaterThan(0);

    // Story membership counted once: each story's member records are distinct articles, and together all 500.
    const storyIds = [...new Set(records.map((r) => r.storyId))];
    let members = 0;
    for (const s of storyIds) members += await rt.deps.articles.countStory(s);
    expect(members).toBe(ARTICLES);

    summary = `redelivery: ${deliveries.length} events, ${records.length} records (${storyIds.length} stories, ${members} members; ${races} racing copies stopped by the conditional write, ${snapshot.size} records unchanged by their redelivery)`;
  }, 600_000);
});

import { startLocalRuntime, type LocalRuntime } from '../../lambdas/local/runtime';
import { createFaultInjector, type FaultInjector } from '../../lambdas/local/fault-injection';
import { redrive } from '../../lambdas/local/redrive';
import { parseS3Message } from '../../lambdas/core/ingest/s3-event';
import { allRecords, report, syntheticArticles, upload, waitForDepth } from './support';

const ARTICLES = 80;
/** Per attempt; with the SDK's three attempts and two receives per message, a few messages dead-letter. */
const FAULT_RATE = 0.25;

/**
 * S3 and DynamoDB fail a share of attempts (throttling, 500s, timeouts, lost responses) while
 * the queue delivers: every article ends stored or dead-lettered, and a redrive with the
 * faults gone stores the rest, each exactly once.
 */
describe('fault injection and redrive', () => {
  const articles = syntheticArticles(ARTICLES, 20240611);
  const injector: FaultInjector = createFaultInjector({ rate: FAULT_RATE, seed: 42 });
  const ids = new Map<string, string>();
  let rt: LocalRuntime;
  let summary = '';

  beforeAll(async () => {
    injector.enabled = false;
    rt = await startLocalRuntime({
      dataDir: null,
      dynamo: 'dynamodb-local',
      // The handler's error lines for the injected faults are expected; keep the output readable.
      logLevel: 'silent',
      queue: { visibilityTimeoutMs: 1500, maxReceiveCount: 2, batchSize: 5, concurrency: 4 },
      wrapClients: (c) => injector.wrap(c),
    });
  }, 60_000);

  afterAll(async () => {
    await rt?.stop();
    if (summary) report(summary);
  });

  it('loses nothing: every article is stored or dead-lettered, and a redrive stores the rest exactly once', async () => {
    for (const a of articles) ids.set(a.key, (await upload(rt, a.key, a.body)).id);
    await waitForDepth(rt, ARTICLES);

    injector.enabled = true;
    await rt.queue.drain(150_000);
    injector.enabled = false;

    const dead = rt.queue.deadLetters.list();
    const deadKeys = new Set(
      dead.flatMap((m) => {
        const parsed = parseS3Message(m.body);
        return parsed.kind === 'objects' ? parsed.objects.map((o) => o.key) : [];
      }),
    );
    const storedAfterFaults = await allRecords(rt);
    const storedKeys = new Set(storedAfterFaults.map((r) => r.sourceKey));
    const lostBeforeRedrive = articles.filter((a) => !storedKeys.has(a.key) && !deadKeys.has(a.key));

    // The faults were real: attempts failed in every way, and some messages ran out of receives.
    expect(injector.stats.injected).toBeGreaterThan(0);
    expect(injector.stats.byKind.throttle).toBeGreaterThan(0);
    expect(injector.stats.byKind['server-error']).toBeGreaterThan(0);
    expect(injector.stats.byKind.timeout).toBeGreaterThan(0);
    expect(injector.stats.afterResponse).toBeGreaterThan(0);
    expect(dead.length).toBeGreaterThan(0);
    expect(lostBeforeRedrive.map((a) => a.key)).toEqual([]);
    // Each dead letter is one distinct message.
    expect(new Set(dead.map((m) => m.messageId)).size).toBe(dead.length);
    // Nothing is stored twice even under faults.
    expect(storedAfterFaults.length).toBe(storedKeys.size);

    const { redriven } = await redrive(rt);
    expect(redriven).toBe(dead.length);
    expect(rt.queue.deadLetters.list()).toEqual([]);

    const records = await allRecords(rt);
    const byKey = new Map<string, number>();
    for (const r of records) byKey.set(r.sourceKey, (byKey.get(r.sourceKey) ?? 0) + 1);
    const lost = articles.filter((a) => byKey.get(a.key) !== 1);
    expect(lost.map((a) => a.key)).toEqual([]);
    expect(records).toHaveLength(ARTICLES);
    for (const a of articles) {
      const r = records.find((x) => x.id === ids.get(a.key));
      expect(r?.status).toBe('clean');
      expect(r?.body).toContain(a.paragraphs[3].slice(0, 60));
    }

    const s = injector.stats;
    summary =
      `faults: ${Math.round(FAULT_RATE * 100)}% injected, 0 lost after redrive ` +
      `(${s.injected} of ${s.attempts} S3/DynamoDB attempts failed: ${s.byKind.throttle} throttled, ${s.byKind['server-error']} 500s, ` +
      `${s.byKind.timeout} timeouts, ${s.afterResponse} after the write; ${dead.length} of ${ARTICLES} messages dead-lettered, ${redriven} redriven)`;
    summary = lost.length === 0 ? summary : summary.replace('0 lost', `${lost.length} lost`);
  }, 240_000);
});

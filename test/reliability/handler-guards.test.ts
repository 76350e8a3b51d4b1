import { PutObjectCommand } from '@aws-sdk/client-s3';
import { s3EventMessage } from '../../lambdas/core/ingest/s3-event';
import type { IngestOutcome } from '../../lambdas/handlers/ingest-object';
import { createLogger } from '../../lambdas/handlers/log';
import { createIngestHandler } from '../../lambdas/handlers/ingest-handler';
import { startLocalRuntime, type LocalRuntime } from '../../lambdas/local/runtime';
import { allRecords, countCommands, syntheticArticles, upload, waitForDepth, type CommandCall } from './support';

const TEXT = `Harbour board approves new breakwater

The harbour board voted on Thursday to build a new breakwater at the mouth of the port, three months after winter storms tore a forty-metre gap in the old wall.

Engineers told the board the new structure would be built from rock armour rather than concrete, and that work could begin in the spring if the funding is confirmed.

Fishermen who use the harbour said the damage had already cost them a season, and asked the board to keep one berth open while the work goes on.
`;

/**
 * Messages the handler must not simply work through: crafted ones naming objects that are not
 * uploads, and a batch arriving when the invocation's time is nearly gone.
 */
describe('ingest handler guards', () => {
  let rt: LocalRuntime;
  const calls: CommandCall[] = [];
  const logged: Record<string, unknown>[] = [];
  const outcomes: IngestOutcome[] = [];

  beforeAll(async () => {
    rt = await startLocalRuntime({
      dataDir: null,
      dynamo: 'dynalite',
      queue: { visibilityTimeoutMs: 60_000, maxReceiveCount: 1 },
      wrapClients: countCommands(calls),
      log: createLogger('warn', (line) => logged.push(JSON.parse(line) as Record<string, unknown>)),
      observer: { onOutcome: (o) => outcomes.push(o) },
    });
  }, 60_000);

  afterAll(async () => {
    await rt?.stop();
  });

  it('ignores objects outside raw/ or outside the raw bucket, with a logged reason, and still ingests raw/', async () => {
    const { id } = await upload(rt, 'raw/coast-times/breakwater.txt', TEXT);
    // Written beside the uploads, as offloaded bodies are; no notification fires for them.
    for (const key of ['bodies/a_0123456789abcdef0123/0123456789abcdef.json', 'notes/breakwater.txt']) {
      await rt.clients.s3.send(new PutObjectCommand({ Bucket: rt.names.bucket, Key: key, Body: TEXT }));
    }
    await rt.queue.drain(60_000);
    const crafted = [
      { bucket: rt.names.bucket, key: 'bodies/a_0123456789abcdef0123/0123456789abcdef.json' },
      { bucket: rt.names.bucket, key: 'notes/breakwater.txt' },
      { bucket: 'someone-elses-bucket', key: 'raw/coast-times/breakwater.txt' },
    ];
    for (const c of crafted) rt.queue.send(s3EventMessage({ ...c, versionId: null, eTag: null, size: null }));
    await rt.queue.drain(60_000);

    const records = await allRecords(rt);
    expect(records.map((r) => r.id)).toEqual([id]);
    expect(rt.queue.deadLetters.list()).toEqual([]);
    expect(outcomes.filter((o) => o === 'ignored')).toHaveLength(crafted.length);
    // Never even read: the check comes before any S3 call.
    for (const c of crafted) {
      expect(calls.filter((x) => x.service === 's3' && x.command !== 'PutObjectCommand' && x.key === c.key && c.bucket === rt.names.bucket)).toEqual([]);
    }
    const ignored = logged.filter((l) => l.msg === 'ignored object');
    expect(ignored.map((l) => l.key).sort()).toEqual(crafted.map((c) => c.key).sort());
    expect(ignored.every((l) => typeof l.reason === 'string' && /raw/.test(l.reason as string))).toBe(true);
  });

  it('starts no message when the time left is under the reserve, and reports the unstarted ones as failures', async () => {
    const articles = syntheticArticles(10, 41, ['time-budget']);
    const uploaded: Awaited<ReturnType<typeof upload>>[] = [];
    for (const a of articles) uploaded.push(await upload(rt, a.key, a.body));
    // The uploads' own notifications are dropped: this test invokes the handler itself.
    await waitForDepth(rt, articles.length);
    rt.queue.purge();
    const before = new Set((await allRecords(rt)).map((r) => r.id));

    // Plenty of time when the invocation starts and for the next three checks (three workers start a message each), then 1 s left.
    let checks = 0;
    const context = { getRemainingTimeInMillis: () => (++checks <= 4 ? 60_000 : 1_000) };
    const handler = createIngestHandler(rt.deps, {}, { timeReserveMs: 15_000 });
    const Records = articles.map((a, i) => ({
      messageId: `m${i}`,
      body: s3EventMessage({ bucket: rt.names.bucket, key: a.key, versionId: null, eTag: uploaded[i].eTag, size: uploaded[i].size }),
    }));
    const res = await handler({ Records }, context);

    const stored = (await allRecords(rt)).filter((r) => !before.has(r.id));
    expect(stored).toHaveLength(3);
    expect(res.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['m3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9']);
    expect(stored.map((r) => r.id).sort()).toEqual(
      uploaded
        .slice(0, 3)
        .map((u) => u.id)
        .sort(),
    );
    expect(logged.some((l) => l.msg === 'time running out, messages left for a retry' && l.messages === 7)).toBe(true);

    // With time to spare, the same handler works through every message.
    const again = await handler({ Records }, { getRemainingTimeInMillis: () => 60_000 });
    expect(again.batchItemFailures).toEqual([]);
    expect((await allRecords(rt)).filter((r) => !before.has(r.id))).toHaveLength(10);
  }, 120_000);

  it('still works through a batch when the whole invocation is shorter than the reserve', async () => {
    const articles = syntheticArticles(2, 43, ['short-timeout']);
    const uploaded: Awaited<ReturnType<typeof upload>>[] = [];
    for (const a of articles) uploaded.push(await upload(rt, a.key, a.body));
    await waitForDepth(rt, articles.length);
    rt.queue.purge();
    // A 10 s function timeout: a 15 s reserve must not leave every message unstarted forever.
    const started = Date.now();
    const context = { getRemainingTimeInMillis: () => 10_000 - (Date.now() - started) };
    const Records = articles.map((a, i) => ({
      messageId: `s${i}`,
      body: s3EventMessage({ bucket: rt.names.bucket, key: a.key, versionId: null, eTag: uploaded[i].eTag, size: uploaded[i].size }),
    }));
    const res = await createIngestHandler(rt.deps, {}, { timeReserveMs: 15_000 })({ Records }, context);
    expect(res.batchItemFailures).toEqual([]);
  }, 60_000);
});

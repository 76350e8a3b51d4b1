import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { s3EventMessage } from '../../lambdas/core/ingest/s3-event';
import { MemoryMetrics } from '../../lambdas/handlers/metrics';
import { startLocalRuntime, type LocalRuntime } from '../../lambdas/local/runtime';
import { upload } from '../reliability/support';

const SEEDS = path.join(__dirname, '..', 'fixtures', 'seeds');

/** The counts the handler publishes (EMF in Lambda), read from the same handler run locally. */
describe('ingest metrics from the real handler', () => {
  const metrics = new MemoryMetrics();
  const stdout: string[] = [];
  let rt: LocalRuntime;

  beforeAll(async () => {
    rt = await startLocalRuntime({ dataDir: null, dynamo: 'dynalite', metrics });
  }, 120_000);
  afterAll(async () => {
    await rt?.stop();
  });

  test('outcomes, roles, rejection reasons and removed blocks add up; nothing reaches stdout', async () => {
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout.push(String(chunk));
      return true;
    });
    try {
      // One at a time, the wire copy first: roles are counted when an article is assigned, and an
      // article handled alone (or beside its racing copy) is its story's original at that moment.
      for (const outlet of ['us-wire-reprints', 'irish-daily']) {
        for (const file of readdirSync(path.join(SEEDS, outlet))) await upload(rt, `raw/${outlet}/${file}`, readFileSync(path.join(SEEDS, outlet, file)));
        await rt.queue.drain(120_000);
      }
      await upload(rt, 'raw/empty-news/blank.txt', '');
      await rt.queue.drain(120_000);
      // A redelivery of one upload is a duplicate; a message that is no S3 event is ignored.
      const first = await rt.deps.articles.get((await rt.deps.articles.byOutlet('irish-daily')).items[0].id);
      rt.queue.send(s3EventMessage({ bucket: rt.names.bucket, key: first!.sourceKey, versionId: null, eTag: null, size: null }));
      rt.queue.send('not json');
      await rt.queue.drain(120_000);
    } finally {
      spy.mockRestore();
    }

    const t = metrics.totals;
    expect(t).toMatchObject({ ArticlesClean: 2, ArticlesRejected: 1, RejectedEmpty: 1, ArticlesDuplicate: 1, MessagesIgnored: 1 });
    expect((t.RoleOriginal ?? 0) + (t.RoleCopy ?? 0) + (t.RoleRewrite ?? 0)).toBe(2);
    // The two seeds are one story: the wire copy is its original, the newspaper's derives from it.
    expect(t.RoleOriginal).toBe(1);
    expect((t.RoleCopy ?? 0) + (t.RoleRewrite ?? 0)).toBe(1);
    expect(t.RemovedBlocks).toBeGreaterThan(0);
    expect(t.MessagesFailed).toBeUndefined();
    expect(stdout.join('')).toBe('');
  }, 240_000);
});

import { PutObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { join } from 'node:path';
import { startLocalRuntime, type LocalRuntime } from '../../lambdas/local/runtime';
import { collectFiles } from '../../lambdas/local/files';
import { uploadAndProcess } from '../../lambdas/local/ingest-files';
import { s3EventMessage } from '../../lambdas/core/ingest/s3-event';
import { articleId } from '../../lambdas/core/ingest/article-id';
import type { ArticleRecord } from '../../lambdas/core/types';
import { REPO_ROOT, SEED_FIXTURES, norm, seedExpectations } from '../support/shared';

/** The real ingest handler, fed by S3 events from s3rver through the local queue, storing into DynamoDB Local. */
describe('pipeline on the embedded runtime (s3rver + DynamoDB Local)', () => {
  let rt: LocalRuntime;

  beforeAll(async () => {
    rt = await startLocalRuntime({ dataDir: null, dynamo: 'dynamodb-local', maxObjectBytes: 2 * 1024 * 1024 });
  }, 120_000);

  afterAll(async () => {
    await rt?.stop();
  });

  async function put(key: string, body: string | Uint8Array): Promise<string> {
    const res = await rt.clients.s3.send(new PutObjectCommand({ Bucket: rt.names.bucket, Key: key, Body: body }));
    return articleId(rt.names.bucket, key, (res.ETag ?? '').replace(/"/g, ''));
  }

  async function allRecords(): Promise<ArticleRecord[]> {
    const out: ArticleRecord[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 100; i++) {
      const page = await rt.deps.articles.scanAll({ cursor });
      out.push(...page.items);
      cursor = page.cursor;
      if (!cursor) break;
    }
    return out;
  }

  it('turns the five seed dumps into clean records with their story text', async () => {
    const files = collectFiles([SEED_FIXTURES]);
    expect(files).toHaveLength(5);
    const ids = await uploadAndProcess(rt, files);
    const records = await Promise.all(ids.map((id) => rt.deps.articles.get(id)));
    for (const gold of seedExpectations()) {
      const rec = records.find((r) => r?.sourceKey.includes(gold.stem));
      expect(rec).toBeDefined();
      const r = rec as ArticleRecord;
      expect(r.status).toBe('clean');
      expect(norm(r.title).toLowerCase()).toBe(norm(gold.title).toLowerCase());
      const paras = r.paragraphs.map(norm);
      expect(paras).toContain(norm(gold.paragraphs[0]));
      expect(paras).toContain(norm(gold.paragraphs[gold.paragraphs.length - 1]));
      expect(r.outlet).toBe(r.sourceKey.split('/')[1]);
      expect(r.body).toBe(r.paragraphs.join('\n\n'));
    }
  });

  it('cleans hand-written HTML pages: story kept, chrome and scripts gone', async () => {
    const files = collectFiles([join(REPO_ROOT, 'test', 'fixtures', 'html')]);
    const ids = await uploadAndProcess(rt, files);
    const [ferry, library] = await Promise.all(ids.map((id) => rt.deps.articles.get(id)));
    expect(ferry?.status).toBe('clean');
    expect(ferry?.outlet).toBe('harbour-gazette');
    expect(ferry?.title).toBe('Island ferry timetable cut after fuel costs double');
    expect(ferry?.paragraphs[0]).toMatch(/^The operator of the only ferry link to Inishmore/);
    expect(ferry?.paragraphs[ferry.paragraphs.length - 1]).toMatch(/push more families to leave\.$/);
    expect(ferry?.body).not.toMatch(/newsletter|Share this article|cookies|Most read/i);
    expect((globalThis as Record<string, unknown>).__tracked).toBeUndefined();

    expect(library?.status).toBe('clean');
    expect(library?.title).toBe('City library reopens after three-year restoration');
    expect(library?.paragraphs[0]).toMatch(/^The Carnegie library on Market Street reopened/);
    expect(library?.paragraphs[library.paragraphs.length - 1]).toMatch(/that kind of place again\."$/);
    expect(library?.headings).toContain('A ceiling nobody remembered');
  });

  it('keeps an empty upload as a rejected record, and the raw object stays', async () => {
    const id = await put('raw/empty-outlet/nothing.html', '');
    await rt.queue.drain();
    const rec = await rt.deps.articles.get(id);
    expect(rec).toMatchObject({ status: 'rejected', outlet: 'empty-outlet', sourceKey: 'raw/empty-outlet/nothing.html' });
    expect(rec?.reason).toMatch(/empty/i);
    const head = await rt.clients.s3.send(new HeadObjectCommand({ Bucket: rt.names.bucket, Key: 'raw/empty-outlet/nothing.html' }));
    expect(head.ContentLength).toBe(0);
  });

  it('rejects an object over the size limit from its size alone', async () => {
    const big = 'x'.repeat(2 * 1024 * 1024 + 10);
    const id = await put('raw/big/huge.txt', big);
    await rt.queue.drain();
    const rec = await rt.deps.articles.get(id);
    expect(rec?.status).toBe('rejected');
    expect(rec?.reason).toMatch(/over the 2\.0 MB limit/);
  });

  it('decodes keys with spaces, plus signs and unicode', async () => {
    const key = 'raw/the outlet/Café + crème 100%.txt';
    const id = await put(
      key,
      'A headline about cafés\n\nThe first paragraph of the story is long enough to be prose, with several clauses, and it ends here.\n\nThe second paragraph continues the story with more detail about the café and its owners, who opened it in 1999.\n',
    );
    await rt.queue.drain();
    const rec = await rt.deps.articles.get(id);
    expect(rec?.sourceKey).toBe(key);
    expect(rec?.outlet).toBe('the outlet');
  });

  it('gives one record when the same event is delivered twice, and ignores S3 test events', async () => {
    const key = 'raw/dupes/story.txt';
    const before = (await allRecords()).length;
    const id = await put(
      key,
      'Dupes headline\n\nA long enough paragraph of the story that should be kept by the cleaner as prose text, certainly.\n\nAnd a second one, also long enough to be considered part of the article body by any sane cleaner.\n',
    );
    await rt.queue.drain();
    const first = await rt.deps.articles.get(id);
    const head = await rt.clients.s3.send(new HeadObjectCommand({ Bucket: rt.names.bucket, Key: key }));
    const msg = s3EventMessage({ bucket: rt.names.bucket, key, versionId: null, eTag: (head.ETag ?? '').replace(/"/g, ''), size: null });
    rt.queue.send(msg);
    rt.queue.send(msg);
    rt.queue.send(JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: rt.names.bucket }));
    await rt.queue.drain();
    const after = await allRecords();
    expect(after.length).toBe(before + 1);
    expect(await rt.deps.articles.get(id)).toEqual(first);
    expect(rt.queue.deadLetters.list()).toEqual([]);
  });
});

import { PutObjectCommand } from '@aws-sdk/client-s3';
import { startLocalRuntime, type LocalRuntime } from '../../lambdas/local/runtime';
import { startApiServer } from '../../lambdas/local/api-server';
import { QueryService } from '../../lambdas/adapters/query-service';
import { createLogger } from '../../lambdas/handlers/log';
import { collectFiles } from '../../lambdas/local/files';
import { uploadAndProcess } from '../../lambdas/local/ingest-files';
import type { ArticleRecord } from '../../lambdas/core/types';
import { SEED_FIXTURES } from '../support/shared';
import { generateArticle } from '../support/generate';

const GENERATED = 64;

/** The query API handler served over real HTTP on 127.0.0.1, against the embedded runtime. */
describe('query API over HTTP', () => {
  let rt: LocalRuntime;
  let api: Awaited<ReturnType<typeof startApiServer>>;
  let seedIds: string[];

  beforeAll(async () => {
    rt = await startLocalRuntime({ dataDir: null, dynamo: 'dynalite' });
    for (let i = 0; i < GENERATED; i++) {
      await rt.clients.s3.send(new PutObjectCommand({ Bucket: rt.names.bucket, Key: `raw/gen-outlet/article-${i}.txt`, Body: generateArticle(i).text }));
    }
    await rt.queue.drain();
    seedIds = await uploadAndProcess(rt, collectFiles([SEED_FIXTURES]));
    api = await startApiServer(new QueryService(rt.deps.articles), createLogger('silent'));
  }, 180_000);

  afterAll(async () => {
    await api?.close();
    await rt?.stop();
  });

  async function get(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(api.url + path);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('GET /articles/{id} returns the full record, 404 for an unknown id', async () => {
    const ok = await get(`/articles/${seedIds[0]}`);
    expect(ok.status).toBe(200);
    expect(ok.body.id).toBe(seedIds[0]);
    expect(typeof ok.body.body).toBe('string');
    const missing = await get('/articles/a_00000000000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toMatch(/No article/);
  });

  it('GET /articles?outlet= pages through every article of an outlet with opaque cursors', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = `/articles?outlet=gen-outlet&limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const r = await get(q);
      expect(r.status).toBe(200);
      const items = r.body.items as ArticleRecord[];
      expect(items.length).toBeLessThanOrEqual(25);
      seen.push(...items.map((i) => i.id));
      cursor = r.body.cursor as string | null;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(new Set(seen).size).toBe(GENERATED);
    expect(seen.length).toBe(GENERATED);
  });

  it('GET /articles filters by published range', async () => {
    const all = await get('/articles?outlet=world-digest');
    expect((all.body.items as ArticleRecord[]).map((r) => r.published)).toEqual(['2021-03-19T13:46']);
    const before = await get('/articles?outlet=world-digest&to=2021-03-18');
    expect(before.body.items).toEqual([]);
    const on = await get('/articles?outlet=world-digest&from=2021-03-19&to=2021-03-19');
    expect((on.body.items as ArticleRecord[]).length).toBe(1);
  });

  it('GET /articles?agency= uses the agency index', async () => {
    const r = await get('/articles?agency=ap');
    expect(r.status).toBe(200);
    const items = r.body.items as ArticleRecord[];
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(items.every((i) => i.syndication[0] === 'AP')).toBe(true);
  });

  it('GET /stories/{id} returns the story with its canonical member first', async () => {
    const r = await get(`/stories/${seedIds[0]}`);
    expect(r.status).toBe(200);
    const members = r.body.members as { id: string; canonical: boolean }[];
    expect(members.length).toBeGreaterThanOrEqual(1);
    expect(members[0].canonical).toBe(true);
    expect(members.map((m) => m.id)).toContain(seedIds[0]);
    expect((await get('/stories/a_00000000000000000000')).status).toBe(404);
  });

  it('GET /stories lists stories with member counts', async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 20; i++) {
      const r = await get(`/stories?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(r.status).toBe(200);
      const items = r.body.items as { storyId: string; members: number }[];
      for (const s of items) expect(s.members).toBeGreaterThanOrEqual(1);
      ids.push(...items.map((s) => s.storyId));
      cursor = r.body.cursor as string | null;
      if (!cursor) break;
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(GENERATED);
  });

  it.each([
    ['/articles', /needs "outlet" or "agency"/],
    ['/articles?outlet=x&from=soon', /ISO 8601/],
    ['/articles?outlet=x&cursor=bogus!!', /cursor is not valid/],
    ['/articles?agency=nobody', /Unknown wire agency/],
    ['/articles?outlet=x&limit=-1', /"limit"/],
  ])('400 for %s', async (path, message) => {
    const r = await get(path);
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(message);
  });

  it('404 for unknown routes', async () => {
    expect((await get('/elsewhere')).status).toBe(404);
  });
});

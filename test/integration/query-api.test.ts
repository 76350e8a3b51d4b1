import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { startLocalRuntime, type LocalRuntime } from '../../lambdas/local/runtime';
import { startApiServer } from '../../lambdas/local/api-server';
import { QueryService } from '../../lambdas/adapters/query-service';
import { createLogger } from '../../lambdas/handlers/log';
import { collectFiles } from '../../lambdas/local/files';
import { uploadAndProcess } from '../../lambdas/local/ingest-files';
import type { ArticleRecord } from '../../lambdas/core/types';
import { SEED_FIXTURES } from '../support/shared';
import { generateArticle } from '../support/generate';
import { countCommands, type CommandCall } from '../reliability/support';

const GENERATED = 64;
/** Lambda's synchronous response limit; past it API Gateway answers 502. */
const LAMBDA_RESPONSE_LIMIT = 6 * 1024 * 1024;
/** A store cursor as the API handed them out before cursors were sealed, with a key DynamoDB rejects. */
const FORGED_CURSOR = Buffer.from(JSON.stringify({ id: { N: '1' }, storyList: { S: 'story' } })).toString('base64url');

/** The query API handler served over real HTTP on 127.0.0.1, against the embedded runtime. */
describe('query API over HTTP', () => {
  let rt: LocalRuntime;
  const calls: CommandCall[] = [];
  let api: Awaited<ReturnType<typeof startApiServer>>;
  let seedIds: string[];
  const errorLogs: string[] = [];

  beforeAll(async () => {
    // Counting is wired before the first call: the local clients cache their middleware.
    rt = await startLocalRuntime({ dataDir: null, dynamo: 'dynalite', wrapClients: countCommands(calls) });
    for (let i = 0; i < GENERATED; i++) {
      await rt.clients.s3.send(new PutObjectCommand({ Bucket: rt.names.bucket, Key: `raw/gen-outlet/article-${i}.txt`, Body: generateArticle(i).text }));
    }
    await rt.queue.drain();
    seedIds = await uploadAndProcess(rt, collectFiles([SEED_FIXTURES]));
    api = await startApiServer(
      new QueryService(rt.deps.articles),
      createLogger('error', (line) => errorLogs.push(line)),
    );
  }, 180_000);

  afterAll(async () => {
    await api?.close();
    await rt?.stop();
  });

  async function get(path: string): Promise<{ status: number; body: Record<string, unknown>; lambdaBytes: number }> {
    const res = await fetch(api.url + path);
    const text = await res.text();
    // What the Lambda would return for this body: the proxy envelope, with the body as a string in it.
    const lambdaBytes = Buffer.byteLength(JSON.stringify({ statusCode: res.status, headers: Object.fromEntries(res.headers), body: text }));
    return { status: res.status, body: JSON.parse(text) as Record<string, unknown>, lambdaBytes };
  }

  /** Follows a listing's cursors; every page must fit a Lambda response. */
  async function allPages<T>(path: string, pick: (body: Record<string, unknown>) => T[]): Promise<{ items: T[]; pages: number }> {
    const items: T[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await get(`${path}${cursor ? `${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect({ status: r.status, message: r.body.message }).toEqual({ status: 200, message: undefined });
      expect(r.lambdaBytes).toBeLessThanOrEqual(LAMBDA_RESPONSE_LIMIT);
      items.push(...pick(r.body));
      cursor = r.body.cursor as string | null;
      pages++;
    } while (cursor && pages < 50);
    return { items, pages };
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
    ['/articles?outlet=x&limit=1e2', /"limit" must be a whole number/],
    ['/articles?outlet=x&limit=0x10', /"limit" must be a whole number/],
    ['/stories?limit=1e2', /"limit" must be a whole number/],
    ['/articles?outlet=x&from=2021-13-45', /"from" must be an ISO 8601 date that exists/],
    ['/stories?to=2021-02-30', /"to" must be an ISO 8601 date that exists/],
    [`/articles?outlet=${'o'.repeat(300)}`, /"outlet" is longer than 256/],
    ['/stories?colour=red', /Unknown parameter "colour"/],
    ['/articles/a_1?colour=red', /Unknown parameter "colour"; this route takes no parameters/],
    ['/stories/a_1?limit=5', /Unknown parameter "limit"/],
    [`/stories?cursor=${FORGED_CURSOR}`, /cursor is not valid/],
    [`/articles?outlet=gen-outlet&cursor=${FORGED_CURSOR}`, /cursor is not valid/],
  ])('400 for %s, with one sentence and nothing logged as an error', async (path, message) => {
    errorLogs.length = 0;
    const r = await get(path);
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(message);
    expect(r.body.message).toMatch(/^[A-Z"].*\.$/);
    expect(errorLogs).toEqual([]);
  });

  it('cursors work only on the query they came from, unaltered', async () => {
    errorLogs.length = 0;
    const first = await get('/articles?outlet=gen-outlet&limit=5');
    const cursor = first.body.cursor as string;
    expect(typeof cursor).toBe('string');
    const again = await get(`/articles?outlet=gen-outlet&limit=7&cursor=${encodeURIComponent(cursor)}`);
    expect(again.status).toBe(200);
    expect((again.body.items as ArticleRecord[])[0].id).not.toBe((first.body.items as ArticleRecord[])[0].id);
    const tampered = cursor.replace(/^./, (c) => (c === 'e' ? 'f' : 'e'));
    for (const path of [
      `/articles?outlet=gen-outlet&cursor=${encodeURIComponent(tampered)}`,
      `/articles?outlet=world-digest&cursor=${encodeURIComponent(cursor)}`,
      `/articles?outlet=gen-outlet&unique=true&cursor=${encodeURIComponent(cursor)}`,
      `/stories?cursor=${encodeURIComponent(cursor)}`,
      `/stories/${seedIds[0]}?cursor=${encodeURIComponent(cursor)}`,
    ]) {
      const r = await get(path);
      expect({ path, status: r.status, message: r.body.message }).toEqual({
        path,
        status: 400,
        message: 'The cursor is not valid; pass the cursor value from a previous page unchanged.',
      });
    }
    expect(errorLogs).toEqual([]);
  });

  it('GET /stories reads stored member counts: no count query per story', async () => {
    const story = await get(`/stories/${seedIds[0]}`);
    const storyId = story.body.storyId as string;
    const canonicalId = story.body.canonicalId as string;
    const stored = await rt.clients.dynamo.send(new GetItemCommand({ TableName: rt.names.articlesTable, Key: { id: { S: canonicalId } } }));
    const members = await rt.deps.articles.countStory(storyId);
    expect(Number(stored.Item?.memberCount?.N)).toBe(members);

    calls.length = 0;
    const r = await get('/stories?limit=500');
    expect(r.status).toBe(200);
    const items = r.body.items as { storyId: string; members: number }[];
    expect(items.length).toBeGreaterThan(GENERATED);
    expect(items.find((s) => s.storyId === storyId)?.members).toBe(members);
    expect(calls.filter((c) => c.service === 'dynamo').map((c) => c.command)).toEqual(['QueryCommand']);
  });

  it('404 for unknown routes', async () => {
    expect((await get('/elsewhere')).status).toBe(404);
  });

  describe('responses stay under the Lambda limit, and summaries never read article text', () => {
    const BIG = 14;
    const bigIds = Array.from({ length: BIG }, (_, i) => `a_bigbody_${String(i).padStart(2, '0')}`);
    const storyIds = Array.from({ length: 25 }, (_, i) => `a_bigtitle_${String(i).padStart(2, '0')}`);
    // Quotes and line breaks double when the page is escaped into the Lambda response.
    const paragraph = 'He said "it is so."\n'.repeat(1200);

    beforeAll(async () => {
      const template = (await rt.deps.articles.get(seedIds[0])) as ArticleRecord;
      const base = { ...template, role: 'original' as const, match: null, syndication: [], credits: [], removed: [], headings: [] };
      for (const id of bigIds) {
        const paragraphs = Array.from({ length: 20 }, () => paragraph);
        await rt.deps.articles.put(
          { ...base, id, outlet: 'big-bodies', sourceKey: `raw/big-bodies/${id}.txt`, storyId: id, canonicalId: id, paragraphs, body: paragraphs.join('\n\n') },
          'create',
        );
      }
      // One story of 25 members whose titles alone pass the budget (stored inline: under DynamoDB's item limit).
      for (const [i, id] of storyIds.entries()) {
        await rt.deps.articles.put(
          {
            ...base,
            id,
            outlet: 'big-titles',
            sourceKey: `raw/big-titles/${id}.txt`,
            title: `${i} ${'T'.repeat(250_000)}`,
            storyId: storyIds[0],
            canonicalId: storyIds[0],
            role: i === 0 ? 'original' : 'copy',
            published: `2021-04-01T10:${String(i).padStart(2, '0')}`,
          },
          'create',
        );
      }
    }, 120_000);

    it('GET /articles pages past 6 MB of records by bytes, each record whole and once', async () => {
      const { items, pages } = await allPages('/articles?outlet=big-bodies&limit=500', (b) => b.items as ArticleRecord[]);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(items.map((r) => r.id)).toEqual(bigIds);
      for (const r of items) expect(r.paragraphs).toHaveLength(20);
    });

    it('GET /stories/{id} pages a story too large for one response, canonical first', async () => {
      const { items, pages } = await allPages(`/stories/${storyIds[3]}`, (b) => b.members as { id: string; canonical: boolean }[]);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(items.map((m) => m.id)).toEqual(storyIds);
      expect(items.filter((m) => m.canonical).map((m) => m.id)).toEqual([storyIds[0]]);
    });

    it('story listings and story pages never read offloaded bodies', async () => {
      for (const id of bigIds) {
        const stored = await rt.clients.dynamo.send(
          new GetItemCommand({ TableName: rt.names.articlesTable, Key: { id: { S: id } }, ProjectionExpression: 'bodyRef' }),
        );
        expect(stored.Item?.bodyRef?.S).toBeTruthy();
        await rt.clients.s3.send(new DeleteObjectCommand({ Bucket: rt.names.bodyBucket, Key: stored.Item?.bodyRef?.S }));
      }
      errorLogs.length = 0;
      const { items } = await allPages('/stories?limit=500', (b) => b.items as { storyId: string; members: number }[]);
      expect(items.filter((s) => bigIds.includes(s.storyId)).map((s) => s.members)).toEqual(bigIds.map(() => 1));
      const story = await get(`/stories/${bigIds[0]}`);
      expect(story.status).toBe(200);
      expect((story.body.members as { id: string }[]).map((m) => m.id)).toEqual([bigIds[0]]);
      expect(errorLogs).toEqual([]);
    });
  });
});

import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { startLocalRuntime, type LocalRuntime } from '../../lambdas/local/runtime';
import { s3EventMessage } from '../../lambdas/core/ingest/s3-event';
import { PREFIX } from '../../lambdas/core/schema';
import type { ArticleRecord } from '../../lambdas/core/types';
import { allRecords, report, rng, upload } from './support';

const DYNAMO_ITEM_LIMIT = 400 * 1024;

/** Distinct paragraphs until the text reaches `bytes` of UTF-8. */
function longArticle(title: string, bytes: number, alphabet: 'latin' | 'cyrillic', seed: number): { text: string; paragraphs: string[] } {
  const random = rng(seed);
  const words =
    alphabet === 'latin'
      ? 'harbour council ferry budget library school report inquiry vote river bridge market'.split(' ')
      : 'гавань совет паром бюджет библиотека школа доклад расследование голосование река мост рынок'.split(' ');
  const paragraphs: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const sentence = Array.from({ length: 40 }, () => words[Math.floor(random() * words.length)]).join(' ');
    const p = `${alphabet === 'latin' ? 'Paragraph' : 'Абзац'} ${i}: ${sentence}.`;
    paragraphs.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return { text: `${title}\n\n${paragraphs.join('\n\n')}\n`, paragraphs };
}

/** Large cleaned bodies live in S3 under bodies/ and come back through every read path. */
describe('large bodies', () => {
  let rt: LocalRuntime;
  let summary = '';
  const cases = [
    {
      key: 'raw/longreads/inquiry-report.txt',
      title: 'The full text of the harbour inquiry report',
      bytes: 700_000,
      alphabet: 'latin' as const,
      offloaded: true,
    },
    { key: 'raw/longreads/доклад.txt', title: 'Полный текст доклада о гавани', bytes: 460_000, alphabet: 'cyrillic' as const, offloaded: true },
    { key: 'raw/longreads/short-enough.txt', title: 'A long read that still fits in one item', bytes: 150_000, alphabet: 'latin' as const, offloaded: false },
  ].map((c, i) => ({ ...c, ...longArticle(c.title, c.bytes, c.alphabet, i + 1) }));
  const ids = new Map<string, { id: string; eTag: string; size: number }>();

  beforeAll(async () => {
    rt = await startLocalRuntime({ dataDir: null, dynamo: 'dynamodb-local', queue: { maxReceiveCount: 1 } });
    for (const c of cases) ids.set(c.key, await upload(rt, c.key, c.text));
    await rt.queue.drain(120_000);
  }, 180_000);

  afterAll(async () => {
    await rt?.stop();
    if (summary) report(summary);
  });

  function expectFullText(r: ArticleRecord | undefined, c: (typeof cases)[number]): void {
    expect(r).toBeDefined();
    const rec = r as ArticleRecord;
    expect(rec.status).toBe('clean');
    expect(rec.paragraphs).toHaveLength(c.paragraphs.length);
    expect(rec.paragraphs[0]).toBe(c.paragraphs[0]);
    expect(rec.paragraphs[rec.paragraphs.length - 1]).toBe(c.paragraphs[c.paragraphs.length - 1]);
    expect(rec.body).toBe(c.paragraphs.join('\n\n'));
  }

  it('keeps the item under 400 KB, with the text under bodies/ (outside raw/) when it would not fit', async () => {
    const lines: string[] = [];
    for (const c of cases) {
      const { id } = ids.get(c.key) as { id: string };
      const raw = await rt.clients.dynamo.send(new GetItemCommand({ TableName: rt.names.articlesTable, Key: { id: { S: id } }, ConsistentRead: true }));
      expect(raw.Item).toBeDefined();
      const itemBytes = Buffer.byteLength(JSON.stringify(raw.Item));
      expect(itemBytes).toBeLessThan(DYNAMO_ITEM_LIMIT);
      const bodyRef = raw.Item?.bodyRef?.S ?? null;
      if (c.offloaded) {
        expect(bodyRef).toMatch(new RegExp(`^${PREFIX.bodies}`));
        expect(bodyRef?.startsWith(PREFIX.raw)).toBe(false);
        const head = await rt.clients.s3.send(new HeadObjectCommand({ Bucket: rt.names.bodyBucket, Key: bodyRef as string }));
        expect(head.ContentLength).toBeGreaterThan(c.bytes * 0.9);
        expect(raw.Item?.paragraphs?.L ?? []).toEqual([]);
        lines.push(`${Math.round(Buffer.byteLength(c.text) / 1024)} KB → ${bodyRef?.split('/')[0]}/ (item ${Math.round(itemBytes / 1024)} KB)`);
      } else {
        expect(bodyRef).toBeNull();
      }
    }
    summary = `large bodies: ${lines.length} offloaded (${lines.join(', ')}), 1 kept inline, full text from get/byOutlet/scanAll`;
  });

  it('returns the full text from get, byOutlet and scanAll', async () => {
    for (const c of cases) expectFullText((await rt.deps.articles.get(ids.get(c.key)?.id as string)) ?? undefined, c);
    const page = await rt.deps.articles.byOutlet('longreads', { limit: 50 });
    expect(page.items).toHaveLength(cases.length);
    for (const c of cases)
      expectFullText(
        page.items.find((r) => r.sourceKey === c.key),
        c,
      );
    const all = await allRecords(rt);
    for (const c of cases)
      expectFullText(
        all.find((r) => r.sourceKey === c.key),
        c,
      );
  });

  it('never treats the offloaded body as an upload, and a redelivery leaves it as it was', async () => {
    // bodies/ sits in the same bucket locally; only raw/ is notified, so no record came from it.
    const all = await allRecords(rt);
    expect(all).toHaveLength(cases.length);
    expect(all.every((r) => r.sourceKey.startsWith(PREFIX.raw))).toBe(true);

    const c = cases[0];
    const before = await rt.deps.articles.get(ids.get(c.key)?.id as string);
    const u = ids.get(c.key) as { eTag: string; size: number };
    rt.queue.send(s3EventMessage({ bucket: rt.names.bucket, key: c.key, versionId: null, eTag: u.eTag, size: u.size }));
    await rt.queue.drain(60_000);
    expect(await rt.deps.articles.get(ids.get(c.key)?.id as string)).toEqual(before);
    expect(rt.queue.deadLetters.list()).toEqual([]);
  });
});

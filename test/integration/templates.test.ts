import { PutObjectCommand } from '@aws-sdk/client-s3';
import { startLocalRuntime, type LocalRuntime } from '../../lambdas/local/runtime';
import { articleId } from '../../lambdas/core/ingest/article-id';
import { generateArticle } from '../support/generate';

/** Per-outlet template learning through the real handler: counts live in the fingerprint table. */
describe('outlet template learning', () => {
  let rt: LocalRuntime;
  beforeAll(async () => {
    rt = await startLocalRuntime({ dataDir: null, dynamo: 'dynalite', queue: { concurrency: 1, batchSize: 1 } });
  });
  afterAll(async () => rt?.stop());

  // Promo lines the outlet drops between paragraphs: no rule names them, and alone they look like headings.
  const FOOTER = ['Ballyglass Print Works Unit 4', 'Tides Media Kiosk Edition'];
  const withPromos = (title: string, paragraphs: string[]) =>
    [title, paragraphs[0], FOOTER[0], ...paragraphs.slice(1, 3), FOOTER[1], ...paragraphs.slice(3)].join('\n\n') + '\n';

  it('removes footer lines shared by the outlet from later articles, and never a body line', async () => {
    const ids: string[] = [];
    const articles = [0, 1, 2, 3, 4].map((i) => generateArticle(500 + i));
    for (const [i, a] of articles.entries()) {
      const key = `raw/tides/story-${i}.txt`;
      const r = await rt.clients.s3.send(new PutObjectCommand({ Bucket: rt.names.bucket, Key: key, Body: withPromos(a.title, a.paragraphs) }));
      ids.push(articleId(rt.names.bucket, key, (r.ETag ?? '').replace(/"/g, '')));
      // One at a time, as articles of an outlet arrive over a day.
      await rt.queue.drain();
    }
    const records = await Promise.all(ids.map((id) => rt.deps.articles.get(id)));
    records.forEach((rec, i) => {
      expect(rec?.status).toBe('clean');
      for (const p of articles[i].paragraphs) expect(rec?.paragraphs).toContain(p);
    });
    // The first two articles cannot know the footer yet; from the third on it is template chrome.
    for (const rec of records.slice(2)) {
      for (const f of FOOTER) expect(rec?.body).not.toContain(f);
      expect(rec?.removed.filter((r) => FOOTER.includes(r.text)).map((r) => r.category)).toEqual(['template', 'template']);
    }
    expect(records[0]?.headings).toEqual(FOOTER);
  });
});

/**
 * The review UI in a real headless Chromium, over the real local runtime: the five seeds and a
 * hostile page go through the pipeline, `serve`'s HTTP server renders every view, and the
 * browser checks content, inertness of hostile text and of the uploaded page, error pages,
 * page weight and a 500-member story. Screenshots land in test-output/ui/ (git-ignored);
 * `npm run ui:screenshots` also writes the README's into docs/ui/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { startLocalRuntime, type LocalRuntime } from '../../lambdas/local/runtime';
import { startApiServer } from '../../lambdas/local/api-server';
import { QueryService } from '../../lambdas/adapters/query-service';
import { ReviewSource } from '../../lambdas/adapters/review-source';
import { createLogger } from '../../lambdas/handlers/log';
import { collectFiles } from '../../lambdas/local/files';
import { uploadAndProcess } from '../../lambdas/local/ingest-files';
import type { ArticleRecord } from '../../lambdas/core/types';
import { REPO_ROOT, SEED_FIXTURES } from '../support/shared';

const CHROMIUM = process.env.NEWS_INGEST_CHROMIUM || '/usr/bin/chromium';
const OUT = join(REPO_ROOT, 'test-output', 'ui');
/** Set by `npm run ui:screenshots`: where the README's screenshots go. */
const DOCS = process.env.NEWS_INGEST_UI_DOCS ? join(REPO_ROOT, process.env.NEWS_INGEST_UI_DOCS) : null;
const HOSTILE = join(REPO_ROOT, 'test', 'fixtures', 'hostile');
const BIG_STORY = 500;

interface Weight {
  view: string;
  url: string;
  requests: number;
  bytes: number;
  ms: number;
}

describe('review UI in a browser', () => {
  let rt: LocalRuntime;
  let server: Awaited<ReturnType<typeof startApiServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let seeds: ArticleRecord[];
  let hostile: ArticleRecord;
  let rejected: ArticleRecord;
  const dialogs: string[] = [];
  const weights: Weight[] = [];
  const measurements: Record<string, unknown> = {};
  let storeStopped = false;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    if (DOCS) mkdirSync(DOCS, { recursive: true });
    rt = await startLocalRuntime({ dataDir: null, dynamo: 'dynalite' });
    const seedIds = await uploadAndProcess(rt, collectFiles([SEED_FIXTURES]));
    const [hostileId] = await uploadAndProcess(rt, collectFiles([HOSTILE]));
    seeds = (await Promise.all(seedIds.map((id) => rt.deps.articles.get(id)))) as ArticleRecord[];
    hostile = (await rt.deps.articles.get(hostileId)) as ArticleRecord;
    // A page with no story in it: stored as rejected, with its reason, for the stats page.
    await rt.clients.s3.send(
      new PutObjectCommand({ Bucket: rt.names.bucket, Key: 'raw/menus/site-menu.txt', Body: 'Home\nNews\nSport\nWeather\nSubscribe\n' }),
    );
    await rt.queue.drain();
    rejected = (await rt.deps.articles.scanAll({ limit: 500 })).items.find((r) => r.outlet === 'menus') as ArticleRecord;
    server = await startApiServer(new QueryService(rt.deps.articles), createLogger('silent'), 0, new ReviewSource(rt.deps.articles, rt.deps.objects));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    context = await browser.newContext({ viewport: { width: 1100, height: 720 } });
    context.on('page', (p) => p.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss())));
  }, 120_000);

  afterAll(async () => {
    writeFileSync(join(OUT, 'measurements.json'), JSON.stringify({ weights, ...measurements }, null, 2));
    await browser?.close();
    await server?.close();
    if (!storeStopped) await rt?.stop();
  }, 60_000);

  /** Opens a view in a fresh page (empty cache) and records what the browser fetched for it. */
  async function open(view: string, path: string, ctx: BrowserContext = context): Promise<{ page: Page; status: number }> {
    const page = await ctx.newPage();
    page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    const fetched: Promise<number>[] = [];
    const record = (req: Request) => fetched.push(req.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
    page.on('requestfinished', record);
    const started = Date.now();
    const res = await page.goto(server.url + path, { waitUntil: 'load' });
    const ms = Date.now() - started;
    // `load` covers the stylesheet and script; a lazy frame (the raw page) may load after it.
    if ((await page.locator('iframe').count()) > 0) await page.waitForLoadState('networkidle');
    // Measured: a request that finishes later (the test may act on the page) is not this view's
    // weight, and asking its size after the page closed would fail outside the test.
    page.off('requestfinished', record);
    const sizes = await Promise.all(fetched);
    weights.push({ view, url: path, requests: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0), ms });
    return { page, status: res?.status() ?? 0 };
  }

  async function shoot(page: Page, name: string, docs = false): Promise<void> {
    await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
    if (docs && DOCS) {
      // The README shows each view as it opens: the top of the page, at laptop size.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(DOCS, `${name}.png`) });
    }
  }

  const seedStory = () => seeds.find((s) => s.outlet === 'irish-daily') as ArticleRecord;

  it('lists the stories newest first with members, outlets and agency; filters and search narrow it', async () => {
    const { page, status } = await open('stories', '/ui/');
    expect(status).toBe(200);
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(4); // the AP story (3 members), two single stories, the hostile page
    const apRow = rows.filter({ hasText: 'irish-daily' });
    await expect_(apRow.locator('td.num').innerText(), '3');
    expect(await apRow.innerText()).toMatch(/connect-news[\s\S]*irish-daily[\s\S]*us-wire-reprints[\s\S]*AP/);
    // Newest first: the only seed that shows a date (2021) sorts before the others' ingest times, so it comes last.
    expect(await rows.last().innerText()).toContain('world-digest');
    await shoot(page, 'stories', true);

    // Keyboard: "/" focuses the search box (the same-origin script runs under the CSP).
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type('kremlin');
    await Promise.all([page.waitForURL(/q=kremlin/), page.keyboard.press('Enter')]);
    expect(await page.locator('tbody tr').count()).toBe(2);

    await page.goto(server.url + '/ui/?agency=AP');
    expect(await page.locator('tbody tr').innerText()).toContain('us-wire-reprints');
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.goto(server.url + '/ui/?copies=1');
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.goto(server.url + '/ui/?outlet=rferl');
    expect(await page.locator('tbody tr').innerText()).toContain('Kremlin Says It Offered Public Call With Biden');
    await page.goto(server.url + '/ui/?from=2021-03-19&to=2021-03-19');
    expect(await page.locator('tbody tr').count()).toBe(1);

    // Cursor paging: two stories a page, following "next" reaches every story once.
    await page.goto(server.url + '/ui/?limit=2');
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      seen.push(...(await page.locator('tbody tr td:first-child a').allInnerTexts()));
      const next = page.locator('a[rel=next]');
      if ((await next.count()) === 0) break;
      await Promise.all([page.waitForNavigation(), next.click()]);
    }
    expect(new Set(seen).size).toBe(4);
    await page.goto(server.url + '/ui/');
    await page.setViewportSize({ width: 390, height: 800 });
    await shoot(page, 'stories-phone');
    await page.close();
  });

  it('shows the seed story: canonical first, three members with their roles, a member beside the canonical text', async () => {
    const irish = seedStory();
    const { page, status } = await open('story', `/ui/stories/${irish.storyId}?member=${irish.id}`);
    expect(status).toBe(200);
    const roles = await page.locator('tbody tr td:first-child .tag').allInnerTexts();
    expect(roles).toHaveLength(3);
    expect(roles[0]).toBe('original');
    expect([...roles].sort()).toEqual(['copy', 'original', 'rewrite']);
    expect(await page.locator('tbody tr').first().getAttribute('class')).toBe('canonical');
    expect(await page.locator('tbody tr').first().innerText()).toContain('us-wire-reprints');
    // Any member's id opens the same story.
    const byMember = await (await fetch(`${server.url}/ui/stories/${irish.id}`)).text();
    expect(byMember).toContain(`Story <code>${irish.storyId}</code> · 3 members`);
    // The Irish copy beside the AP text: shared and reworded sentences are paired on both sides.
    expect(await page.locator('#compare').innerText()).toContain('beside the canonical copy');
    // The Irish copy edits the wire text ("said Monday" → "said yesterday"): most pairs are reworded, not identical.
    expect(await page.locator('.compare section:first-child :is(.s-shared, .s-similar)').count()).toBeGreaterThan(5);
    expect(await page.locator('.compare section:last-child [data-pair]').count()).toBe(await page.locator('.compare section:first-child [data-pair]').count());
    expect(await page.locator('.compare section:last-child .s-only').count()).toBeGreaterThan(0);
    await shoot(page, 'story', true);

    const rewrite = seeds.find((r) => r.outlet === 'connect-news') as ArticleRecord;
    await Promise.all([
      page.waitForURL(new RegExp(`member=${rewrite.id}`), { waitUntil: 'domcontentloaded' }),
      page.locator('a', { hasText: 'compare' }).first().click(),
    ]);
    expect(await page.locator('tr.chosen').innerText()).toContain('connect-news');
    await page.setViewportSize({ width: 390, height: 800 });
    await shoot(page, 'story-phone');
    await page.close();
  });

  it('shows an article: kept text with every removed block in place, rule ids, category filter, metadata, inert raw page', async () => {
    const a = seeds.find((s) => s.outlet === 'us-wire-reprints') as ArticleRecord;
    const { page, status } = await open('article', `/ui/articles/${a.id}`);
    expect(status).toBe(200);
    const removed = page.locator('.page-text .removed');
    expect(await removed.count()).toBe(a.removed.length);
    expect(await removed.locator('code').allInnerTexts()).toEqual(a.removed.map((r) => r.rule));
    expect(await page.locator('.page-text .kept').count()).toBe(a.paragraphs.length);
    // Page order: the title block (removed) stands above the first paragraph.
    expect(await page.locator('.page-text > *').first().innerText()).toContain(a.removed[0].text.slice(0, 30));
    const fields = await page.locator('dl.fields').innerText();
    expect(fields).toContain(a.rulesVersion);
    expect(fields).toContain('AP');
    expect(await page.locator('iframe.raw').getAttribute('sandbox')).toBe('');
    await page.locator('iframe.raw').scrollIntoViewIfNeeded();
    await shoot(page, 'article', true);

    const category = a.removed[0].category;
    // By keyboard: focus the category's link and press Enter.
    await page.locator('.cats a', { hasText: category }).focus();
    await Promise.all([page.waitForURL(/category=/, { waitUntil: 'domcontentloaded' }), page.keyboard.press('Enter')]);
    const shown = await page.locator('.page-text .removed .why').allInnerTexts();
    expect(shown.length).toBe(a.removed.filter((r) => r.category === category).length);
    for (const s of shown) expect(s).toContain(category);
    await page.close();
  });

  it('renders a hostile page as text: no script runs in the view, in its frame or in the raw route', async () => {
    expect(hostile.status).toBe('clean');
    const { page } = await open('article (hostile)', `/ui/articles/${hostile.id}`);
    const frameHandle = await page.locator('iframe.raw').elementHandle();
    await frameHandle?.scrollIntoViewIfNeeded();
    const frame = await frameHandle?.contentFrame();
    await frame?.waitForLoadState('load');
    // The hostile title contains the word; its script would have made it the whole title.
    expect(await page.title()).toMatch(/news-ingest review$/);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    const h1 = await page.locator('h1').innerText();
    expect(h1).toContain("<script>document.title='PWNED'</script>");
    expect(h1).toContain('<img src=x onerror=alert(1)>');
    const text = await page.locator('.page-text').innerText();
    expect(text).toContain('<script>alert("board")</script>');
    expect(text).toContain('<a href="javascript:alert(3)">');
    expect(await page.locator('main script, main img, .page-text a').count()).toBe(0);
    // The uploaded page in its sandboxed frame: its markup is there, its scripts never ran.
    expect(frame).toBeTruthy();
    expect(await frame?.locator('article p').count()).toBe(5);
    expect(await frame?.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
    expect(await frame?.evaluate(() => document.title)).not.toBe('PWNED');
    await shoot(page, 'article-hostile');
    await page.close();

    // Opened on its own, the raw route is still a sandbox with no network.
    const raw = await open('raw page (hostile)', `/ui/raw/${hostile.id}`);
    await raw.page.waitForTimeout(200);
    expect(await raw.page.title()).not.toBe('PWNED');
    const links = await raw.page.locator('a[href^="javascript:"]').count();
    expect(links).toBe(2);
    await raw.page
      .locator('a[href^="javascript:"]')
      .first()
      .click({ timeout: 2000 })
      .catch(() => undefined);
    await raw.page.close();
    expect(dialogs).toEqual([]);
  });

  it('shows stats: records per rules version and status, removed blocks by category, as text and SVG bars', async () => {
    const { page, status } = await open('stats', '/ui/stats');
    expect(status).toBe(200);
    expect(rejected.status).toBe('rejected');
    const all = [...seeds, hostile, rejected];
    const body = await page.locator('main').innerText();
    expect(body).toContain(`${all.length} records: ${all.filter((r) => r.status === 'clean').length} clean`);
    const categories = new Map<string, number>();
    for (const r of all) for (const b of r.removed) categories.set(b.category, (categories.get(b.category) ?? 0) + 1);
    const [topCategory, topCount] = [...categories.entries()].sort((a, b) => b[1] - a[1])[0];
    expect(await page.locator('svg.bars').count()).toBe(2);
    const bars = await page.locator('svg.bars').nth(1).locator('g').allTextContents();
    expect(bars[0]).toContain(topCategory.slice(0, 20));
    expect(bars[0]).toContain(String(topCount));
    const rejectedRow = page.locator('tr', { has: page.locator(`a[href="/ui/articles/${rejected.id}"]`) });
    expect(await rejectedRow.innerText()).toContain(rejected.reason as string);
    await shoot(page, 'stats', true);
    await page.close();
  });

  it('answers unknown ids and addresses with a 404 page', async () => {
    for (const path of ['/ui/articles/a_00000000000000000000', '/ui/stories/a_00000000000000000000', '/ui/nowhere']) {
      const { page, status } = await open('404', path);
      expect(status).toBe(404);
      expect(await page.locator('h1').innerText()).toBe('Not found');
      await page.close();
    }
  });

  it(`renders a ${BIG_STORY}-member story`, async () => {
    // Copies of a seed record written straight into the store through the adapter, as one story.
    const base = seedStory();
    const storyId = 'a_big0000000000000000';
    const started = Date.now();
    for (let i = 0; i < BIG_STORY; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, BIG_STORY - i) }, (_, k) => {
          const n = i + k;
          const id = n === 0 ? storyId : `a_big${String(n).padStart(16, '0')}`;
          return rt.deps.articles.put(
            {
              ...base,
              id,
              outlet: `outlet-${n % 40}`,
              sourceKey: `raw/outlet-${n % 40}/big-${n}.txt`,
              storyId,
              canonicalId: storyId,
              role: n === 0 ? 'original' : 'copy',
              match: n === 0 ? null : { articleId: storyId, verdict: 'copy', scores: { containment: 1 }, reason: 'generated copy' },
            },
            'create',
          );
        }),
      );
    }
    measurements.bigStoryWriteMs = Date.now() - started;
    const t0 = Date.now();
    const res = await fetch(`${server.url}/ui/stories/${storyId}`);
    const html = await res.text();
    measurements.bigStoryServerMs = Date.now() - t0;
    measurements.bigStoryHtmlBytes = Buffer.byteLength(html);
    expect(res.status).toBe(200);
    const { page } = await open(`story (${BIG_STORY} members)`, `/ui/stories/${storyId}`);
    expect(await page.locator('tbody tr').count()).toBe(BIG_STORY);
    measurements.bigStoryBrowserLoadMs = weights[weights.length - 1].ms;
    // The browser's own clock: first byte, last byte, DOM ready and load, from navigation start.
    measurements.bigStoryNavigationTiming = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        responseStart: Math.round(n.responseStart),
        responseEnd: Math.round(n.responseEnd),
        domContentLoaded: Math.round(n.domContentLoadedEventEnd),
        load: Math.round(n.loadEventEnd),
      };
    });
    await page.close();
    // Generous bounds on a shared 2-core machine: it must stay interactive, not be fast.
    expect(measurements.bigStoryServerMs).toBeLessThan(15_000);
  }, 60_000);

  it('shows an error page, not a crash, when the store is down', async () => {
    await rt.stop();
    storeStopped = true;
    const { page, status } = await open('500', '/ui/');
    expect(status).toBe(500);
    expect(await page.locator('main').innerText()).toContain('The store did not answer');
    await page.close();
    const again = await open('500', `/ui/articles/${seeds[0].id}`);
    expect(again.status).toBe(500);
    await again.page.close();
  }, 60_000);
});

async function expect_(actual: Promise<string>, expected: string): Promise<void> {
  expect((await actual).trim()).toBe(expected);
}

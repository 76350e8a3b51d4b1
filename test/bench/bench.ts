/**
 * The benchmark as a whole: runs the sections (one module each), judges the targets and
 * renders the table. `run-bench.ts` is the command line; the CI smoke test calls runBench
 * with QUICK sizes.
 */
import { spawnSync } from 'node:child_process';
import { INGEST_FUNCTION_DEFAULTS } from '../../lib/constructs/ingest-function';
import { runCleaning, type CleaningOptions, type CleaningResult } from './cleaning';
import { REPO_ROOT, log, machine, round } from './common';
import { costFromBench, renderCostTable, type CostModelResult } from './cost-model';
import { runLambdaShape, type LambdaShapeResult } from './lambda-shape';
import { runMemory, type MemoryOptions, type MemoryResult } from './memory';
import { DEFAULT_QUEUE, runPipeline, type DedupeScaleResult, type EndToEndResult, type PipelineOptions } from './pipeline';

export type Section = 'lambda' | 'cleaning' | 'memory' | 'pipeline';
export const SECTIONS: Section[] = ['lambda', 'cleaning', 'memory', 'pipeline'];

export interface BenchConfig {
  quick: boolean;
  sections: Section[];
  cleaning: CleaningOptions;
  memory: MemoryOptions;
  pipeline: Omit<PipelineOptions, 'afterEndToEnd' | 'quiet'>;
  lambda: { spawns: number };
}

export const FULL: BenchConfig = {
  quick: false,
  sections: SECTIONS,
  cleaning: { warmup: 10, passes: 1, doms: ['jsdom', 'linkedom'] },
  memory: { checkpoints: [100, 500, 1000], mode: 'html' },
  pipeline: { articles: 1000, queue: DEFAULT_QUEUE, dedupeSizes: [1000, 10_000], dedupeWindow: 200, copyShare: 0.1 },
  lambda: { spawns: 10 },
};

/** CI-sized: proves the code runs end to end, says nothing about performance. */
export const QUICK: BenchConfig = {
  quick: true,
  sections: SECTIONS,
  cleaning: { limit: 4, warmup: 1, passes: 1, doms: ['jsdom', 'linkedom'] },
  memory: { checkpoints: [2, 4, 6], mode: 'html', limit: 3 },
  pipeline: { articles: 20, queue: DEFAULT_QUEUE, dedupeSizes: [20, 40], dedupeWindow: 10, copyShare: 0.1 },
  lambda: { spawns: 2 },
};

export interface Target {
  name: string;
  target: string;
  measured: string;
  pass: boolean | null;
}

export interface BenchResult {
  quick: boolean;
  startedAt: string;
  finishedAt: string;
  git: { commit: string; dirty: boolean };
  machineAtStart: ReturnType<typeof machine>;
  machineAtEnd: ReturnType<typeof machine>;
  config: BenchConfig;
  sectionSeconds: Partial<Record<Section, number>>;
  lambda?: LambdaShapeResult;
  cleaning?: CleaningResult;
  memory?: MemoryResult;
  endToEnd?: EndToEndResult;
  dedupeScale?: DedupeScaleResult;
  /** Dollars per million articles from the measured units (null without the pipeline section's capacity). */
  cost?: CostModelResult | null;
  /** Sections that threw (their results are missing). */
  errors: string[];
  targets: Target[];
}

/** Results of separate runs (e.g. sections run side by side) as one result; later files win per section. */
export function mergeResults(parts: BenchResult[]): BenchResult {
  const merged = Object.assign({}, ...parts) as BenchResult;
  merged.startedAt = parts.map((p) => p.startedAt).sort()[0];
  merged.finishedAt = parts.map((p) => p.finishedAt).sort().pop()!;
  merged.sectionSeconds = Object.assign({}, ...parts.map((p) => p.sectionSeconds));
  merged.config = { ...parts[0].config, sections: [...new Set(parts.flatMap((p) => p.config.sections))] };
  merged.errors = parts.flatMap((p) => p.errors ?? []);
  merged.machineAtEnd = parts.map((p) => p.machineAtEnd).reduce((a, b) => (a.loadAvg1m > b.loadAvg1m ? a : b));
  for (const p of parts) {
    for (const k of ['lambda', 'cleaning', 'memory', 'endToEnd', 'dedupeScale'] as const) if (p[k]) Object.assign(merged, { [k]: p[k] });
    if (p.dedupeScale) merged.config = { ...merged.config, pipeline: p.config.pipeline };
  }
  merged.targets = judge(merged);
  return merged;
}

function git(): { commit: string; dirty: boolean } {
  const rev = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' });
  const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { commit: rev.stdout?.trim() || 'unknown', dirty: (status.stdout ?? '').trim().length > 0 };
}

export async function runBench(config: BenchConfig, opts: { quiet?: boolean } = {}): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const machineAtStart = machine();
  const has = (s: Section) => config.sections.includes(s);
  const out: Partial<BenchResult> = { sectionSeconds: {} };
  const errors: string[] = [];
  // A failing section is recorded and the others still run.
  const timed = async <T>(s: Section, fn: () => T | Promise<T>): Promise<T | undefined> => {
    const t0 = performance.now();
    try {
      return await fn();
    } catch (err) {
      errors.push(`${s}: ${err instanceof Error ? err.message : String(err)}`);
      log(opts.quiet, `${s} FAILED: ${String(err)}`);
      return undefined;
    } finally {
      out.sectionSeconds![s] = round((performance.now() - t0) / 1000, 1);
    }
  };

  // Timing-sensitive sections first and alone; memory (a separate process measuring bytes,
  // not time) overlaps the dedupe pre-load, which counts calls, not time.
  if (has('lambda')) {
    log(opts.quiet, 'lambda shape: bundling and init spawns');
    out.lambda = await timed('lambda', () => runLambdaShape(config.lambda));
  }
  if (has('cleaning')) out.cleaning = await timed('cleaning', () => runCleaning({ ...config.cleaning, quiet: opts.quiet }));
  let memory: Promise<MemoryResult> | null = null;
  const memoryStart = performance.now();
  const startMemory = () => {
    log(opts.quiet, `memory: ${config.memory.checkpoints?.join('/')} pages in a child process (--expose-gc)`);
    memory = runMemory(config.memory);
  };
  if (has('pipeline')) {
    const p = await timed('pipeline', () => runPipeline({ ...config.pipeline, quiet: opts.quiet, afterEndToEnd: has('memory') ? startMemory : undefined }));
    out.endToEnd = p?.endToEnd;
    out.dedupeScale = p?.dedupeScale;
  } else if (has('memory')) startMemory();
  if (memory) {
    out.memory = await (memory as Promise<MemoryResult>).catch((err: unknown) => {
      errors.push(`memory: ${String(err)}`);
      return undefined;
    });
    out.sectionSeconds!.memory = round((performance.now() - memoryStart) / 1000, 1);
  }

  const result: BenchResult = {
    quick: config.quick,
    startedAt,
    finishedAt: new Date().toISOString(),
    git: git(),
    machineAtStart,
    machineAtEnd: machine(),
    config,
    sectionSeconds: out.sectionSeconds!,
    ...out,
    errors,
    targets: [],
  };
  result.cost = costFromBench(result, INGEST_FUNCTION_DEFAULTS.memorySize);
  result.targets = judge(result);
  return result;
}

const f = (n: number | null | undefined, d = 2) => (n === null || n === undefined || !Number.isFinite(n) ? 'n/a' : n.toFixed(d));

export function judge(r: BenchResult): Target[] {
  const t: Target[] = [];
  if (r.cleaning) {
    const html = r.cleaning.modes.find((m) => m.mode === 'html')!.extractors;
    const [ours, ref] = html;
    const { median, throughput } = r.cleaning.speedup;
    t.push({
      name: 'cleaning speed vs Readability+jsdom',
      target: '≥ 3× (median and throughput), F1 ≥ reference',
      measured: `${f(median)}× median, ${f(throughput)}× throughput; F1 ${f(ours.quality.f1, 3)} vs ${f(ref.quality.f1, 3)}`,
      pass: median >= 3 && throughput >= 3 && ours.quality.f1 >= ref.quality.f1,
    });
  }
  if (r.memory) {
    const first = r.memory.samples[0];
    const last = r.memory.samples[r.memory.samples.length - 1];
    t.push({
      name: `heap growth ${first.pages}→${last.pages} pages`,
      target: '< 50 MB',
      measured: `${f(r.memory.heapGrowthMB, 1)} MB heap, ${f(r.memory.rssGrowthMB, 1)} MB RSS${r.memory.gcExposed ? '' : ' (no --expose-gc)'}`,
      pass: r.memory.heapGrowthMB < 50,
    });
  }
  if (r.endToEnd) {
    const e = r.endToEnd;
    t.push({
      name: `end to end, ${e.articles} articles`,
      target: `≥ 50 articles/s on 2 cores`,
      measured: `${f(e.articlesPerSec, 1)} articles/s on ${r.machineAtStart.cpus} cores (queue concurrency ${e.queue.concurrency}, batch ${e.queue.batchSize})`,
      pass: e.articlesPerSec >= 50,
    });
  }
  if (r.dedupeScale) {
    const d = r.dedupeScale;
    const first = d.windows[0];
    const last = d.windows[d.windows.length - 1];
    const targetSize = r.config.pipeline.dedupeSizes?.[r.config.pipeline.dedupeSizes.length - 1];
    t.push({
      name: `DynamoDB calls/article at ${last.storedBefore} vs ${first.storedBefore} stored`,
      target: '≤ +10%',
      measured: `${f(last.totalCallsPerArticle, 1)} vs ${f(first.totalCallsPerArticle, 1)} (×${f(d.callsRatio, 3)})${d.reachedAllSizes ? '' : ` — pre-load budget ran out before ${targetSize}`}`,
      pass: d.windows.length < 2 ? null : d.callsRatio <= 1.1 && d.reachedAllSizes ? true : d.callsRatio > 1.1 ? false : null,
    });
  }
  if (r.lambda) {
    t.push({ name: 'ingest asset (bundle + map + node_modules)', target: '≤ 5 MB', measured: `${f(r.lambda.assetMB)} MB (index.js ${f(r.lambda.bundleMB)} MB, map ${f(r.lambda.sourceMapMB)} MB, node_modules ${f(r.lambda.nodeModules.MB)} MB)`, pass: r.lambda.assetMB <= 5 });
    t.push({ name: 'module init (require of the bundle)', target: '< 300 ms', measured: `${f(r.lambda.init.requireMedianMs, 0)} ms median of ${r.lambda.init.spawns} (CPU ${f(r.lambda.init.requireCpuMedianMs, 0)} ms)`, pass: r.lambda.init.requireMedianMs < 300 });
  }
  return t;
}

const verdict = (p: boolean | null) => (p === null ? 'n/a' : p ? 'PASS' : 'FAIL');

/** Markdown tables: targets first, then the detail of each section. */
export function renderTable(r: BenchResult): string {
  const lines: string[] = [];
  const m = r.machineAtStart;
  lines.push(`news-ingest bench${r.quick ? ' (--quick: sizes for CI, not performance numbers)' : ''} · ${r.startedAt} · ${r.git.commit}${r.git.dirty ? '+dirty' : ''} · node ${m.node} · ${m.cpus} cores (${m.cpuModel}) · load avg ${m.loadAvg1m}/${r.machineAtEnd.loadAvg1m} at start/end`);
  lines.push('');
  lines.push('| target | goal | measured | result |');
  lines.push('|---|---|---|---|');
  for (const t of r.targets) lines.push(`| ${t.name} | ${t.target} | ${t.measured} | ${verdict(t.pass)} |`);
  if (r.cleaning) {
    const c = r.cleaning;
    lines.push('');
    lines.push(`Cleaning: ${c.pages} pages of extraction/dev, ${c.warmupPages} warm-up pages, ${c.passes} timed pass(es), extractors interleaved per page, one core`);
    lines.push('');
    lines.push('| mode | extractor | median ms | p95 ms | pages/s | F1 | P | R |');
    lines.push('|---|---|---:|---:|---:|---:|---:|---:|');
    for (const mode of c.modes) {
      for (const e of mode.extractors) lines.push(`| ${mode.mode} | ${e.name} | ${f(e.medianMs, 1)} | ${f(e.p95Ms, 1)} | ${f(e.pagesPerSec, 2)} | ${f(e.quality.f1, 3)} | ${f(e.quality.precision, 3)} | ${f(e.quality.recall, 3)} |`);
    }
    lines.push('');
    lines.push(`Readability+jsdom / ours (html, default DOM): ${f(c.speedup.median)}× by median, ${f(c.speedup.throughput)}× by throughput; vs the eval's stripped Readability: ${f(c.speedupVsStripped.median)}× / ${f(c.speedupVsStripped.throughput)}×; F1 difference ${c.f1Delta >= 0 ? '+' : ''}${f(c.f1Delta, 4)}`);
  }
  if (r.memory) {
    const mm = r.memory;
    lines.push('');
    lines.push(`Memory: cleanArticle (${mm.mode}, ${mm.dom} DOM) cycling ${mm.distinctPages} pages, fresh process, gc ${mm.gcExposed ? 'forced' : 'NOT exposed'} before each sample, ${mm.seconds} s`);
    lines.push('');
    lines.push('| pages | heap used MB | heap total MB | RSS MB |');
    lines.push('|---:|---:|---:|---:|');
    for (const s of [mm.start, ...mm.samples]) lines.push(`| ${s.pages} | ${f(s.heapUsedMB, 1)} | ${f(s.heapTotalMB, 1)} | ${f(s.rssMB, 1)} |`);
  }
  if (r.endToEnd) {
    const e = r.endToEnd;
    lines.push('');
    lines.push(
      `End to end: ${e.articles} generated articles, in-process queue and handler, s3rver${e.dynamo === 'dynalite' ? ' + dynalite in a server process' : ` in a server process + ${e.dynamo}`}, queue concurrency ${e.queue.concurrency} × batch ${e.queue.batchSize} (handler works ${e.queue.handlerBatchParallelism} messages of a batch at once), ${e.queue.uploadConcurrency} parallel uploads: ` +
        `uploads ${f(e.uploadSeconds, 1)} s (handled as they arrive) + ${f(e.processSeconds, 1)} s after the last upload = ${f(e.totalSeconds, 1)} s → ${f(e.articlesPerSec, 1)} articles/s; ` +
        (e.processCores === undefined ? '' : `both processes used ${f(e.processCores, 2)} cores, ${f(e.cpuMsPerArticle, 1)} ms CPU per article`) +
        (e.serverCpuMsPerArticle === undefined ? '; ' : ` (handler process ${f(e.handlerCpuMsPerArticle, 1)}, server process ${f(e.serverCpuMsPerArticle, 1)}: ${f(e.cpuBoundArticlesPerSec, 1)} articles/s if both cores were free); `) +
        `outcomes ${JSON.stringify(e.outcomes)}, ${e.messageFailures} message failures retried, ${e.deadLetters} dead letters, dedupe ${e.dedupeWired ? 'on' : 'NOT wired'}`,
    );
  }
  if (r.dedupeScale) {
    const d = r.dedupeScale;
    const commands = [...new Set(d.windows.flatMap((w) => Object.keys(w.callsPerArticle)))].sort();
    lines.push('');
    lines.push(`Dedupe scale: windows of ${d.windows[0]?.articles} new articles (${d.windows[0]?.copies} of them copies of stored ones), DynamoDB calls counted by SDK middleware, capacity from ReturnConsumedCapacity=TOTAL added by the middleware (${d.dynamo} reports it); store filled for them with batch writes of fingerprints assigned in memory, ${f(d.preloadSeconds, 0)} s`);
    lines.push('');
    lines.push(`| stored | ${commands.map((c) => c.replace(/Command$/, '')).join(' | ')} | calls/article | capacity units/article |`);
    lines.push(`|---:|${commands.map(() => '---:').join('|')}|---:|---:|`);
    for (const w of d.windows) lines.push(`| ${w.storedBefore} | ${commands.map((c) => f(w.callsPerArticle[c] ?? 0, 2)).join(' | ')} | ${f(w.totalCallsPerArticle, 2)} | ${w.capacityPerArticle ? f(w.capacityPerArticle.total, 2) : 'not reported'} |`);
  }
  if (r.lambda) {
    const l = r.lambda;
    lines.push('');
    lines.push(
      `Lambda shape: esbuild ${l.entry} --bundle --platform=node --target=${l.esbuild.target}${l.esbuild.minify ? ' --minify' : ''}${l.esbuild.sourcemap ? ' --sourcemap' : ''}${l.esbuild.sourcesContent ? '' : ' --sources-content=false'} ${l.esbuild.external.map((e) => `--external:${e}`).join(' ')} (AWS SDK bundled, as the construct sets): ` +
        `index.js ${f(l.bundleMB)} MB, source map ${f(l.sourceMapMB)} MB, node_modules ${l.nodeModules.roots.length ? `${l.nodeModules.roots.join(', ')} + deps ${l.nodeModules.packages} packages ${f(l.nodeModules.MB)} MB` : 'none'}; ` +
        `init: require ${f(l.init.requireMedianMs, 0)} ms median (max ${f(l.init.requireMaxMs, 0)}; CPU ${f(l.init.requireCpuMedianMs, 0)} ms median), whole process ${f(l.init.processMedianMs, 0)} ms median, ${l.init.spawns} spawns`,
    );
  }
  if (r.cost) lines.push('', renderCostTable(r.cost));
  for (const e of r.errors ?? []) lines.push(`\nSECTION FAILED: ${e}`);
  lines.push('');
  lines.push(`Section wall times (s): ${Object.entries(r.sectionSeconds).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return lines.join('\n');
}

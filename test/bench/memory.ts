/**
 * Section 2, memory: our cleaner over the dev pages in a loop (cycling), heap and RSS
 * sampled after given page counts, each after a full collection. Runs in a fresh child
 * process started with --expose-gc so earlier sections do not colour the numbers.
 *
 *   tsx test/bench/memory.ts --json '<MemoryOptions>'   (prints MemoryResult as JSON)
 */
import { spawn } from 'node:child_process';
import { cleanArticle } from '../../lambdas/core/clean';
import { readPage, type Mode } from '../eval/run-eval';
import { EXTRACTION_DEV, collectGarbage, pageIds, round, toMB } from './common';

export interface MemoryOptions {
  dataDir?: string;
  /** Page counts after which memory is sampled; growth is last minus first. */
  checkpoints?: number[];
  mode?: Mode;
  dom?: 'jsdom' | 'linkedom';
  /** Distinct pages to cycle through (default all). */
  limit?: number;
}

export interface MemorySample {
  pages: number;
  heapUsedMB: number;
  heapTotalMB: number;
  rssMB: number;
  externalMB: number;
}

export interface MemoryResult {
  mode: Mode;
  dom: string;
  distinctPages: number;
  gcExposed: boolean;
  /** Before the first page (after loading the pages and one warm-up page). */
  start: MemorySample;
  samples: MemorySample[];
  heapGrowthMB: number;
  rssGrowthMB: number;
  seconds: number;
}

function sample(pages: number): MemorySample {
  const m = process.memoryUsage();
  return { pages, heapUsedMB: round(toMB(m.heapUsed), 1), heapTotalMB: round(toMB(m.heapTotal), 1), rssMB: round(toMB(m.rss), 1), externalMB: round(toMB(m.external), 1) };
}

/** In this process. Without --expose-gc the samples include uncollected garbage (gcExposed false). */
export function measureMemory(opts: MemoryOptions = {}): MemoryResult {
  const dataDir = opts.dataDir ?? EXTRACTION_DEV;
  const mode = opts.mode ?? 'html';
  const checkpoints = [...(opts.checkpoints ?? [100, 500, 1000])].sort((a, b) => a - b);
  const ids = pageIds(dataDir).slice(0, opts.limit ?? undefined);
  const pages = ids.map((id) => readPage(dataDir, id, mode));
  const clean = (i: number) => cleanArticle({ content: pages[i % pages.length], format: mode }, opts.dom ? { dom: opts.dom } : {});
  clean(0);
  const gcExposed = collectGarbage();
  const start = sample(0);
  const t0 = performance.now();
  const samples: MemorySample[] = [];
  let done = 0;
  for (const cp of checkpoints) {
    for (; done < cp; done++) clean(done);
    collectGarbage();
    samples.push(sample(done));
  }
  const first = samples[0];
  const last = samples[samples.length - 1];
  return {
    mode,
    dom: opts.dom ?? 'default',
    distinctPages: pages.length,
    gcExposed,
    start,
    samples,
    heapGrowthMB: round(last.heapUsedMB - first.heapUsedMB, 1),
    rssGrowthMB: round(last.rssMB - first.rssMB, 1),
    seconds: round((performance.now() - t0) / 1000, 1),
  };
}

/** In a fresh `node --expose-gc` process (through tsx, like `npm run bench` itself). */
export function runMemory(opts: MemoryOptions = {}): Promise<MemoryResult> {
  const tsxCli = require.resolve('tsx/cli');
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --expose-gc`.trim() };
    const child = spawn(process.execPath, [tsxCli, __filename, '--json', JSON.stringify(opts)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`memory child exited with ${code}: ${err.slice(-2000)}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as MemoryResult);
      } catch (e) {
        reject(new Error(`memory child printed no result: ${String(e)}\n${out.slice(-2000)}${err.slice(-2000)}`));
      }
    });
  });
}

if (require.main === module) {
  const i = process.argv.indexOf('--json');
  const opts = (i >= 0 ? JSON.parse(process.argv[i + 1]) : {}) as MemoryOptions;
  process.stdout.write(`${JSON.stringify(measureMemory(opts))}\n`);
}

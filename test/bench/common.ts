/** Shared helpers of the benchmark sections: data location, statistics, formatting. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const SHARED = process.env.NEWS_INGEST_SHARED ?? path.resolve(REPO_ROOT, '../shared');
export const EXTRACTION_DEV = path.join(SHARED, 'bench/extraction/dev');
export const SCORER = path.join(SHARED, 'bench/score.mjs');

/** Sorted page ids of an extraction split (the keys of its ground truth). */
export function pageIds(dataDir = EXTRACTION_DEV): string[] {
  const truth = JSON.parse(fs.readFileSync(path.join(dataDir, 'ground-truth.json'), 'utf8')) as Record<string, unknown>;
  return Object.keys(truth).sort();
}

/** Nearest-rank quantile of an unsorted sample (q in 0..1). */
export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

export const median = (xs: number[]) => quantile(xs, 0.5);
export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
export const MB = 1024 * 1024;
export const toMB = (bytes: number) => bytes / MB;

export interface Timing {
  /** Pages timed (after warm-up). */
  n: number;
  medianMs: number;
  p95Ms: number;
  meanMs: number;
  /** Pages per second over the summed time of the timed pages (one core). */
  pagesPerSec: number;
}

export function timing(samplesMs: number[]): Timing {
  const total = sum(samplesMs);
  return {
    n: samplesMs.length,
    medianMs: median(samplesMs),
    p95Ms: quantile(samplesMs, 0.95),
    meanMs: samplesMs.length ? total / samplesMs.length : NaN,
    pagesPerSec: total > 0 ? (samplesMs.length * 1000) / total : NaN,
  };
}

/** Call the collector when node runs with --expose-gc; report whether it could. */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== 'function') return false;
  gc();
  gc();
  return true;
}

/** A short description of the machine the numbers come from. */
export function machine(): { node: string; cpus: number; cpuModel: string; loadAvg1m: number; loadAvg5m: number; totalMemMB: number } {
  const cpus = os.cpus();
  const [l1, l5] = os.loadavg();
  return { node: process.version, cpus: os.availableParallelism?.() ?? cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', loadAvg1m: round(l1, 2), loadAvg5m: round(l5, 2), totalMemMB: Math.round(toMB(os.totalmem())) };
}

export const round = (n: number, digits = 3) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n);

export function log(quiet: boolean | undefined, msg: string): void {
  if (!quiet) process.stderr.write(`[bench] ${msg}\n`);
}

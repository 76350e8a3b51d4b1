/**
 * Sections 3 and 4, the embedded runtime: generated articles uploaded to the local S3,
 * queued by its bucket notification and handled by the real ingest handler (clean, dedupe,
 * store) on dynalite (default) or DynamoDB Local, both in one runtime (runPipeline). The
 * handler runs in this process, the servers in the runtime's server process.
 *
 * - end to end: articles/s for n articles, upload through stored records.
 * - dedupe scale: DynamoDB calls (by command) and consumed capacity per article for a
 *   window of new articles once 1k and once 10k articles are stored, counted by SDK
 *   middleware on the DynamoDB client (wrapClients). The store is filled for them with batch
 *   writes of fingerprints the dedupe core assigned in memory (preload.ts); the windows
 *   themselves go through the real upload → queue → handler path.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AwsClients } from '../../lambdas/adapters/clients';
import { collectFiles } from '../../lambdas/local/files';
import { UPLOAD_CONCURRENCY, uploadAndProcess, type UploadFailure } from '../../lambdas/local/ingest-files';
import { LOCAL_QUEUE_DEFAULTS } from '../../lambdas/local/local-queue';
import { startLocalRuntime, type LocalRuntime } from '../../lambdas/local/runtime';
import type { IngestOutcome } from '../../lambdas/handlers/ingest-object';
import { generateArticle } from '../support/generate';
import { log, round } from './common';
import { IndexPreloader, OUTLETS } from './preload';

export interface QueueShape {
  concurrency: number;
  batchSize: number;
}

export const DEFAULT_QUEUE: QueueShape = { concurrency: LOCAL_QUEUE_DEFAULTS.concurrency, batchSize: LOCAL_QUEUE_DEFAULTS.batchSize };

const DRAIN_TIMEOUT_MS = 2 * 60 * 60_000;

type Outcomes = Partial<Record<IngestOutcome, number>>;

/** Write generated articles n in [from, to) as text dumps, one directory per outlet (the uploader takes the outlet from it). */
function writeArticles(dir: string, from: number, to: number, copiesOf: number[] = []): string {
  const batch = fs.mkdtempSync(path.join(dir, 'batch-'));
  for (const o of OUTLETS) fs.mkdirSync(path.join(batch, o));
  for (let n = from; n < to; n++) fs.writeFileSync(path.join(batch, OUTLETS[n % OUTLETS.length], `article-${n}.txt`), generateArticle(n).text);
  // Syndicated copies: an earlier article's text again, under another outlet and key.
  for (const n of copiesOf) fs.writeFileSync(path.join(batch, OUTLETS[(n + 1) % OUTLETS.length], `copy-of-${n}-${to}.txt`), generateArticle(n).text);
  return batch;
}

interface Started {
  rt: LocalRuntime;
  outcomes: Outcomes;
  failures: { count: number; last: string | null };
  tmp: string;
  stop(): Promise<void>;
}

export type BenchDynamo = 'dynalite' | 'dynamodb-local';

async function start(queue: QueueShape, dynamo: BenchDynamo, wrapClients?: (c: AwsClients) => AwsClients): Promise<Started> {
  const outcomes: Outcomes = {};
  const rt = await startLocalRuntime({
    dataDir: null,
    dynamo,
    queue: { concurrency: queue.concurrency, batchSize: queue.batchSize },
    logLevel: 'warn',
    observer: { onOutcome: (o) => void (outcomes[o] = (outcomes[o] ?? 0) + 1) },
    wrapClients,
  });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-ingest-bench-'));
  // The handler reads deps.log at call time: count failed messages instead of printing them.
  const failures = { count: 0, last: null as string | null };
  const log = rt.deps.log;
  rt.deps.log = {
    ...log,
    error: (msg, fields) => {
      failures.count++;
      failures.last = `${msg} ${JSON.stringify(fields ?? {})}`;
    },
  };
  return {
    rt,
    outcomes,
    failures,
    tmp,
    stop: async () => {
      await rt.stop();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

const cpuSeconds = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;

async function ingestBatch(
  s: Started,
  from: number,
  to: number,
  copiesOf: number[] = [],
): Promise<{ files: number; uploadSeconds: number; totalSeconds: number; cpuSeconds: number; serverCpuSeconds: number }> {
  const files = collectFiles([writeArticles(s.tmp, from, to, copiesOf)]);
  const server0 = await s.rt.serverCpuUsage();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  // What `news-ingest ingest` does (processing starts while uploads go on), with a drain bound long enough for a loaded machine.
  let uploaded = 0;
  let uploadDone = t0;
  const failed: UploadFailure[] = [];
  const hooks = { onUploaded: () => void (++uploaded === files.length && (uploadDone = performance.now())), onFailed: (f: UploadFailure) => void failed.push(f) };
  await uploadAndProcess(s.rt, files, hooks, DRAIN_TIMEOUT_MS);
  if (failed.length > 0) throw new Error(`${failed.length} uploads failed, first: ${failed[0].message}`);
  const t1 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const server = cpuSeconds(await s.rt.serverCpuUsage()) - cpuSeconds(server0);
  return { files: files.length, uploadSeconds: (uploadDone - t0) / 1000, totalSeconds: (t1 - t0) / 1000, cpuSeconds: cpuSeconds(cpu), serverCpuSeconds: server };
}

export interface EndToEndResult {
  articles: number;
  dynamo: BenchDynamo;
  queue: QueueShape & { handlerBatchParallelism: number; uploadConcurrency: number };
  /** Until the last upload returned (the queue delivers to the handler meanwhile). */
  uploadSeconds: number;
  /** From the last upload to the queue drained: every message handled (clean, dedupe, store). */
  processSeconds: number;
  totalSeconds: number;
  /** Articles over the total (upload start → last record stored). */
  articlesPerSec: number;
  /** Articles over the time after the last upload (handling overlaps the uploads, so this overstates). */
  processArticlesPerSec: number;
  /**
   * CPU time of both processes (this one: queue, handler, SDK clients; the server process:
   * s3rver and dynalite; DynamoDB Local runs in its own JVM and is not counted) over wall time.
   */
  processCores: number;
  /** CPU per article, both processes. */
  cpuMsPerArticle: number;
  handlerCpuMsPerArticle: number;
  serverCpuMsPerArticle: number;
  /**
   * What the CPU use allows with two idle cores: each process bounded by one core, both
   * together by two. On a shared machine the wall-clock rate is lower; this is not.
   */
  cpuBoundArticlesPerSec: number;
  outcomes: Outcomes;
  /** Handler invocations that failed a message (retried after the visibility timeout, as SQS does). */
  messageFailures: number;
  deadLetters: number;
  dedupeWired: boolean;
}

/** DynamoDB calls by command name and consumed capacity, counted on the client. */
export class DynamoCounter {
  calls: Record<string, number> = {};
  capacity = { read: 0, write: 0, total: 0, responsesWithCapacity: 0 };
  counting = false;

  attach(dynamo: DynamoDBClient): void {
    dynamo.middlewareStack.add(
      (next, context) => async (args) => {
        if (!this.counting) return next(args);
        const name = context.commandName ?? 'unknown';
        this.calls[name] = (this.calls[name] ?? 0) + 1;
        // Ask for capacity on the request itself, so no adapter changes.
        const input = args.input as Record<string, unknown>;
        if (input && typeof input === 'object' && CAPACITY_COMMANDS.has(name) && input.ReturnConsumedCapacity === undefined) input.ReturnConsumedCapacity = 'TOTAL';
        const out = await next(args);
        this.addCapacity((out.output as { ConsumedCapacity?: unknown }).ConsumedCapacity);
        return out;
      },
      { step: 'initialize', name: 'benchDynamoCounter' },
    );
  }

  private addCapacity(c: unknown): void {
    const list = (Array.isArray(c) ? c : c ? [c] : []) as { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number }[];
    if (list.length) this.capacity.responsesWithCapacity++;
    for (const x of list) {
      this.capacity.total += x.CapacityUnits ?? 0;
      this.capacity.read += x.ReadCapacityUnits ?? 0;
      this.capacity.write += x.WriteCapacityUnits ?? 0;
    }
  }

  reset(): void {
    this.calls = {};
    this.capacity = { read: 0, write: 0, total: 0, responsesWithCapacity: 0 };
  }
}

const CAPACITY_COMMANDS = new Set(['BatchExecuteStatementCommand', 'GetItemCommand', 'PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'QueryCommand', 'ScanCommand', 'BatchGetItemCommand', 'BatchWriteItemCommand', 'TransactGetItemsCommand', 'TransactWriteItemsCommand']);

export interface DedupeWindow {
  /** Articles stored when the window started. */
  storedBefore: number;
  /** The size this window was meant to be measured at. */
  targetStored: number;
  articles: number;
  /** Of them, copies of stored articles (text again under another outlet). */
  copies: number;
  callsPerArticle: Record<string, number>;
  totalCallsPerArticle: number;
  /** Capacity units per article as DynamoDB (dynalite) reports them; null when it reported none. */
  capacityPerArticle: { total: number; read: number; write: number } | null;
  outcomes: Outcomes;
  messageFailures: number;
  seconds: number;
}

export interface DedupeScaleResult {
  dynamo: BenchDynamo;
  queue: QueueShape;
  dedupeWired: boolean;
  windows: DedupeWindow[];
  /** Calls per article in the last window over the first. */
  callsRatio: number;
  capacityRatio: number | null;
  preloadSeconds: number;
  /** False when the pre-load time budget ran out before the last size was stored. */
  reachedAllSizes: boolean;
}

export interface PipelineOptions {
  /** Articles for the end-to-end run (they also form the first part of the dedupe pre-load). */
  articles?: number;
  /** DynamoDB server: dynalite in process (default) or DynamoDB Local in its own JVM. */
  dynamo?: BenchDynamo;
  queue?: QueueShape;
  /** Stored-article counts at which a dedupe window is measured. */
  dedupeSizes?: number[];
  dedupeWindow?: number;
  /** Share of each window that copies a stored article. */
  copyShare?: number;
  /** Stop pre-loading after this long and measure the last window at what is stored. */
  preloadBudgetSeconds?: number;
  /** Called when the timed end-to-end run is over (the caller may start untimed work then). */
  afterEndToEnd?: () => void;
  quiet?: boolean;
}

/** Pre-load step (articles assigned in memory, then batch-written); the time budget is checked between steps. */
const PRELOAD_CHUNK = 1000;

/**
 * One runtime for both: the end-to-end run's articles stay stored and count towards the
 * dedupe pre-load. The call-counting middleware is on the client throughout but only
 * counts inside a window.
 */
export async function runPipeline(opts: PipelineOptions = {}): Promise<{ endToEnd: EndToEndResult; dedupeScale: DedupeScaleResult }> {
  const n = opts.articles ?? 1000;
  const queue = opts.queue ?? DEFAULT_QUEUE;
  const sizes = [...(opts.dedupeSizes ?? [1000, 10_000])].sort((a, b) => a - b);
  const windowSize = opts.dedupeWindow ?? 200;
  const copies = Math.round(windowSize * (opts.copyShare ?? 0.1));
  const budget = opts.preloadBudgetSeconds ?? Infinity;
  const counter = new DynamoCounter();
  const dynamo = opts.dynamo ?? 'dynalite';
  const s = await start(queue, dynamo, (c) => {
    counter.attach(c.dynamo);
    return c;
  });
  const resetOutcomes = () => {
    for (const k of Object.keys(s.outcomes)) delete s.outcomes[k as IngestOutcome];
    s.failures.count = 0;
  };
  try {
    // Warm the handler path (module code, SDK connections) outside the timed run.
    await ingestBatch(s, 90_000_000, 90_000_005);
    resetOutcomes();
    log(opts.quiet, `end to end: ${n} generated articles, queue concurrency ${queue.concurrency}, batch ${queue.batchSize}`);
    const r = await ingestBatch(s, 0, n);
    const endToEnd: EndToEndResult = {
      articles: r.files,
      dynamo,
      queue: { ...queue, handlerBatchParallelism: 4, uploadConcurrency: UPLOAD_CONCURRENCY },
      uploadSeconds: round(r.uploadSeconds, 2),
      processSeconds: round(r.totalSeconds - r.uploadSeconds, 2),
      totalSeconds: round(r.totalSeconds, 2),
      articlesPerSec: round(r.files / r.totalSeconds, 1),
      processArticlesPerSec: round(r.files / (r.totalSeconds - r.uploadSeconds), 1),
      processCores: round((r.cpuSeconds + r.serverCpuSeconds) / r.totalSeconds, 2),
      cpuMsPerArticle: round(((r.cpuSeconds + r.serverCpuSeconds) * 1000) / r.files, 1),
      handlerCpuMsPerArticle: round((r.cpuSeconds * 1000) / r.files, 1),
      serverCpuMsPerArticle: round((r.serverCpuSeconds * 1000) / r.files, 1),
      cpuBoundArticlesPerSec: round(r.files / Math.max(r.cpuSeconds, r.serverCpuSeconds, (r.cpuSeconds + r.serverCpuSeconds) / 2), 1),
      outcomes: { ...s.outcomes },
      messageFailures: s.failures.count,
      deadLetters: s.rt.queue.deadLetters.list().length,
      dedupeWired: s.rt.deps.dedupe !== null,
    };
    log(opts.quiet, `end to end: ${endToEnd.articlesPerSec} articles/s`);
    opts.afterEndToEnd?.();

    const windows: DedupeWindow[] = [];
    // Generated article numbers: the pre-load continues from the end-to-end ones, windows draw far above.
    let nextN = n;
    let stored = n;
    let preloadSeconds = 0;
    let reachedAllSizes = true;
    let windowN = 50_000_000;
    const preloader = new IndexPreloader(s.rt);
    for (const size of sizes) {
      const t0 = performance.now();
      while (stored < size) {
        if (preloadSeconds + (performance.now() - t0) / 1000 > budget) {
          reachedAllSizes = false;
          break;
        }
        const count = Math.min(size - stored, PRELOAD_CHUNK);
        log(opts.quiet, `dedupe scale: pre-loading to ${stored + count} stored (target ${size})`);
        await preloader.load(nextN, nextN + count);
        nextN += count;
        stored += count;
      }
      preloadSeconds += (performance.now() - t0) / 1000;
      if (windows.length && stored <= windows[windows.length - 1].storedBefore + windowSize) break;
      resetOutcomes();
      // Copies of pre-loaded articles, spread over those numbers.
      const copyOf = Array.from({ length: copies }, (_, i) => Math.floor(((i + 0.5) * nextN) / copies));
      for (const c of copyOf) await preloader.ensureRecord(c);
      const fresh = windowSize - copies;
      counter.reset();
      counter.counting = true;
      const w = await ingestBatch(s, windowN, windowN + fresh, copyOf);
      counter.counting = false;
      windowN += fresh;
      const per = (x: number) => round(x / w.files, 3);
      const totalCalls = Object.values(counter.calls).reduce((a, b) => a + b, 0);
      windows.push({
        storedBefore: stored,
        targetStored: size,
        articles: w.files,
        copies,
        callsPerArticle: Object.fromEntries(Object.entries(counter.calls).sort().map(([k, v]) => [k, per(v)])),
        totalCallsPerArticle: per(totalCalls),
        capacityPerArticle: counter.capacity.responsesWithCapacity > 0 ? { total: per(counter.capacity.total), read: per(counter.capacity.read), write: per(counter.capacity.write) } : null,
        outcomes: { ...s.outcomes },
        messageFailures: s.failures.count,
        seconds: round(w.totalSeconds, 1),
      });
      stored += w.files;
      log(opts.quiet, `dedupe scale: window at ${windows[windows.length - 1].storedBefore} stored: ${per(totalCalls)} calls/article`);
    }
    const first = windows[0];
    const last = windows[windows.length - 1];
    return {
      endToEnd,
      dedupeScale: {
        dynamo,
        queue,
        dedupeWired: s.rt.deps.dedupe !== null,
        windows,
        callsRatio: round(last.totalCallsPerArticle / first.totalCallsPerArticle),
        capacityRatio: first.capacityPerArticle && last.capacityPerArticle ? round(last.capacityPerArticle.total / first.capacityPerArticle.total) : null,
        preloadSeconds: round(preloadSeconds, 1),
        reachedAllSizes,
      },
    };
  } finally {
    await s.stop();
  }
}

import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClients, LOCAL_CREDENTIALS, type AwsClients } from '../adapters/clients';
import { ensureBucket, ensureTable } from '../adapters/provision';
import { ARTICLES_TABLE, FINGERPRINT_TABLE } from '../core/schema';
import { notAnUpload, s3EventMessage } from '../core/ingest/s3-event';
import type { BaseRuleTable } from '../core/rules';
import { buildIngestDeps, type ResourceNames } from '../handlers/ingest-deps';
import { createIngestHandler, type BatchObserver } from '../handlers/ingest-handler';
import type { IngestDeps } from '../handlers/ingest-object';
import type { Logger } from '../handlers/log';
import type { MetricSink } from '../handlers/metrics';
import { dataPaths, startDynamoDbLocal, type RunningServer } from './servers';
import { startServerHost } from './server-host';
import { LocalQueue, MemoryDeadLetters, type LocalQueueOptions } from './local-queue';
import { FileDeadLetters } from './file-dead-letters';

/** Physical names in the local runtime (CDK generates its own in AWS). */
export const LOCAL_NAMES = {
  bucket: 'news-ingest-raw',
  articlesTable: 'news-ingest-articles',
  fingerprintTable: 'news-ingest-fingerprints',
} as const;

export interface LocalRuntimeOptions {
  /** Where state persists between invocations; null keeps everything in a temp dir removed on stop. */
  dataDir: string | null;
  dynamo?: 'dynalite' | 'dynamodb-local';
  queue?: Partial<Omit<LocalQueueOptions, 'deadLetters'>>;
  maxObjectBytes?: number;
  logLevel?: string;
  /** Replaces the handler's logger (tests capture what it writes). */
  log?: Logger;
  /** Where the handler counts outcomes (tests read them); none by default, so no EMF reaches the CLI's output. */
  metrics?: MetricSink;
  observer?: BatchObserver;
  /** Extra rule tables (tests, experiments); they change the rules version. */
  extraRules?: BaseRuleTable[];
  /** Lets tests wrap the clients (fault injection, call counting). */
  wrapClients?: (clients: AwsClients) => AwsClients;
}

export interface LocalRuntime {
  clients: AwsClients;
  names: ResourceNames & { bucket: string };
  deps: IngestDeps;
  queue: LocalQueue;
  /** The child process that runs the embedded servers (dynalite, s3rver). */
  serverPid: number;
  /** CPU time used by the server process so far. */
  serverCpuUsage(): Promise<NodeJS.CpuUsage>;
  s3Endpoint: string;
  dynamoEndpoint: string;
  stop(): Promise<void>;
}

export async function startLocalRuntime(opts: LocalRuntimeOptions): Promise<LocalRuntime> {
  const tempDir = opts.dataDir ? null : mkdtempSync(join(tmpdir(), 'news-ingest-'));
  const root = opts.dataDir ?? (tempDir as string);
  mkdirSync(root, { recursive: true });
  const paths = dataPaths(root);
  const started: RunningServer[] = [];
  const stopAll = async () => {
    for (const s of started.reverse()) await s.stop().catch(() => undefined);
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
  try {
    const javaDynamo = opts.dynamo === 'dynamodb-local';
    const host = await startServerHost({ s3Directory: paths.s3, dynalite: javaDynamo ? null : { directory: opts.dataDir ? paths.dynamo : null } });
    started.push({ endpoint: host.s3Endpoint, stop: host.stop });
    let dynamoEndpoint = host.dynamoEndpoint as string;
    if (javaDynamo) {
      const dynamo = await startDynamoDbLocal(opts.dataDir ? join(paths.dynamo, 'java') : null);
      started.push(dynamo);
      dynamoEndpoint = dynamo.endpoint;
    }

    const base = createClients({ s3Endpoint: host.s3Endpoint, dynamoEndpoint, credentials: LOCAL_CREDENTIALS, cacheMiddleware: true });
    const clients = opts.wrapClients ? opts.wrapClients(base) : base;
    const names = {
      bucket: LOCAL_NAMES.bucket,
      bodyBucket: LOCAL_NAMES.bucket,
      articlesTable: LOCAL_NAMES.articlesTable,
      fingerprintTable: LOCAL_NAMES.fingerprintTable,
    };
    await ensureBucket(base.s3, names.bucket);
    await ensureTable(base.dynamo, ARTICLES_TABLE, names.articlesTable);
    await ensureTable(base.dynamo, FINGERPRINT_TABLE, names.fingerprintTable);

    const deps = buildIngestDeps(clients, names, {
      maxObjectBytes: opts.maxObjectBytes,
      logLevel: opts.logLevel ?? 'warn',
      extraRules: opts.extraRules,
      log: opts.log,
      metrics: opts.metrics,
    });
    const deadLetters = opts.dataDir ? new FileDeadLetters(paths.deadLetters) : new MemoryDeadLetters();
    const queue = new LocalQueue(createIngestHandler(deps, opts.observer), { ...opts.queue, deadLetters, settle: host.settle });

    // What S3's bucket notification (prefix raw/) → SQS does in AWS.
    host.onObjectCreated((event) => {
      for (const r of event.Records) {
        const key = r.s3.object.key;
        if (!r.eventName.startsWith('ObjectCreated:') || notAnUpload({ bucket: r.s3.bucket.name, key }, names.bucket)) continue;
        queue.send(s3EventMessage({ bucket: r.s3.bucket.name, key, versionId: null, eTag: r.s3.object.eTag ?? null, size: r.s3.object.size ?? null }));
      }
    });

    return {
      clients,
      names,
      deps,
      queue,
      serverPid: host.pid,
      serverCpuUsage: host.cpuUsage,
      s3Endpoint: host.s3Endpoint,
      dynamoEndpoint,
      stop: async () => {
        base.s3.destroy();
        base.dynamo.destroy();
        await stopAll();
      },
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

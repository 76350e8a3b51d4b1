import { createClients } from '../adapters/clients';
import { DynamoArticleStore, type ArticleStore } from '../adapters/article-store';
import { S3ObjectStore } from '../adapters/object-store';
import { QueryService } from '../adapters/query-service';
import type { StackResources } from '../adapters/stack-outputs';
import type { BatchObserver } from '../handlers/ingest-handler';
import { createLogger } from '../handlers/log';
import type { LocalFile } from './files';
import { uploadAndProcessInOrder, uploadFiles, type UploadHooks } from './ingest-files';
import { startLocalRuntime, type LocalRuntime } from './runtime';
import { s3EndpointOverride } from './aws-options';
import { NotFoundError } from './exit-codes';

/**
 * Where CLI commands run: the embedded local runtime, or a deployed stack found by name.
 * Both expose the same store and query service, so every command works against either.
 */
export interface Backend {
  kind: 'local' | 'stack';
  articles: ArticleStore;
  /** Raw uploads (and offloaded bodies): the review UI shows the page as uploaded. */
  objects: S3ObjectStore;
  query: QueryService;
  /**
   * Uploads under raw/<outlet>/ and waits until the pipeline has written their records (against a
   * stack, at most `stackWaitMs`); returns their ids in the order of `files`, including those of
   * records that never came, and null for a file that could not be uploaded.
   */
  ingest(files: LocalFile[], hooks?: UploadHooks, stackWaitMs?: number): Promise<(string | null)[]>;
  /** The local runtime, when running locally (redrive and reprocess need it). */
  runtime: LocalRuntime | null;
  /** The deployed stack's resources, when running against one. */
  stack: StackResources | null;
  stop(): Promise<void>;
}

export interface BackendOptions {
  dataDir: string;
  stack?: string;
  observer?: BatchObserver;
}

export async function openBackend(opts: BackendOptions): Promise<Backend> {
  return opts.stack ? openStack(opts.stack, opts.observer) : openLocal(opts.dataDir, opts.observer);
}

async function openLocal(dataDir: string, observer?: BatchObserver): Promise<Backend> {
  // The handler logs to stdout as Lambda wants; here stdout carries the command's output (JSON
  // that scripts parse), so its log lines go to stderr.
  const log = createLogger('warn', (line) => process.stderr.write(line + '\n'));
  const rt = await startLocalRuntime({ dataDir, observer, log });
  return {
    kind: 'local',
    articles: rt.deps.articles,
    objects: rt.deps.objects,
    query: new QueryService(rt.deps.articles),
    ingest: (files, hooks) => uploadAndProcessInOrder(rt, files, hooks),
    runtime: rt,
    stack: null,
    stop: () => rt.stop(),
  };
}

/** How long `ingest --stack` waits for the deployed pipeline to write records, unless told otherwise. */
export const STACK_WAIT_MS = 15 * 60_000;

async function openStack(stackName: string, observer?: BatchObserver): Promise<Backend> {
  // Only stack mode needs CloudFormation: local commands never load its client.
  const { CloudFormationClient } = await import('@aws-sdk/client-cloudformation');
  const { resolveStack, StackNotFoundError } = await import('../adapters/stack-outputs');
  const cfn = new CloudFormationClient({});
  let res: StackResources;
  // The region the SDK resolved for CloudFormation (flag, environment or profile), not a default.
  const region = await cfn.config.region();
  try {
    res = await resolveStack(cfn, stackName);
  } catch (err) {
    throw err instanceof StackNotFoundError ? new NotFoundError(err.message) : err;
  } finally {
    cfn.destroy();
  }
  const s3Endpoint = s3EndpointOverride();
  const clients = createClients({ region, ...(s3Endpoint ? { s3Endpoint } : {}) });
  const objects = new S3ObjectStore(clients.s3);
  const articles = new DynamoArticleStore(clients.dynamo, res.articlesTable, { store: objects, bucket: res.rawBucket });
  return {
    kind: 'stack',
    articles,
    objects,
    query: new QueryService(articles),
    runtime: null,
    stack: res,
    ingest: async (files, hooks, stackWaitMs = STACK_WAIT_MS) => {
      const ids = await uploadFiles(objects, res.rawBucket, files, hooks);
      // The deployed Lambda runs asynchronously: poll (bounded) until every record exists.
      const pending = new Set(ids.filter((id): id is string => id !== null));
      const deadline = Date.now() + stackWaitMs;
      while (pending.size > 0 && Date.now() < deadline) {
        for (const id of [...pending]) {
          const rec = await articles.get(id);
          if (rec) {
            pending.delete(id);
            observer?.onOutcome?.(rec.status, id);
          }
        }
        if (pending.size > 0) await new Promise((r) => setTimeout(r, Math.min(2000, Math.max(0, deadline - Date.now()))));
      }
      return ids;
    },
    stop: async () => {
      clients.s3.destroy();
      clients.dynamo.destroy();
    },
  };
}

import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { createClients } from '../adapters/clients';
import { DynamoArticleStore, type ArticleStore } from '../adapters/article-store';
import { S3ObjectStore } from '../adapters/object-store';
import { QueryService } from '../adapters/query-service';
import { resolveStack, type StackResources } from '../adapters/stack-outputs';
import type { BatchObserver } from '../handlers/ingest-handler';
import type { LocalFile } from './files';
import { uploadAndProcess, uploadFiles, type UploadHooks } from './ingest-files';
import { startLocalRuntime, type LocalRuntime } from './runtime';

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
  /** Uploads under raw/<outlet>/ and waits until the pipeline has written their records; returns their ids. */
  ingest(files: LocalFile[], hooks?: UploadHooks): Promise<string[]>;
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
  const rt = await startLocalRuntime({ dataDir, observer });
  return {
    kind: 'local',
    articles: rt.deps.articles,
    objects: rt.deps.objects,
    query: new QueryService(rt.deps.articles),
    ingest: (files, hooks) => uploadAndProcess(rt, files, hooks),
    runtime: rt,
    stack: null,
    stop: () => rt.stop(),
  };
}

/** How long `ingest --stack` waits for the deployed pipeline to write records. */
const STACK_WAIT_MS = 15 * 60_000;

async function openStack(stackName: string, observer?: BatchObserver): Promise<Backend> {
  const clients = createClients();
  const cfn = new CloudFormationClient({});
  const res = await resolveStack(cfn, stackName);
  cfn.destroy();
  const objects = new S3ObjectStore(clients.s3);
  const articles = new DynamoArticleStore(clients.dynamo, res.articlesTable, { store: objects, bucket: res.rawBucket });
  return {
    kind: 'stack',
    articles,
    objects,
    query: new QueryService(articles),
    runtime: null,
    stack: res,
    ingest: async (files, hooks) => {
      const ids = await uploadFiles(objects, res.rawBucket, files, hooks);
      // The deployed Lambda runs asynchronously: poll (bounded) until every record exists.
      const pending = new Set(ids);
      const deadline = Date.now() + STACK_WAIT_MS;
      while (pending.size > 0 && Date.now() < deadline) {
        for (const id of [...pending]) {
          const rec = await articles.get(id);
          if (rec) {
            pending.delete(id);
            observer?.onOutcome?.(rec.status, id);
          }
        }
        if (pending.size > 0) await new Promise((r) => setTimeout(r, 2000));
      }
      return ids;
    },
    stop: async () => {
      clients.s3.destroy();
      clients.dynamo.destroy();
    },
  };
}

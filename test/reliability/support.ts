/** Helpers shared by the reliability suites. */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { AwsClients } from '../../lambdas/adapters/clients';
import { articleId } from '../../lambdas/core/ingest/article-id';
import type { ArticleRecord } from '../../lambdas/core/types';
import type { LocalRuntime } from '../../lambdas/local/runtime';

export interface CommandCall {
  service: 's3' | 'dynamo';
  command: string;
  key?: string;
}

type Next<A, R> = (args: A) => Promise<R>;

/** Records every SDK command the clients send (once per command, before retries). */
export function countCommands(calls: CommandCall[]): (clients: AwsClients) => AwsClients {
  const counter =
    (service: CommandCall['service']) =>
    <A extends { input: object }, R>(next: Next<A, R>, context: { commandName?: string }): Next<A, R> =>
    async (args) => {
      const key = (args.input as { Key?: unknown }).Key;
      calls.push({ service, command: String(context.commandName), key: typeof key === 'string' ? key : undefined });
      return next(args);
    };
  return (clients) => {
    clients.s3.middlewareStack.add(counter('s3'), { step: 'initialize', name: 'reliabilityCountS3' });
    clients.dynamo.middlewareStack.add(counter('dynamo'), { step: 'initialize', name: 'reliabilityCountDynamo' });
    return clients;
  };
}

/** Upload as a user would; returns the id the handler will give the record. */
export async function upload(
  rt: LocalRuntime,
  key: string,
  body: Uint8Array | string,
  opts: { contentType?: string; outlet?: string } = {},
): Promise<{ id: string; eTag: string; size: number }> {
  const res = await rt.clients.s3.send(
    new PutObjectCommand({
      Bucket: rt.names.bucket,
      Key: key,
      Body: body,
      ...(opts.contentType ? { ContentType: opts.contentType } : {}),
      ...(opts.outlet ? { Metadata: { outlet: opts.outlet } } : {}),
    }),
  );
  const eTag = (res.ETag ?? '').replace(/"/g, '');
  const size = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  return { id: articleId(rt.names.bucket, key, res.VersionId ?? eTag), eTag, size };
}

export async function allRecords(rt: LocalRuntime): Promise<ArticleRecord[]> {
  const out: ArticleRecord[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 10_000; i++) {
    const page = await rt.deps.articles.scanAll({ cursor, limit: 500 });
    out.push(...page.items);
    cursor = page.cursor;
    if (!cursor) return out;
  }
  throw new Error('scanAll did not finish');
}

/** Wait (bounded) until the bucket notifications of `n` uploads have reached the queue. */
export async function waitForDepth(rt: LocalRuntime, n: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (rt.queue.depth < n) {
    if (Date.now() > deadline) throw new Error(`queue depth ${rt.queue.depth}, expected ${n}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Summary lines go to stdout directly, so they show in jest's output without console decoration. */
export function report(line: string): void {
  process.stdout.write(`\n${line}\n`);
}

/** A one-sentence reason: one line, starts with a capital, ends with a full stop, no second sentence. */
export const ONE_SENTENCE = /^[A-Z][^\n]*[^.]\.$/;
export function isOneSentence(reason: string | null | undefined): boolean {
  return !!reason && reason.length <= 300 && ONE_SENTENCE.test(reason) && !/[.!?]\s+[A-Z]/.test(reason);
}

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

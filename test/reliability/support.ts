/** Helpers shared by the reliability suites. */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { AwsClients } from '../../lambdas/adapters/clients';
import { articleId } from '../../lambdas/core/ingest/article-id';
import type { ArticleRecord } from '../../lambdas/core/types';
import type { LocalRuntime } from '../../lambdas/local/runtime';
import { seededRandom } from '../support/random';

export interface CommandCall {
  service: 's3' | 'dynamo';
  command: string;
  key?: string;
  table?: string;
  /** Name of the error the command ended with, after the SDK's retries. */
  error?: string;
}

type Next<A, R> = (args: A) => Promise<R>;

/** Records every SDK command the clients send (once per command, before retries) and how it ended. */
export function countCommands(calls: CommandCall[]): (clients: AwsClients) => AwsClients {
  const counter =
    (service: CommandCall['service']) =>
    <A extends { input: object }, R>(next: Next<A, R>, context: { commandName?: string }): Next<A, R> =>
    async (args) => {
      const input = args.input as { Key?: unknown; TableName?: unknown };
      const call: CommandCall = {
        service,
        command: String(context.commandName),
        key: typeof input.Key === 'string' ? input.Key : undefined,
        table: typeof input.TableName === 'string' ? input.TableName : undefined,
      };
      calls.push(call);
      try {
        return await next(args);
      } catch (err) {
        call.error = (err as { name?: string }).name ?? 'Error';
        throw err;
      }
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
  const size = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  const res = await rt.clients.s3.send(
    new PutObjectCommand({
      Bucket: rt.names.bucket,
      Key: key,
      Body: body,
      ContentLength: size,
      ...(opts.contentType ? { ContentType: opts.contentType } : {}),
      ...(opts.outlet ? { Metadata: { outlet: opts.outlet } } : {}),
    }),
  );
  const eTag = (res.ETag ?? '').replace(/"/g, '');
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

export { seededRandom as rng };

export function shuffle<T>(items: T[], random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

const WORDS = (
  'council harbour ferry library budget school hospital river bridge market festival museum station railway airport ' +
  'farmers teachers nurses drivers workers residents students owners tenants voters officials engineers scientists ' +
  'announced approved rejected delayed opened closed funded reviewed doubled halved extended postponed questioned ' +
  'tuesday wednesday morning evening spring summer winter autumn january march october december weekend decade ' +
  'plan report survey vote strike storm flood fire shortage increase decision proposal contract inquiry election ' +
  'northern southern coastal rural central historic regional national local public private annual temporary ' +
  'water energy housing transport health education tourism fishing farming shipping planning policing heritage'
).split(' ');
const PLACES = ['Galway', 'Cork', 'Leeds', 'Bristol', 'Dundee', 'Aarhus', 'Bergen', 'Lyon', 'Porto', 'Gdansk', 'Utrecht', 'Tartu'];

export interface SyntheticArticle {
  key: string;
  outlet: string;
  title: string;
  paragraphs: string[];
  body: string;
}

/** Distinct, plausible articles: seeded word salad in sentence shape, no two alike. */
export function syntheticArticles(
  n: number,
  seed: number,
  outlets = ['north-star', 'the-ledger', 'coast-times', 'metro-wire', 'valley-post'],
): SyntheticArticle[] {
  const random = seededRandom(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(random() * a.length)];
  const sentence = (i: number) => {
    const words = Array.from({ length: 14 + Math.floor(random() * 10) }, () => pick(WORDS));
    return `In ${pick(PLACES)} the ${words.slice(0, 3).join(' ')} ${words.slice(3).join(' ')} (item ${i}).`;
  };
  return Array.from({ length: n }, (_, i) => {
    const outlet = outlets[i % outlets.length];
    const title = `${pick(PLACES)} ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} story ${i}`;
    const paragraphs = Array.from({ length: 4 }, (_, p) => `${sentence(i * 10 + p)} ${sentence(i * 10 + p + 5)}`);
    const asHtml = i % 3 === 0;
    const body = asHtml
      ? `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`
      : `${title}\n\n${paragraphs.join('\n\n')}\n`;
    return { key: `raw/${outlet}/2024/story-${String(i).padStart(4, '0')}.${asHtml ? 'html' : 'txt'}`, outlet, title, paragraphs, body };
  });
}

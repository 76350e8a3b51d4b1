import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRecord, cleanObject, type SourceMeta } from '../core/ingest/build-record';
import type { ArticleRecord } from '../core/types';
import { collectFiles } from './files';
import { countOutcome, emptyCounts, uploadAndProcess, type IngestCounts } from './ingest-files';
import { RECORD_COLUMNS, render, type OutputFormat } from './output';
import { startLocalRuntime, type LocalRuntime } from './runtime';
import { Progress } from './progress';

export interface GlobalOptions {
  dataDir: string;
  format: OutputFormat;
}

export class NotFoundError extends Error {}

export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

/** Start the embedded runtime for one command and always stop it. */
export async function withRuntime<T>(dataDir: string, fn: (rt: LocalRuntime) => Promise<T>, observer?: Parameters<typeof startLocalRuntime>[0]['observer']): Promise<T> {
  const rt = await startLocalRuntime({ dataDir, observer });
  try {
    return await fn(rt);
  } finally {
    await rt.stop();
  }
}

/** `clean`: the cleaner alone, no storage. */
export function cleanCommand(paths: string[], opts: GlobalOptions): void {
  const now = new Date().toISOString();
  const records = collectFiles(paths).map((f) => {
    const bytes = readFileSync(f.path);
    const meta: SourceMeta = { bucket: 'local', key: f.key, versionId: null, eTag: null, size: bytes.length, metadataOutlet: f.outlet };
    return buildRecord(meta, cleanObject(bytes, meta), now);
  });
  print(render(records, opts.format, RECORD_COLUMNS));
}

export async function ingestCommand(paths: string[], opts: GlobalOptions & { outlet?: string }): Promise<{ counts: IngestCounts; records: ArticleRecord[] }> {
  const files = collectFiles(paths, opts.outlet);
  const counts = emptyCounts();
  const progress = new Progress(files.length, opts.format !== 'table');
  const result = await withRuntime(
    opts.dataDir,
    async (rt) => {
      const ids = await uploadAndProcess(rt, files, () => counts.uploaded++);
      const records = (await Promise.all(ids.map((id) => rt.deps.articles.get(id)))).filter((r): r is ArticleRecord => r !== null);
      counts.failed = rt.queue.deadLetters.list().length;
      return records;
    },
    {
      onOutcome: (outcome) => {
        countOutcome(counts, outcome);
        progress.update(counts);
      },
    },
  );
  progress.done(counts);
  print(render(result, opts.format, RECORD_COLUMNS));
  return { counts, records: result };
}

export async function getCommand(id: string, opts: GlobalOptions): Promise<void> {
  const rec = await withRuntime(opts.dataDir, (rt) => rt.deps.articles.get(id));
  if (!rec) throw new NotFoundError(`No article with id ${id}.`);
  if (opts.format === 'table') print(renderRecordText(rec));
  else print(JSON.stringify(rec, null, opts.format === 'json' ? 2 : 0));
}

export function renderRecordText(r: ArticleRecord): string {
  const meta = [
    ['id', r.id],
    ['outlet', r.outlet],
    ['status', r.status + (r.reason ? ` (${r.reason})` : '')],
    ['title', r.title],
    ['standfirst', r.standfirst],
    ['byline', r.byline],
    ['published', r.published],
    ['syndication', r.syndication.join(', ')],
    ['credits', r.credits.join(', ')],
    ['story', `${r.storyId} (${r.role}; canonical ${r.canonicalId})`],
    ['words', String(r.wordCount)],
    ['source', r.sourceKey],
    ['rules', r.rulesVersion],
  ].filter((e): e is [string, string] => e[1] !== null && e[1] !== '');
  return meta.map(([k, v]) => `${k.padEnd(12)} ${v}`).join('\n') + '\n\n' + r.body;
}

export async function listCommand(opts: GlobalOptions & { outlet?: string; from?: string; to?: string; limit?: number }): Promise<void> {
  const records = await withRuntime(opts.dataDir, async (rt) => {
    if (opts.outlet) {
      return collectPages((cursor) => rt.deps.articles.byOutlet(opts.outlet as string, { from: opts.from, to: opts.to, cursor }), opts.limit);
    }
    // Without an outlet there is no key to query by: this is an export of everything.
    return collectPages((cursor) => rt.deps.articles.scanAll({ cursor }), opts.limit);
  });
  print(render(records, opts.format, RECORD_COLUMNS));
}

async function collectPages<T>(fetch: (cursor: string | null) => Promise<{ items: T[]; cursor: string | null }>, limit = 10_000): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 10_000; i++) {
    const page = await fetch(cursor);
    out.push(...page.items);
    cursor = page.cursor;
    if (!cursor || out.length >= limit) break;
  }
  return out.slice(0, limit);
}

/** `npm start`: the five seed articles through the whole local pipeline, into a fresh data dir. */
export async function demoCommand(repoRoot: string, opts: GlobalOptions): Promise<void> {
  const seeds = join(repoRoot, 'test', 'fixtures', 'seeds');
  process.stderr.write(`Ingesting the five seed articles from test/fixtures/seeds into ${opts.dataDir} …\n`);
  await ingestCommand([seeds], opts);
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRecord, cleanObject, type SourceMeta } from '../core/ingest/build-record';
import { planArticle, planArticleList, planExport, planStories, planStory, QueryParameterError, type Params } from '../core/query/plan';
import type { ArticleRecord } from '../core/types';
import { RULES_VERSION } from '../core/rules';
import { collectPages } from '../core/query/pages';
import type { StoryMember, StoryResult, StorySummary } from '../adapters/query-service';
import { createLogger } from '../handlers/log';
import { collectFiles } from './files';
import { countOutcome, emptyCounts, type IngestCounts } from './ingest-files';
import { RECORD_COLUMNS, render, renderTable, type Column, type OutputFormat } from './output';
import { Progress } from './progress';
import { openBackend, type Backend } from './backend';
import { startApiServer } from './api-server';
import { ReviewSource } from '../adapters/review-source';
import { dryRunReprocess, planReprocess, rulesVersionStats, runReprocess } from './reprocess';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SQSClient } from '@aws-sdk/client-sqs';
import { redriveDeadLetters } from '../adapters/dead-letter-queue';
import { redrive } from './redrive';
import { reprocessProgress, startReprocess } from '../adapters/reprocess-execution';
import type { StackResources } from '../adapters/stack-outputs';
import { NewsIngestError } from '../core/errors';

export interface GlobalOptions {
  dataDir: string;
  format: OutputFormat;
  stack?: string;
}

export class NotFoundError extends NewsIngestError {}

export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

/** Open the local runtime or the deployed stack for one command, and always close it. */
export async function withBackend<T>(opts: GlobalOptions, fn: (b: Backend) => Promise<T>, observer?: Parameters<typeof openBackend>[0]['observer']): Promise<T> {
  const backend = await openBackend({ dataDir: opts.dataDir, stack: opts.stack, observer });
  try {
    return await fn(backend);
  } finally {
    await backend.stop();
  }
}

/** `clean`: the cleaner alone, no storage. */
export function cleanCommand(paths: string[], opts: GlobalOptions): void {
  const now = new Date().toISOString();
  const records = collectFiles(paths).map((f) => {
    const bytes = readFileSync(f.path);
    const meta: SourceMeta = { bucket: 'local', key: f.key, versionId: null, eTag: null, size: bytes.length, metadataOutlet: f.outlet };
    return buildRecord(meta, cleanObject(bytes, meta), now, RULES_VERSION);
  });
  print(render(records, opts.format, RECORD_COLUMNS));
}

export async function ingestCommand(paths: string[], opts: GlobalOptions & { outlet?: string }): Promise<{ counts: IngestCounts; records: ArticleRecord[] }> {
  const files = collectFiles(paths, opts.outlet);
  const counts = emptyCounts();
  const progress = new Progress(files.length, opts.format !== 'table');
  const records = await withBackend(
    opts,
    async (b) => {
      const ids = await b.ingest(files, {
        onUploaded: () => counts.uploaded++,
        onFailed: (f) => {
          counts.failed++;
          process.stderr.write(`news-ingest: could not upload ${f.path} as ${f.key}: ${f.message}\n`);
        },
      });
      if (b.runtime) counts.failed += b.runtime.queue.deadLetters.list().length;
      return (await Promise.all(ids.map((id) => b.articles.get(id)))).filter((r): r is ArticleRecord => r !== null);
    },
    {
      onOutcome: (outcome) => {
        countOutcome(counts, outcome);
        progress.update(counts);
      },
    },
  );
  progress.done(counts);
  print(render(records, opts.format, RECORD_COLUMNS));
  return { counts, records };
}

export async function getCommand(id: string, opts: GlobalOptions): Promise<void> {
  const r = await withBackend(opts, (b) => b.query.run(planArticle(id)));
  if (r.kind !== 'article' || !r.article) throw new NotFoundError(`No article with id ${id}.`);
  if (opts.format === 'table') print(renderRecordText(r.article));
  else print(JSON.stringify(r.article, null, opts.format === 'json' ? 2 : 0));
}

export function renderRecordText(r: ArticleRecord): string {
  const meta: [string, string | null][] = [
    ['id', r.id],
    ['outlet', r.outlet],
    ['status', r.status + (r.reason ? ` (${r.reason})` : '')],
    ['title', r.title],
    ['standfirst', r.standfirst],
    ['byline', r.byline],
    ['published', r.published],
    ['syndication', r.syndication.join(', ')],
    ['credits', r.credits.join(', ')],
    ['story', r.status === 'clean' ? `${r.storyId} (${r.role}; canonical ${r.canonicalId})` : null],
    ['words', String(r.wordCount)],
    ['source', r.sourceKey],
    ['rules', r.rulesVersion],
  ];
  return meta
    .filter((e): e is [string, string] => e[1] !== null && e[1] !== '')
    .map(([k, v]) => `${k.padEnd(12)} ${v}`)
    .join('\n') + (r.body ? '\n\n' + r.body : '');
}

export interface ListOptions {
  outlet?: string;
  agency?: string;
  from?: string;
  to?: string;
  unique?: boolean;
  limit?: number;
}

/** Pages are followed up to `limit` records (default: all). */
export async function listCommand(opts: GlobalOptions & ListOptions): Promise<void> {
  const params: Params = { outlet: opts.outlet, agency: opts.agency, from: opts.from, to: opts.to, unique: opts.unique ? 'true' : undefined };
  const filtered = Boolean(opts.outlet || opts.agency);
  // With neither outlet nor agency there is no key to query by: that is an explicit export.
  const records = await withBackend(opts, (b) =>
    collectPages(async (cursor) => {
      const r = await b.query.run(filtered ? planArticleList({ ...params, cursor }) : planExport({ cursor }));
      return r.kind === 'articles' ? r : { items: [], cursor: null };
    }, opts.limit),
  );
  print(render(records, opts.format, RECORD_COLUMNS));
}

const MEMBER_COLUMNS: Column<StoryMember>[] = [
  { header: 'id', value: (m) => m.id },
  { header: 'role', value: (m) => (m.canonical ? `${m.role} *` : m.role) },
  { header: 'outlet', value: (m) => m.outlet, width: 18 },
  { header: 'title', value: (m) => m.title, width: 50 },
  { header: 'published', value: (m) => m.published },
  { header: 'words', value: (m) => m.wordCount },
  { header: 'match', value: (m) => (m.match ? `${m.match.verdict} ${m.match.articleId}` : '') },
];

export async function storyCommand(id: string, opts: GlobalOptions): Promise<void> {
  // A story too large for one response continues behind its cursor; the CLI prints it whole.
  const story = await withBackend(opts, async (b) => {
    let first: StoryResult | null = null;
    const members = await collectPages(async (cursor) => {
      const r = await b.query.run(planStory(id, { cursor }));
      const page = r.kind === 'story' ? r.story : null;
      first ??= page;
      return page ? { items: page.members, cursor: page.cursor } : { items: [], cursor: null };
    });
    return first ? { ...(first as StoryResult), members, cursor: null } : null;
  });
  if (!story) throw new NotFoundError(`No story or article with id ${id}.`);
  const s = story;
  if (opts.format === 'table') {
    print(`Story ${s.storyId}: ${s.title ?? '(untitled)'}\n${s.members.length} article(s); canonical ${s.canonicalId} (marked *)\n` + renderTable(s.members, MEMBER_COLUMNS));
  } else if (opts.format === 'jsonl') {
    print(s.members.map((m) => JSON.stringify({ storyId: s.storyId, ...m })).join('\n'));
  } else {
    print(JSON.stringify(s, null, 2));
  }
}

const STORY_COLUMNS: Column<StorySummary>[] = [
  { header: 'story', value: (s) => s.storyId },
  { header: 'members', value: (s) => s.members },
  { header: 'canonical', value: (s) => s.canonicalId },
  { header: 'outlet', value: (s) => s.outlet, width: 18 },
  { header: 'title', value: (s) => s.title, width: 56 },
  { header: 'published', value: (s) => s.published },
];

export async function storiesCommand(opts: GlobalOptions & { from?: string; to?: string }): Promise<void> {
  const items = await withBackend(opts, (b) =>
    collectPages<StorySummary>(async (cursor) => {
      const r = await b.query.run(planStories({ from: opts.from, to: opts.to, cursor }));
      return r.kind === 'stories' ? r : { items: [], cursor: null };
    }),
  );
  print(render(items, opts.format, STORY_COLUMNS));
}

/** Why each line was kept or cut: the kept text, then every removed block with its rule and category. */
export async function explainCommand(id: string, opts: GlobalOptions): Promise<void> {
  const r = await withBackend(opts, (b) => b.query.run(planArticle(id)));
  if (r.kind !== 'article' || !r.article) throw new NotFoundError(`No article with id ${id}.`);
  const a = r.article;
  if (opts.format !== 'table') {
    const out = { id: a.id, status: a.status, reason: a.reason, title: a.title, rulesVersion: a.rulesVersion, kept: a.paragraphs, headings: a.headings, removed: a.removed };
    print(JSON.stringify(out, null, opts.format === 'json' ? 2 : 0));
    return;
  }
  const lines = [`${a.id}  ${a.title ?? '(untitled)'}  [${a.outlet}, rules ${a.rulesVersion}]`];
  if (a.status === 'rejected') lines.push(`rejected: ${a.reason}`);
  lines.push('', `KEPT (${a.paragraphs.length} paragraphs, ${a.wordCount} words)`);
  a.paragraphs.forEach((p, i) => lines.push(`  ${String(i + 1).padStart(3)}  ${p}`));
  lines.push('', `REMOVED (${a.removed.length} blocks)`);
  lines.push(
    renderTable(a.removed, [
      // Where it stood: under this many kept paragraphs (blank on records stored before positions were kept).
      { header: 'after ¶', value: (x) => x.position },
      { header: 'category', value: (x) => x.category, width: 24 },
      { header: 'rule', value: (x) => x.rule, width: 32 },
      { header: 'text', value: (x) => x.text.replace(/\s+/g, ' '), width: 70 },
    ]),
  );
  print(lines.join('\n'));
}

/** `serve`: the query API on 127.0.0.1 until interrupted. */
export async function serveCommand(opts: GlobalOptions & { port: number }): Promise<void> {
  const backend = await openBackend({ dataDir: opts.dataDir, stack: opts.stack });
  const review = new ReviewSource(backend.articles, backend.objects);
  const api = await startApiServer(backend.query, createLogger('warn', (l) => process.stderr.write(l + '\n')), opts.port, review);
  process.stderr.write(`Review UI on ${api.url}/ui/ and query API on ${api.url} (GET /articles/{id}, /articles?outlet=…, /stories/{id}, /stories); Ctrl-C stops it.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await api.close();
  await backend.stop();
}

export interface ReprocessCommandOptions {
  outlet?: string;
  beforeVersion?: string;
  dryRun?: boolean;
}

/** Re-clean stored records with the current rules: locally through the queue, deployed through the state machine. */
export async function reprocessCommand(opts: GlobalOptions & ReprocessCommandOptions): Promise<void> {
  const counts = emptyCounts();
  let progress: Progress | null = null;
  await withBackend(
    opts,
    async (b) => {
      if (b.stack) return reprocessStack(b.stack, opts);
      const rt = b.runtime as NonNullable<Backend['runtime']>;
      const plan = await planReprocess(rt, opts);
      if (opts.dryRun) {
        const report = await dryRunReprocess(rt, plan);
        if (opts.format === 'table') {
          print(`Scanned ${report.scanned} raw object(s); ${report.selected} not on rules ${rt.deps.rules.version}; ${report.wouldChange} would change.`);
          for (const p of report.previews) {
            print(`\n${p.id} (${p.sourceKey}) fields: ${p.fields.join(', ') || 'paragraphs'}`);
            for (const line of p.removed) print(`  - ${line}`);
            for (const line of p.added) print(`  + ${line}`);
          }
        } else print(JSON.stringify(report, null, opts.format === 'json' ? 2 : 0));
        return;
      }
      progress = new Progress(plan.selected.length, opts.format !== 'table');
      await runReprocess(rt, plan);
      const summary = { scanned: plan.scanned, reprocessed: plan.selected.length, changed: counts.clean + counts.rejected, unchanged: counts.unchanged, rulesVersion: rt.deps.rules.version };
      if (opts.format === 'table') print(`Reprocessed ${summary.reprocessed} of ${summary.scanned} object(s) with rules ${summary.rulesVersion}: ${summary.changed} changed, ${summary.unchanged} unchanged.`);
      else print(JSON.stringify(summary, null, opts.format === 'json' ? 2 : 0));
    },
    {
      onOutcome: (outcome) => {
        countOutcome(counts, outcome);
        progress?.update(counts);
      },
    },
  );
}

async function reprocessStack(stack: StackResources, opts: GlobalOptions & ReprocessCommandOptions): Promise<void> {
  if (!stack.reprocessStateMachineArn) throw new Error('The stack has no ReprocessStateMachineArn output.');
  if (opts.dryRun || opts.outlet || opts.beforeVersion) {
    throw new QueryParameterError('Against a deployed stack, reprocess replays all of raw/; --dry-run, --outlet and --before-version are local-only.');
  }
  const sfn = new SFNClient({});
  try {
    const arn = await startReprocess(sfn, stack.reprocessStateMachineArn);
    process.stderr.write(`Started ${arn}\n`);
    // Poll (bounded: a day) until the Distributed Map finishes; records update as the queue drains.
    for (let i = 0; i < 17_280; i++) {
      const p = await reprocessProgress(sfn, arn);
      process.stderr.write(`${p.status}: ${p.succeeded}/${p.total} batches enqueued, ${p.failed} failed\n`);
      if (p.status !== 'RUNNING') {
        if (p.status !== 'SUCCEEDED') throw new Error(`Reprocess execution ended ${p.status}.`);
        return;
      }
      await new Promise((r) => setTimeout(r, 5000));
    }
  } finally {
    sfn.destroy();
  }
}

/** Replay dead-lettered messages: locally through the same queue; deployed with SQS's message-move task. */
export async function redriveCommand(opts: GlobalOptions): Promise<void> {
  const message = await withBackend(opts, async (b) => {
    if (b.runtime) {
      const { redriven } = await redrive(b.runtime);
      const left = b.runtime.queue.deadLetters.list().length;
      return `Redrove ${redriven} dead-lettered message(s); ${left} dead-lettered again.`;
    }
    const url = b.stack?.deadLetterQueueUrl;
    if (!url) throw new Error('The stack has no DeadLetterQueueUrl output.');
    const sqs = new SQSClient({});
    try {
      const r = await redriveDeadLetters(sqs, url);
      return r.taskHandle ? `Started moving about ${r.approximateMessages} message(s) back to the ingest queue (task ${r.taskHandle}).` : 'The dead-letter queue is empty.';
    } finally {
      sqs.destroy();
    }
  });
  process.stderr.write(message + '\n');
}

export async function statsCommand(opts: GlobalOptions): Promise<void> {
  const counts = await withBackend(opts, (b) => rulesVersionStats(b.articles));
  const rows = Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([rulesVersion, records]) => ({ rulesVersion, records, current: rulesVersion === RULES_VERSION }));
  print(render(rows, opts.format, [
    { header: 'rules version', value: (r) => r.rulesVersion },
    { header: 'records', value: (r) => r.records },
    { header: 'current', value: (r) => (r.current ? 'yes' : '') },
  ]));
}

/** `npm start`: the five seed articles through the whole local pipeline. */
export async function demoCommand(repoRoot: string, opts: GlobalOptions): Promise<void> {
  const seeds = join(repoRoot, 'test', 'fixtures', 'seeds');
  process.stderr.write(`Ingesting the five seed articles from test/fixtures/seeds into ${opts.dataDir} …\n`);
  await ingestCommand([seeds], opts);
}

import { join } from 'node:path';
import { planArticle, planArticleList, planExport, planStories, planStory, QueryParameterError, type Params } from '../core/query/plan';
import type { ArticleRecord } from '../core/types';
import { RULES_VERSION } from '../core/rules';
import { collectPages } from '../core/query/pages';
import type { StoryMember, StoryResult, StorySummary } from '../adapters/query-service';
import { countOutcome, emptyCounts, type IngestCounts } from './ingest-files';
import { print, render, renderRecords, renderTable, type Column } from './output';
import { Progress } from './progress';
import { openBackend, type Backend } from './backend';
import { dryRunReprocess, planReprocess, rulesVersionStats, runReprocess } from './reprocess';
import { redrive } from './redrive';
import type { StackResources } from '../adapters/stack-outputs';
import type { GlobalOptions } from './cli-options';
import { IncompleteError, NotFoundError } from './exit-codes';
import { inputFiles } from './inputs';
import type { LocalFile } from './files';
import type { QueueMessage } from './local-queue';

/** Open the local runtime or the deployed stack for one command, and always close it. */
export async function withBackend<T>(
  opts: GlobalOptions,
  fn: (b: Backend) => Promise<T>,
  observer?: Parameters<typeof openBackend>[0]['observer'],
): Promise<T> {
  const backend = await openBackend({ dataDir: opts.dataDir, stack: opts.stack, observer });
  try {
    return await fn(backend);
  } finally {
    await backend.stop();
  }
}

export interface IngestCommandOptions {
  outlet?: string;
  /** With --stack: how long to wait for the deployed pipeline's records. */
  waitMs?: number;
}

/** Messages in the local dead-letter queue that are not in `before`: what this command dead-lettered. */
function newDeadLetters(b: Backend, before: ReadonlySet<string>): QueueMessage[] {
  return b.runtime ? b.runtime.queue.deadLetters.list().filter((m) => !before.has(m.messageId)) : [];
}

function deadLetterIds(b: Backend): Set<string> {
  return new Set(b.runtime ? b.runtime.queue.deadLetters.list().map((m) => m.messageId) : []);
}

/**
 * Upload, wait for the pipeline, print the records. A file whose record never appeared (dead-lettered
 * locally, or not written before the --stack wait ran out) is named on stderr and makes the
 * command fail with exit 4 after the records that did arrive are printed.
 */
export async function ingestCommand(paths: string[], opts: GlobalOptions & IngestCommandOptions): Promise<{ counts: IngestCounts; records: ArticleRecord[] }> {
  const files = inputFiles(paths, opts.outlet);
  const counts = emptyCounts();
  const progress = new Progress(files.length, opts.format !== 'table');
  const { records, missing } = await withBackend(
    opts,
    async (b) => {
      const deadBefore = deadLetterIds(b);
      const notUploaded = new Set<string>();
      const ids = await b.ingest(
        files,
        {
          onUploaded: () => counts.uploaded++,
          onFailed: (f) => {
            notUploaded.add(f.path);
            process.stderr.write(`news-ingest: could not upload ${f.path} as ${f.key}: ${f.message}\n`);
          },
        },
        opts.waitMs,
      );
      // ids line up with files; a file that was not uploaded has none.
      const found = await Promise.all(ids.map((id) => (id ? b.articles.get(id) : null)));
      const missing = files.filter((f, i) => !found[i] && !notUploaded.has(f.path));
      counts.failed = missing.length + notUploaded.size;
      return { records: found.filter((r): r is ArticleRecord => r !== null), missing: describeMissing(missing, b, newDeadLetters(b, deadBefore)) };
    },
    {
      onOutcome: (outcome) => {
        countOutcome(counts, outcome);
        progress.update(counts);
      },
    },
  );
  progress.done(counts);
  print(renderRecords(records, opts.format));
  if (missing.length > 0) {
    for (const line of missing) process.stderr.write(line + '\n');
    throw new IncompleteError(`${missing.length} of ${files.length} file(s) were not stored.`);
  }
  return { counts, records };
}

function describeMissing(files: LocalFile[], b: Backend, dead: QueueMessage[]): string[] {
  const errorByKey = new Map<string, string>();
  for (const m of dead) for (const key of sourceKeysOf(m.body)) errorByKey.set(key, m.lastError ?? 'failed');
  return files.map((f) =>
    b.runtime
      ? `Not stored: ${f.path} (dead-lettered: ${errorByKey.get(f.key) ?? 'failed'}; \`news-ingest redrive\` replays it).`
      : `Not stored: ${f.path} (no record before the wait ran out; it may still arrive, or be in the dead-letter queue).`,
  );
}

/** The object key an S3 event message is about, as sent and URL-decoded (S3 encodes keys; the local runtime does not). */
function sourceKeysOf(body: string): string[] {
  let key: string | undefined;
  try {
    key = (JSON.parse(body) as { Records?: { s3?: { object?: { key?: string } } }[] }).Records?.[0]?.s3?.object?.key;
  } catch {
    return [];
  }
  if (!key) return [];
  try {
    return [key, decodeURIComponent(key.replace(/\+/g, ' '))];
  } catch {
    return [key];
  }
}

export async function getCommand(id: string, opts: GlobalOptions): Promise<void> {
  const r = await withBackend(opts, (b) => b.query.run(planArticle(id)));
  if (r.kind !== 'article' || !r.article) throw new NotFoundError(`No article with id ${id}.`);
  if (opts.format === 'table') print(renderRecordText(r.article));
  else if (opts.format === 'text') print(renderRecords([r.article], 'text'));
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
  return (
    meta
      .filter((e): e is [string, string] => e[1] !== null && e[1] !== '')
      .map(([k, v]) => `${k.padEnd(12)} ${v}`)
      .join('\n') + (r.body ? '\n\n' + r.body : '')
  );
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
  print(renderRecords(records, opts.format));
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
    print(
      `Story ${s.storyId}: ${s.title ?? '(untitled)'}\n${s.members.length} article(s); canonical ${s.canonicalId} (marked *)\n` +
        renderTable(s.members, MEMBER_COLUMNS),
    );
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
    const out = {
      id: a.id,
      status: a.status,
      reason: a.reason,
      title: a.title,
      rulesVersion: a.rulesVersion,
      kept: a.paragraphs,
      headings: a.headings,
      removed: a.removed,
    };
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
  const [{ ReviewSource }, { startApiServer }, { createLogger }] = await Promise.all([
    import('../adapters/review-source'),
    import('./api-server'),
    import('../handlers/log'),
  ]);
  const backend = await openBackend({ dataDir: opts.dataDir, stack: opts.stack });
  const review = new ReviewSource(backend.articles, backend.objects);
  const api = await startApiServer(
    backend.query,
    createLogger('warn', (l) => process.stderr.write(l + '\n')),
    opts.port,
    review,
  );
  process.stderr.write(
    `Review UI on ${api.url}/ui/ and query API on ${api.url} (GET /articles/{id}, /articles?outlet=…, /stories/{id}, /stories); Ctrl-C stops it.\n`,
  );
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
      const deadBefore = deadLetterIds(b);
      await runReprocess(rt, plan);
      counts.failed = newDeadLetters(b, deadBefore).length;
      const summary = {
        scanned: plan.scanned,
        reprocessed: plan.selected.length,
        changed: counts.clean + counts.rejected,
        unchanged: counts.unchanged,
        deadLettered: counts.failed,
        rulesVersion: rt.deps.rules.version,
      };
      if (opts.format === 'table')
        print(
          `Reprocessed ${summary.reprocessed} of ${summary.scanned} object(s) with rules ${summary.rulesVersion}: ${summary.changed} changed, ${summary.unchanged} unchanged, ${summary.deadLettered} dead-lettered.`,
        );
      else print(JSON.stringify(summary, null, opts.format === 'json' ? 2 : 0));
      if (summary.deadLettered > 0) throw new IncompleteError(`${summary.deadLettered} object(s) were dead-lettered; \`news-ingest redrive\` replays them.`);
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
  const [{ SFNClient }, { reprocessProgress, startReprocess }] = await Promise.all([import('@aws-sdk/client-sfn'), import('../adapters/reprocess-execution')]);
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

/**
 * Replay dead-lettered messages: locally through the same queue; deployed with SQS's message-move
 * task. Locally, messages that dead-letter again make the command fail with exit 4.
 */
export async function redriveCommand(opts: GlobalOptions): Promise<void> {
  const message = await withBackend(opts, async (b) => {
    if (b.runtime) {
      const { redriven } = await redrive(b.runtime);
      const left = b.runtime.queue.deadLetters.list().length;
      const message = `Redrove ${redriven} dead-lettered message(s); ${left} dead-lettered again.`;
      if (left > 0) throw new IncompleteError(message);
      return message;
    }
    const url = b.stack?.deadLetterQueueUrl;
    if (!url) throw new Error('The stack has no DeadLetterQueueUrl output.');
    const [{ SQSClient }, { redriveDeadLetters }] = await Promise.all([import('@aws-sdk/client-sqs'), import('../adapters/dead-letter-queue')]);
    const sqs = new SQSClient({});
    try {
      const r = await redriveDeadLetters(sqs, url);
      return r.taskHandle
        ? `Started moving about ${r.approximateMessages} message(s) back to the ingest queue (task ${r.taskHandle}).`
        : 'The dead-letter queue is empty.';
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
  print(
    render(rows, opts.format, [
      { header: 'rules version', value: (r) => r.rulesVersion },
      { header: 'records', value: (r) => r.records },
      { header: 'current', value: (r) => (r.current ? 'yes' : '') },
    ]),
  );
}

/** `npm start`: the five seed articles through the whole local pipeline. */
export async function demoCommand(repoRoot: string, opts: GlobalOptions): Promise<void> {
  const seeds = join(repoRoot, 'test', 'fixtures', 'seeds');
  process.stderr.write(`Ingesting the five seed articles from test/fixtures/seeds into ${opts.dataDir} …\n`);
  await ingestCommand([seeds], opts);
}

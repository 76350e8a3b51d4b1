import type { AwsClients } from '../../lambdas/adapters/clients';
import { FIELD_LIMITS } from '../../lambdas/core/ingest/field-limits';
import { PREFIX } from '../../lambdas/core/schema';
import type { ArticleRecord } from '../../lambdas/core/types';
import { startLocalRuntime, type LocalRuntime } from '../../lambdas/local/runtime';
import { allRecords, countCommands, report, upload, type CommandCall } from './support';

const STORY = [
  'The harbour board voted on Thursday to build a new breakwater at the mouth of the port, three months after winter storms tore a forty-metre gap in the old wall.',
  'Engineers told the board the new structure would be built from rock armour rather than concrete, and that work could begin in the spring if the funding is confirmed.',
  'Fishermen who use the harbour said the damage had already cost them a season, and asked the board to keep one berth open while the work goes on.',
];

function page(head: string, h1 = 'Harbour board approves new breakwater'): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}</head><body><article><h1>${h1}</h1>${STORY.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
const bytes = (s: string | null) => Buffer.byteLength(s ?? '', 'utf8');

const CASES = [
  {
    name: '450 KB JSON-LD headline',
    key: 'raw/giant/jsonld-headline.html',
    body: page(
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: words(50_000), author: { name: 'A. Writer ' + 'x'.repeat(20_000) }, url: 'https://example.com/' + 'p'.repeat(5_000) })}</script>`,
      '',
    ),
  },
  { name: '300 KB <title>', key: 'raw/giant/long-title.html', body: page(`<title>${words(35_000)}</title>`, '') },
  {
    name: '.json envelope with a 3,000-character outlet and no outlet metadata',
    key: 'raw/giant/envelope.json',
    body: JSON.stringify({ outlet: 'o'.repeat(3_000), url: 'https://example.com/story', html: page('<title>Harbour board approves new breakwater</title>') }),
  },
];

/** A long read whose text is offloaded to bodies/ (about 550 KB of distinct paragraphs). */
const LONG_READ = {
  key: 'raw/giant/long-read.txt',
  body: `The full harbour inquiry report\n\n${Array.from({ length: 3000 }, (_, i) => `Paragraph ${i} of the report: ${STORY[i % 3]} (${i})`).join('\n\n')}\n`,
};

/** Fails the first PutItem of a record that points at an offloaded body, above the SDK's retries, so the message is retried. */
function failFirstOffloadedPut(state: { failed: boolean }): (clients: AwsClients) => AwsClients {
  return (clients) => {
    clients.dynamo.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { Item?: { bodyRef?: { S?: string } } };
        if (context.commandName === 'PutItemCommand' && input.Item?.bodyRef?.S && !state.failed) {
          state.failed = true;
          throw Object.assign(new Error('Injected failure after the body was written.'), { name: 'InjectedFailure' });
        }
        return next(args);
      },
      { step: 'initialize', name: 'failFirstOffloadedPut' },
    );
    return clients;
  };
}

/** Page- and uploader-sized values never keep a record out of DynamoDB, and a retry never rewrites a body. */
describe('unbounded fields', () => {
  let rt: LocalRuntime;
  const calls: CommandCall[] = [];
  const injected = { failed: false };
  let records: ArticleRecord[] = [];
  const ids = new Map<string, string>();

  beforeAll(async () => {
    rt = await startLocalRuntime({
      dataDir: null,
      dynamo: 'dynalite',
      // Two receives: the injected failure is retried once; anything else failing twice dead-letters.
      queue: { visibilityTimeoutMs: 200, maxReceiveCount: 2, batchSize: 10, concurrency: 1 },
      wrapClients: (c) => failFirstOffloadedPut(injected)(countCommands(calls)(c)),
    });
    for (const c of [...CASES, LONG_READ]) ids.set(c.key, (await upload(rt, c.key, c.body)).id);
    await rt.queue.drain(120_000);
    records = await allRecords(rt);
  }, 180_000);

  afterAll(async () => {
    await rt?.stop();
  });

  it('stores every case as one record and dead-letters nothing', () => {
    expect(rt.queue.deadLetters.list().map((m) => m.lastError)).toEqual([]);
    for (const c of [...CASES, LONG_READ]) expect(records.filter((r) => r.id === ids.get(c.key))).toHaveLength(1);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: kept clean with every field within its limit', (_name, c) => {
    const r = records.find((x) => x.id === ids.get(c.key)) as ArticleRecord;
    expect(r.status).toBe('clean');
    expect(r.paragraphs).toEqual(STORY);
    for (const field of Object.keys(FIELD_LIMITS) as (keyof typeof FIELD_LIMITS)[]) {
      expect(bytes(r[field])).toBeLessThanOrEqual(FIELD_LIMITS[field].bytes);
    }
  });

  it('cuts a long title at its limit rather than dropping it', () => {
    const r = records.find((x) => x.id === ids.get('raw/giant/long-title.html')) as ArticleRecord;
    expect(r.title?.startsWith('word0 word1 word2')).toBe(true);
    expect(r.title?.endsWith('…')).toBe(true);
  });

  it('cuts the envelope outlet to its limit', () => {
    const r = records.find((x) => x.id === ids.get('raw/giant/envelope.json')) as ArticleRecord;
    expect(r.outlet.startsWith('ooooo')).toBe(true);
    expect(bytes(r.outlet)).toBeLessThanOrEqual(FIELD_LIMITS.outlet.bytes);
  });

  it('writes an offloaded body once, even when the message is retried after the body was written', () => {
    expect(injected.failed).toBe(true);
    const r = records.find((x) => x.id === ids.get(LONG_READ.key)) as ArticleRecord;
    expect(r.status).toBe('clean');
    expect(r.bodyRef?.startsWith(PREFIX.bodies)).toBe(true);
    expect(r.paragraphs).toHaveLength(3000);
    const bodyPuts = calls.filter((c) => c.service === 's3' && c.command === 'PutObjectCommand' && c.key?.startsWith(PREFIX.bodies));
    report(`unbounded fields: ${bodyPuts.length} body PUT(s) over ${calls.filter((c) => c.command === 'PutItemCommand' && !c.error).length} record writes`);
    expect(bodyPuts).toHaveLength(1);
  });
});

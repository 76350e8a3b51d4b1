import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { buildRecord, cleanObject, type SourceMeta } from '../../lambdas/core/ingest/build-record';
import { FIELD_LIMITS } from '../../lambdas/core/ingest/field-limits';
import { RULES_VERSION } from '../../lambdas/core/rules';
import type { ArticleRecord } from '../../lambdas/core/types';
import { startLocalRuntime, type LocalRuntime } from '../../lambdas/local/runtime';
import { REPO_ROOT, SEED_FIXTURES } from '../support/shared';
import { allRecords, report, upload } from './support';

/**
 * Property tests: random and mutated pages, dumps and envelopes. Seeded and bounded, so a run is
 * reproducible (a failure prints its seed and path) and `npm test` stays fast.
 */
const SEED = 20261202;
/** The slowest real page cleans in well under a second; ten leaves room for a loaded machine, not for a hang. */
const CLEAN_BOUND_MS = 10_000;

const fixtureFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
const HTML_PAGES = fixtureFiles(join(REPO_ROOT, 'test', 'fixtures', 'html'));
const TEXT_DUMPS = fixtureFiles(SEED_FIXTURES);

// ---- generators -------------------------------------------------------------------------------

const TAGS = [
  'p',
  'div',
  'span',
  'a',
  'article',
  'section',
  'h1',
  'h2',
  'li',
  'ul',
  'nav',
  'aside',
  'footer',
  'header',
  'figure',
  'figcaption',
  'script',
  'style',
  'table',
  'td',
  'br',
  'img',
  'iframe',
  'template',
  'svg',
  'math',
  'noscript',
  'title',
  'meta',
];
const word = fc.oneof(
  fc.constantFrom(
    'the',
    'harbour',
    'board',
    'voted',
    'Share',
    'Newsletter',
    'Read more',
    'AP',
    '©',
    'By',
    'Reuters',
    '—',
    'ÆØÅ',
    '日本',
    'مرحبا',
    '😀',
    '&amp;',
    '&#0;',
    '&#xD800;',
    '&nbsp;',
    '<!--',
    '-->',
    ']]>',
    '\u0000',
    '\ufeff',
    '\u202e',
  ),
  fc.string({ maxLength: 12 }),
);
const sentence = fc.array(word, { minLength: 1, maxLength: 40 }).map((w) => w.join(' '));
const attr = fc
  .tuple(fc.constantFrom('class', 'id', 'lang', 'href', 'src', 'style', 'onload', 'itemprop', 'content', 'property', 'x'), fc.string({ maxLength: 20 }))
  .map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`);

const { node } = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    sentence,
    fc
      .tuple(fc.constantFrom(...TAGS), fc.array(attr, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 6 }), fc.boolean())
      .map(([tag, attrs, children, closed]) => `<${tag}${attrs.join('')}>${children.join('')}${closed ? `</${tag}>` : ''}`),
  ),
}));

const randomHtml = fc
  .tuple(fc.boolean(), fc.array(node, { maxLength: 12 }), fc.option(sentence))
  .map(
    ([doctype, body, title]) =>
      `${doctype ? '<!DOCTYPE html>' : ''}<html><head>${title !== null ? `<title>${title}</title>` : ''}</head><body>${body.join('\n')}</body></html>`,
  );

const randomText = fc
  .array(fc.oneof(sentence, fc.constant(''), fc.string({ maxLength: 200, unit: 'binary' })), { maxLength: 40 })
  .map((lines) => lines.join('\n'));

/** Cut, repeat, swap and insert slices of a real page, and drop random bytes into it. */
function mutated(pages: string[]): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('delete', 'duplicate', 'insert', 'truncate', 'swap'), fc.string({ maxLength: 30, unit: 'binary' }));
  return fc.tuple(fc.constantFrom(...pages), fc.array(edit, { minLength: 1, maxLength: 8 })).map(([page, edits]) => {
    let s = page;
    for (const [a, b, op, junk] of edits) {
      const i = a % (s.length + 1);
      const j = i + (b % Math.max(1, Math.min(2_000, s.length - i + 1)));
      if (op === 'delete') s = s.slice(0, i) + s.slice(j);
      else if (op === 'duplicate') s = s.slice(0, j) + s.slice(i, j) + s.slice(j);
      else if (op === 'insert') s = s.slice(0, i) + junk + s.slice(i);
      else if (op === 'truncate') s = s.slice(0, j);
      else s = s.slice(j) + s.slice(0, j);
    }
    return s;
  });
}

const jsonValue = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
);
const envelope = fc
  .record(
    {
      html: fc.oneof(randomHtml, mutated(HTML_PAGES), jsonValue),
      text: fc.oneof(randomText, mutated(TEXT_DUMPS), jsonValue),
      content: jsonValue,
      url: fc.oneof(fc.webUrl(), fc.string({ maxLength: 3_000 }), jsonValue),
      outlet: fc.oneof(fc.string({ maxLength: 3_000 }), fc.constantFrom('日本-news', '', ' ', '../..'), jsonValue),
    },
    { requiredKeys: [] },
  )
  .chain((obj) => fc.constantFrom(JSON.stringify(obj), JSON.stringify(obj).slice(0, -1), `[${JSON.stringify(obj)}]`));

const bytesOf = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

/** One uploadable object: a key (its extension picks how it is read) and its bytes. */
const upload$ = fc.oneof(
  fc.tuple(fc.constantFrom('html', 'htm', ''), fc.oneof(randomHtml, mutated(HTML_PAGES))).map(([ext, s]) => ({ ext, bytes: bytesOf(s) })),
  fc.tuple(fc.constantFrom('txt', ''), fc.oneof(randomText, mutated(TEXT_DUMPS))).map(([ext, s]) => ({ ext, bytes: bytesOf(s) })),
  envelope.map((s) => ({ ext: 'json', bytes: bytesOf(s) })),
  fc.tuple(fc.constantFrom('html', 'txt', 'json'), fc.uint8Array({ maxLength: 4_000 })).map(([ext, bytes]) => ({ ext, bytes })),
);

// ---- properties -------------------------------------------------------------------------------

function expectBoundedRecord(r: ArticleRecord): void {
  expect(['clean', 'rejected']).toContain(r.status);
  if (r.status === 'rejected') {
    expect(r.reason).toBeTruthy();
    // The handler turns a thrown cleaner into this reason; fuzzing is here to find such throws.
    expect(r.reason).not.toMatch(/cleaner failed/i);
  } else {
    expect(r.paragraphs.length).toBeGreaterThan(0);
  }
  for (const field of Object.keys(FIELD_LIMITS) as (keyof typeof FIELD_LIMITS)[]) {
    expect(Buffer.byteLength(r[field] ?? '', 'utf8')).toBeLessThanOrEqual(FIELD_LIMITS[field].bytes);
  }
}

function cleanOne(key: string, bytes: Uint8Array): { record: ArticleRecord; ms: number } {
  const meta: SourceMeta = { bucket: 'fuzz', key, versionId: null, eTag: 'e', size: bytes.length };
  const t0 = performance.now();
  const record = buildRecord(meta, cleanObject(bytes, meta), '2026-01-01T00:00:00.000Z', RULES_VERSION);
  return { record, ms: performance.now() - t0 };
}

describe('fuzzing the cleaner', () => {
  const slowest = { ms: 0 };
  afterAll(() => report(`fuzz: slowest clean ${Math.round(slowest.ms)} ms`));

  it.each([
    ['random HTML', randomHtml.map((s) => ({ ext: 'html', bytes: bytesOf(s) })), 100],
    ['mutated HTML pages', mutated(HTML_PAGES).map((s) => ({ ext: 'html', bytes: bytesOf(s) })), 60],
    ['random text dumps', randomText.map((s) => ({ ext: 'txt', bytes: bytesOf(s) })), 100],
    ['mutated text dumps', mutated(TEXT_DUMPS).map((s) => ({ ext: 'txt', bytes: bytesOf(s) })), 60],
    ['JSON envelopes', envelope.map((s) => ({ ext: 'json', bytes: bytesOf(s) })), 100],
    ['random bytes under any extension', upload$, 60],
  ] as const)(
    '%s: never throws, stays bounded, yields one record',
    (_name, arb, numRuns) => {
      fc.assert(
        fc.property(arb, ({ ext, bytes }) => {
          const { record, ms } = cleanOne(`raw/fuzz/page${ext ? `.${ext}` : ''}`, bytes);
          slowest.ms = Math.max(slowest.ms, ms);
          expectBoundedRecord(record);
          expect(ms).toBeLessThan(CLEAN_BOUND_MS);
        }),
        { seed: SEED, numRuns },
      );
    },
    120_000,
  );
});

describe('fuzzing the handler', () => {
  let rt: LocalRuntime;
  const KEY_CHARS = fc.constantFrom(...Array.from('abcXYZ019 +%&=?#~!()[]{}é日本😀-_.,;\'"'));
  const keyName = fc
    .array(KEY_CHARS, { minLength: 1, maxLength: 40 })
    .map((c) => c.join(''))
    .filter((n) => n !== '.' && n !== '..');

  beforeAll(async () => {
    rt = await startLocalRuntime({
      dataDir: null,
      dynamo: 'dynalite',
      queue: { visibilityTimeoutMs: 120_000, maxReceiveCount: 1, batchSize: 10, concurrency: 2 },
    });
  }, 60_000);

  afterAll(async () => {
    await rt?.stop();
  });

  it('stores exactly one record per random upload (odd keys, any content) and dead-letters none', async () => {
    const cases = fc.sample(fc.tuple(keyName, upload$), { seed: SEED, numRuns: 40 });
    const keys = new Map<string, string>();
    for (const [i, [name, { ext, bytes }]] of cases.entries()) {
      const key = `raw/fuzz-${i % 3}/${i}-${name}${ext ? `.${ext}` : ''}`;
      keys.set(key, (await upload(rt, key, bytes)).id);
    }
    await rt.queue.drain(240_000);
    const records = await allRecords(rt);
    expect(rt.queue.deadLetters.list().map((m) => m.lastError)).toEqual([]);
    expect(records).toHaveLength(keys.size);
    for (const [key, id] of keys) {
      const mine = records.filter((r) => r.sourceKey === key);
      expect(mine.map((r) => r.id)).toEqual([id]);
      expectBoundedRecord(mine[0]);
    }
  }, 300_000);
});

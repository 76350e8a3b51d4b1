import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { startLocalRuntime, type LocalRuntime } from '../../lambdas/local/runtime';
import { cleanObject } from '../../lambdas/core/ingest/build-record';
import { outletFromKey } from '../../lambdas/core/ingest/source-format';
import type { ArticleRecord } from '../../lambdas/core/types';
import { badInputs, type BadInput } from './bad-inputs';
import { allRecords, countCommands, isOneSentence, report, upload, type CommandCall } from './support';

/**
 * Every hostile or broken upload goes through the real handler (s3rver → queue → handler →
 * dynalite) and ends as exactly one record; nothing dead-letters, nothing is lost.
 */
describe('bad inputs through the ingest handler', () => {
  const cases = badInputs();
  const calls: CommandCall[] = [];
  const uploaded = new Map<string, { id: string; size: number }>();
  let rt: LocalRuntime;
  let records: ArticleRecord[] = [];
  let summary = '';

  beforeAll(async () => {
    rt = await startLocalRuntime({
      dataDir: null,
      // dynalite: every key is delivered once here, and it starts in milliseconds.
      dynamo: 'dynalite',
      // maxObjectBytes left at its 20 MB default.
      // One receive only: any handler failure would dead-letter at once instead of hiding in a retry.
      queue: { visibilityTimeoutMs: 60_000, maxReceiveCount: 1, batchSize: 10, concurrency: 2 },
      wrapClients: countCommands(calls),
    });
    for (const c of cases) {
      const body = c.body();
      uploaded.set(c.key, await upload(rt, c.key, body, { contentType: c.contentType, outlet: c.metadataOutlet }));
    }
    await rt.queue.drain(240_000);
    records = await allRecords(rt);
  }, 280_000);

  afterAll(async () => {
    await rt?.stop();
    if (summary) report(summary);
  });

  it('has at least 40 distinct cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.key)).size).toBe(cases.length);
  });

  it('ends every input as exactly one record, keeps every raw object, dead-letters nothing', async () => {
    const crashed = new Set<string>();
    const lost = new Set<string>();
    for (const m of rt.queue.deadLetters.list()) {
      const c = cases.find((x) => m.body.includes(encodeURIComponent(x.key).replace(/%20/g, '+').replace(/%2F/g, '/')));
      crashed.add(c?.name ?? m.body);
    }
    for (const c of cases) {
      const mine = records.filter((r) => r.sourceKey === c.key);
      if (mine.length !== 1) lost.add(c.name);
      if (mine.some((r) => /cleaner failed/i.test(r.reason ?? ''))) crashed.add(c.name);
      const head = await rt.clients.s3.send(new HeadObjectCommand({ Bucket: rt.names.bucket, Key: c.key })).catch(() => null);
      if (head?.ContentLength !== uploaded.get(c.key)?.size) lost.add(c.name);
    }
    summary = `bad inputs: ${cases.length} tried, ${crashed.size} crashed, ${lost.size} lost`;
    expect([...crashed]).toEqual([]);
    expect([...lost]).toEqual([]);
    expect(records).toHaveLength(cases.length);
    expect(rt.queue.deadLetters.list()).toEqual([]);
  });

  it('judges the 50 MB page from its size alone: HEAD, never GET', () => {
    for (const c of cases.filter((x) => x.mustNotRead)) {
      const mine = calls.filter((x) => x.service === 's3' && x.key === c.key);
      expect(mine.filter((x) => x.command === 'HeadObjectCommand').length).toBeGreaterThanOrEqual(1);
      expect(mine.filter((x) => x.command === 'GetObjectCommand')).toEqual([]);
    }
    // The other inputs were read, so the count really observes the handler's reads.
    const readable = cases.find((x) => !x.mustNotRead) as BadInput;
    expect(calls.some((x) => x.command === 'GetObjectCommand' && x.key === readable.key)).toBe(true);
  });

  it('cleans every script case within a bound of its own (the handler step that does the work)', () => {
    // 1 MB of CJK takes about a second; ten leaves room for a busy machine, not for a hang.
    const boundMs = 10_000;
    const slow: string[] = [];
    for (const c of cases.filter((x) => x.key.startsWith('raw/script/'))) {
      const bytes = c.body();
      const t0 = performance.now();
      const { result } = cleanObject(bytes, { bucket: rt.names.bucket, key: c.key, versionId: null, eTag: null, size: bytes.length });
      const ms = performance.now() - t0;
      expect(result.status).toBe(c.expect);
      if (ms > boundMs) slow.push(`${c.name}: ${Math.round(ms)} ms`);
    }
    expect(slow).toEqual([]);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const rec = records.find((r) => r.sourceKey === c.key);
    expect(rec).toBeDefined();
    const r = rec as ArticleRecord;
    expect(r.id).toBe(uploaded.get(c.key)?.id);
    expect(r.rawBytes).toBe(uploaded.get(c.key)?.size);
    expect(r.outlet).toBe(c.outlet ?? outletFromKey(c.key));
    const text = `${r.title ?? ''}\n${r.body}`;
    if (c.expect === 'clean') {
      expect({ status: r.status, reason: r.reason }).toEqual({ status: 'clean', reason: null });
      expect(r.paragraphs.length).toBeGreaterThan(0);
      expect(r.wordCount).toBeGreaterThan(15);
      for (const s of c.mustContain ?? []) expect(text).toContain(s);
      for (const s of c.mustNotContain ?? []) expect(text).not.toContain(s);
    } else {
      expect(r.status).toBe('rejected');
      expect(r.reason).toMatch(c.reason ?? /./);
      expect(isOneSentence(r.reason)).toBe(true);
      expect(r.paragraphs).toEqual([]);
      expect(r.body).toBe('');
    }
  });
});

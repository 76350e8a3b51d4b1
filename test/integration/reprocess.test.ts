import { PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalRuntime, type LocalRuntime } from '../../lambdas/local/runtime';
import { collectFiles } from '../../lambdas/local/files';
import { mapLimit, uploadAndProcess } from '../../lambdas/local/ingest-files';
import { dryRunReprocess, planReprocess, rulesVersionStats, runReprocess } from '../../lambdas/local/reprocess';
import type { BaseRuleTable } from '../../lambdas/core/rules';
import type { ArticleRecord } from '../../lambdas/core/types';
import type { IngestOutcome } from '../../lambdas/handlers/ingest-object';
import { collectPages } from '../../lambdas/core/query/pages';
import { SEED_FIXTURES } from '../support/shared';
import { generateArticle } from '../support/generate';

const GENERATED = 200;
const PROMO = (i: number) => `Kiosk promo code ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i * 7) % 26))}`;
const isPromoted = (i: number) => i % 10 === 3;

/** Test-only rule tables, injected through configuration: shipped rules are untouched. */
const EXTRA_RULES: BaseRuleTable[] = [
  { category: 'ad marker', rules: [{ id: 'test.kiosk-promo', pattern: /^Kiosk promo code [A-Z]{2}$/, maxChars: 40 }] },
  { category: 'related list', rules: [{ id: 'test.archive-excerpt', pattern: /^From the archive: /, maxChars: 2000 }] },
];

/**
 * Articles whose bodies the archive rule changes, so reprocessing moves them between stories:
 * `leaver` opens with excerpts of `host`'s story (a copy of it under the old rules) followed
 * by its own; `joiner` is archive excerpts of its own with `target`'s lede at the end (a story
 * of its own under the old rules, a copy of `target` under the new ones).
 */
const archived = (p: string) => `From the archive: ${p}`;
function movers(): Record<'host' | 'leaver' | 'target' | 'joiner', string> {
  const host = generateArticle(5000);
  const own = generateArticle(5001);
  const target = generateArticle(5002);
  const filler = generateArticle(5003);
  return {
    host: host.text,
    leaver: [own.title, ...host.paragraphs.slice(0, 4).map(archived), ...own.paragraphs].join('\n\n'),
    target: target.text,
    joiner: [filler.title, ...filler.paragraphs.map(archived), ...target.paragraphs.slice(0, 3)].join('\n\n'),
  };
}
const MOVERS = movers();
const TOTAL = GENERATED + 5 + Object.keys(MOVERS).length;
const moverKey = (name: string) => `raw/movers/${name}.txt`;

describe('reprocess with a new rules version', () => {
  let dataDir: string;
  const outcomes: IngestOutcome[] = [];
  const open = (extraRules?: BaseRuleTable[]) =>
    startLocalRuntime({ dataDir, dynamo: 'dynalite', extraRules, observer: { onOutcome: (o) => outcomes.push(o) } });

  async function allRecords(rt: LocalRuntime): Promise<ArticleRecord[]> {
    const out: ArticleRecord[] = [];
    let cursor: string | null = null;
    do {
      const p = await rt.deps.articles.scanAll({ cursor, limit: 500 });
      out.push(...p.items);
      cursor = p.cursor;
    } while (cursor);
    return out;
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'news-ingest-reprocess-'));
    const rt = await open();
    try {
      await uploadAndProcess(rt, collectFiles([SEED_FIXTURES]));
      await mapLimit(
        Array.from({ length: GENERATED }, (_, i) => i),
        8,
        async (i) => {
          const a = generateArticle(1000 + i);
          const body = isPromoted(i) ? [a.title, a.paragraphs[0], PROMO(i), ...a.paragraphs.slice(1)].join('\n\n') : a.text;
          await rt.clients.s3.send(new PutObjectCommand({ Bucket: rt.names.bucket, Key: `raw/gen-${i % 4}/a-${i}.txt`, Body: body }));
        },
      );
      for (const [name, body] of Object.entries(MOVERS)) {
        await rt.clients.s3.send(new PutObjectCommand({ Bucket: rt.names.bucket, Key: moverKey(name), Body: body }));
        // One at a time, so `leaver` and `joiner` find `host` and `target` stored.
        await rt.queue.drain();
      }
    } finally {
      await rt.stop();
    }
  }, 240_000);

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('changes only the affected records, moves every version, keeps stories, and is a no-op the second time', async () => {
    const rt = await open(EXTRA_RULES);
    try {
      const before = new Map((await allRecords(rt)).map((r) => [r.id, r]));
      expect(before.size).toBe(TOTAL);
      const oldVersion = [...before.values()][0].rulesVersion;
      expect(rt.deps.rules.version).not.toBe(oldVersion);
      expect(await rulesVersionStats(rt.deps.articles)).toEqual({ [oldVersion]: TOTAL });
      const mover = (name: string, records: Map<string, ArticleRecord>) => [...records.values()].find((r) => r.sourceKey === moverKey(name)) as ArticleRecord;
      const storyOf = (id: string, records: Map<string, ArticleRecord>) =>
        [...records.values()]
          .filter((r) => r.storyId === records.get(id)?.storyId)
          .map((r) => r.id)
          .sort();
      const [host, leaver, target, joiner] = (['host', 'leaver', 'target', 'joiner'] as const).map((n) => mover(n, before));
      // Under the old rules: the leaver is a copy in the host's story, the joiner a story of its own.
      expect(storyOf(host.id, before)).toEqual([host.id, leaver.id].sort());
      expect(storyOf(joiner.id, before)).toEqual([joiner.id]);
      expect(storyOf(target.id, before)).toEqual([target.id]);
      const storiesBefore = (await collectPages((cursor) => rt.deps.articles.storyHeads({ cursor }))).map((r) => r.storyId);

      const plan = await planReprocess(rt, {});
      expect(plan.selected).toHaveLength(TOTAL);
      const dry = await dryRunReprocess(rt, plan, 2);
      expect(dry.wouldChange).toBe(GENERATED / 10 + 2);
      expect(dry.previews).toHaveLength(2);
      expect(dry.previews[0].fields).toEqual(expect.arrayContaining(['headings', 'removed']));
      // A dry run writes nothing.
      expect(await rulesVersionStats(rt.deps.articles)).toEqual({ [oldVersion]: TOTAL });

      outcomes.length = 0;
      const started = Date.now();
      await runReprocess(rt, plan);
      const perThousand = ((Date.now() - started) / plan.selected.length) * 1000;
      process.stdout.write(
        `reprocess: ${plan.selected.length} records, ${outcomes.filter((o) => o === 'clean').length} changed, ${outcomes.filter((o) => o === 'unchanged').length} unchanged, ${(perThousand / 1000).toFixed(1)} s per 1,000 records\n`,
      );

      const after = new Map((await allRecords(rt)).map((r) => [r.id, r]));
      expect(after.size).toBe(TOTAL);
      expect(await rulesVersionStats(rt.deps.articles)).toEqual({ [rt.deps.rules.version]: TOTAL });

      // The leaver lost its host excerpts and founded a story of its own; the host's story lives on without it.
      expect(after.get(leaver.id)?.removed.filter((b) => b.rule === 'test.archive-excerpt')).toHaveLength(4);
      expect(storyOf(leaver.id, after)).toEqual([leaver.id]);
      expect(after.get(leaver.id)?.storyId).not.toBe(before.get(leaver.id)?.storyId);
      expect(storyOf(host.id, after)).toEqual([host.id]);
      expect([after.get(host.id)?.canonicalId, after.get(host.id)?.role]).toEqual([host.id, 'original']);
      // The joiner is now a copy of the target's lede and joined its story; its old story is gone.
      expect(storyOf(target.id, after)).toEqual([target.id, joiner.id].sort());
      expect(after.get(joiner.id)?.role).toBe('copy');
      expect(after.get(joiner.id)?.canonicalId).toBe(target.id);
      const storiesAfter = (await collectPages((cursor) => rt.deps.articles.storyHeads({ cursor }))).map((r) => r.storyId);
      expect(storiesAfter).not.toContain(before.get(joiner.id)?.storyId);
      expect(storiesAfter).toContain(after.get(leaver.id)?.storyId);
      expect(storiesAfter).toHaveLength(storiesBefore.length);
      expect(new Set(storiesAfter).size).toBe(storiesAfter.length);

      let changed = 0;
      const moved = new Set([host.id, leaver.id, target.id, joiner.id]);
      for (const [id, a] of after) {
        if (moved.has(id)) continue;
        const b = before.get(id) as ArticleRecord;
        const promo = b.headings.find((h) => /^Kiosk promo code/.test(h));
        if (promo) {
          changed++;
          expect(a.headings).not.toContain(promo);
          expect(a.removed).toContainEqual(expect.objectContaining({ text: promo, rule: 'test.kiosk-promo', category: 'ad marker' }));
        } else {
          const { rulesVersion: _a, ...restAfter } = a;
          const { rulesVersion: _b, ...restBefore } = b;
          expect(restAfter).toEqual(restBefore);
        }
        // Bodies did not change, so story membership did not either.
        expect([a.storyId, a.role, a.canonicalId]).toEqual([b.storyId, b.role, b.canonicalId]);
      }
      expect(changed).toBe(GENERATED / 10);

      const again = await planReprocess(rt, {});
      expect(again.selected).toHaveLength(0);
    } finally {
      await rt.stop();
    }
  }, 240_000);
});

import { PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalRuntime, type LocalRuntime } from '../../lambdas/local/runtime';
import { collectFiles } from '../../lambdas/local/files';
import { mapLimit, uploadAndProcess } from '../../lambdas/local/ingest-files';
import { dryRunReprocess, planReprocess, rulesVersionStats, runReprocess } from '../../lambdas/local/reprocess';
import type { RuleTable } from '../../lambdas/core/rules';
import type { ArticleRecord } from '../../lambdas/core/types';
import type { IngestOutcome } from '../../lambdas/handlers/ingest-object';
import { SEED_FIXTURES } from '../support/shared';
import { generateArticle } from '../support/generate';

const GENERATED = 200;
const PROMO = (i: number) => `Kiosk promo code ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i * 7) % 26))}`;
const isPromoted = (i: number) => i % 10 === 3;

/** A test-only rule table, injected through configuration: shipped rules are untouched. */
const EXTRA_RULES: RuleTable[] = [{ category: 'ad marker', rules: [{ id: 'test.kiosk-promo', pattern: /^Kiosk promo code [A-Z]{2}$/, maxChars: 40 }] }];

describe('reprocess with a new rules version', () => {
  let dataDir: string;
  const outcomes: IngestOutcome[] = [];
  const open = (extraRules?: RuleTable[]) =>
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
      await mapLimit(Array.from({ length: GENERATED }, (_, i) => i), 8, async (i) => {
        const a = generateArticle(1000 + i);
        const body = isPromoted(i) ? [a.title, a.paragraphs[0], PROMO(i), ...a.paragraphs.slice(1)].join('\n\n') : a.text;
        await rt.clients.s3.send(new PutObjectCommand({ Bucket: rt.names.bucket, Key: `raw/gen-${i % 4}/a-${i}.txt`, Body: body }));
      });
      await rt.queue.drain();
    } finally {
      await rt.stop();
    }
  }, 240_000);

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('changes only the affected records, moves every version, keeps stories, and is a no-op the second time', async () => {
    const rt = await open(EXTRA_RULES);
    try {
      const before = new Map((await allRecords(rt)).map((r) => [r.id, r]));
      expect(before.size).toBe(GENERATED + 5);
      const oldVersion = [...before.values()][0].rulesVersion;
      expect(rt.deps.rules.version).not.toBe(oldVersion);
      expect(await rulesVersionStats(rt.deps.articles)).toEqual({ [oldVersion]: GENERATED + 5 });

      const plan = await planReprocess(rt, {});
      expect(plan.selected).toHaveLength(GENERATED + 5);
      const dry = await dryRunReprocess(rt, plan, 2);
      expect(dry.wouldChange).toBe(GENERATED / 10);
      expect(dry.previews).toHaveLength(2);
      expect(dry.previews[0].fields).toEqual(expect.arrayContaining(['headings', 'removed']));
      // A dry run writes nothing.
      expect(await rulesVersionStats(rt.deps.articles)).toEqual({ [oldVersion]: GENERATED + 5 });

      outcomes.length = 0;
      const started = Date.now();
      await runReprocess(rt, plan);
      const perThousand = ((Date.now() - started) / plan.selected.length) * 1000;
      process.stdout.write(`reprocess: ${plan.selected.length} records, ${outcomes.filter((o) => o === 'clean').length} changed, ${outcomes.filter((o) => o === 'unchanged').length} unchanged, ${(perThousand / 1000).toFixed(1)} s per 1,000 records\n`);

      const after = new Map((await allRecords(rt)).map((r) => [r.id, r]));
      expect(after.size).toBe(GENERATED + 5);
      expect(await rulesVersionStats(rt.deps.articles)).toEqual({ [rt.deps.rules.version]: GENERATED + 5 });
      let changed = 0;
      for (const [id, a] of after) {
        const b = before.get(id) as ArticleRecord;
        const promo = b.headings.find((h) => /^Kiosk promo code/.test(h));
        if (promo) {
          changed++;
          expect(a.headings).not.toContain(promo);
          expect(a.removed).toContainEqual({ text: promo, rule: 'test.kiosk-promo', category: 'ad marker' });
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

/**
 * Sixteen outlet copies of one article arrive at once and run through the real handler side
 * by side (sixteen single-message invocations) on the embedded runtime with DynamoDB Local:
 * whatever order their index updates interleave in, they form one story. Twenty rounds, a new
 * article each.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { startLocalRuntime, type LocalRuntime } from '../../lambdas/local/runtime';
import { mapLimit } from '../../lambdas/local/ingest-files';
import type { IngestOutcome } from '../../lambdas/handlers/ingest-object';
import type { ArticleRecord } from '../../lambdas/core/types';
import { generateArticle } from '../support/generate';

const COPIES = 16;
const ROUNDS = 20;

/** What outlets do to wire copy: trim the tail, retitle, add a dateline or their own footer. */
function outletCopy(round: number, k: number): string {
  const a = generateArticle(7000 + round);
  const paragraphs = [...a.paragraphs];
  let title = a.title;
  if (k % 4 === 1) paragraphs.pop();
  if (k % 4 === 2) title = `${a.title.split(' (')[0]}: what we know`;
  if (k % 4 === 3) {
    paragraphs[0] = `LONDON (AP) — ${paragraphs[0]}`;
    paragraphs.splice(-2, 2);
  }
  if (k % 3 === 0) paragraphs.push(`Copyright 2026 Outlet ${k}. All rights reserved.`);
  return [title, ...paragraphs].join('\n\n') + '\n';
}

describe('sixteen copies of one article handled at the same time', () => {
  let rt: LocalRuntime;
  const outcomes: IngestOutcome[] = [];

  beforeAll(async () => {
    rt = await startLocalRuntime({
      dataDir: null,
      dynamo: 'dynamodb-local',
      queue: { concurrency: COPIES, batchSize: 1, visibilityTimeoutMs: 120_000, maxReceiveCount: 1 },
      observer: { onOutcome: (o) => outcomes.push(o) },
    });
  }, 120_000);

  afterAll(async () => {
    await rt?.stop();
  });

  it(`forms one story, ${ROUNDS} rounds over`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const keys = Array.from({ length: COPIES }, (_, k) => `raw/outlet-${k}/round-${round}.txt`);
      await mapLimit(keys, COPIES, (key, k) => rt.clients.s3.send(new PutObjectCommand({ Bucket: rt.names.bucket, Key: key, Body: outletCopy(round, k) })));
      await rt.queue.drain(120_000);
      // A lost copy shows up here with its error, before the record count says only that it is missing.
      expect({ round, deadLetters: rt.queue.deadLetters.list().map((m) => m.lastError) }).toEqual({ round, deadLetters: [] });
      const records: ArticleRecord[] = [];
      for (const key of keys) {
        const page = await rt.deps.articles.byOutlet(key.split('/')[1]);
        records.push(...page.items.filter((r) => r.sourceKey === key));
      }
      expect(records.map((r) => r.status)).toEqual(Array(COPIES).fill('clean'));
      const stories = new Set(records.map((r) => r.storyId));
      expect({ round, stories: stories.size }).toEqual({ round, stories: 1 });
      const [storyId] = stories;
      expect({ round, canonicalIds: [...new Set(records.map((r) => r.canonicalId))] }).toEqual({ round, canonicalIds: [expect.any(String)] });
      expect(await rt.deps.articles.countStory(storyId)).toBe(COPIES);
      // The count the story listing shows is the one the racing syncs stored, not a live count.
      const heads = await rt.deps.articles.storyHeads({ limit: 500, newestFirst: true });
      expect({ round, memberCount: heads.items.find((h) => h.storyId === storyId)?.memberCount }).toEqual({ round, memberCount: COPIES });
    }
    expect(outcomes.filter((o) => o === 'clean')).toHaveLength(COPIES * ROUNDS);
    expect(rt.queue.deadLetters.list()).toHaveLength(0);
  }, 600_000);
});

import { LocalQueue } from '../../../lambdas/local/local-queue';
import type { SQSEvent } from '../../../lambdas/handlers/sqs-types';

describe('LocalQueue', () => {
  it('delivers every message in batches no larger than batchSize', async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    const q = new LocalQueue(
      async (e: SQSEvent) => {
        sizes.push(e.Records.length);
        seen.push(...e.Records.map((r) => r.body));
        return { batchItemFailures: [] };
      },
      { batchSize: 3, concurrency: 2 },
    );
    for (let i = 0; i < 10; i++) q.send(`m${i}`);
    await q.drain(5000);
    expect(seen.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `m${i}`).sort());
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
    expect(q.depth).toBe(0);
  });

  it('redelivers reported failures after the visibility timeout, then dead-letters after maxReceiveCount', async () => {
    const receives = new Map<string, number>();
    const q = new LocalQueue(
      async (e: SQSEvent) => {
        for (const r of e.Records) receives.set(r.body, (receives.get(r.body) ?? 0) + 1);
        // "flaky" succeeds on its third receive; "poison" never does.
        return {
          batchItemFailures: e.Records.filter((r) => r.body === 'poison' || (r.body === 'flaky' && (receives.get('flaky') ?? 0) < 3)).map((r) => ({
            itemIdentifier: r.messageId,
          })),
        };
      },
      { visibilityTimeoutMs: 20, maxReceiveCount: 4, batchSize: 10, concurrency: 1 },
    );
    q.send('ok');
    q.send('flaky');
    q.send('poison');
    const started = Date.now();
    await q.drain(5000);
    expect(receives.get('ok')).toBe(1);
    expect(receives.get('flaky')).toBe(3);
    expect(receives.get('poison')).toBe(4);
    expect(q.deadLetters.list().map((m) => m.body)).toEqual(['poison']);
    // Three redeliveries of "poison" each waited for the visibility timeout.
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 20 - 5);
  });

  it('treats a thrown handler as a failure of the whole batch', async () => {
    let calls = 0;
    const q = new LocalQueue(
      async () => {
        calls++;
        if (calls === 1) throw new Error('boom');
        return { batchItemFailures: [] };
      },
      { visibilityTimeoutMs: 5, maxReceiveCount: 3, concurrency: 1 },
    );
    q.send('a');
    q.send('b');
    await q.drain(5000);
    expect(calls).toBe(2);
    expect(q.deadLetters.list()).toEqual([]);
  });

  it('delivers while a producer is still sending, and returns only when it is done and the queue is empty', async () => {
    const seen: string[] = [];
    const settled: number[] = [];
    const q = new LocalQueue(
      async (e: SQSEvent) => {
        seen.push(...e.Records.map((r) => r.body));
        return { batchItemFailures: [] };
      },
      { batchSize: 4, concurrency: 2, settle: async () => void settled.push(seen.length) },
    );
    let sentBeforeSeen = -1;
    const producing = (async () => {
      for (let i = 0; i < 12; i++) {
        q.send(`m${i}`);
        await new Promise((r) => setTimeout(r, 15));
        if (sentBeforeSeen < 0 && seen.length > 0) sentBeforeSeen = i + 1;
      }
      // The last one arrives as the producer ends, like a notification still in flight.
      q.send('last');
    })();
    await q.drain(5000, producing);
    expect(seen.sort()).toEqual([...Array.from({ length: 12 }, (_, i) => `m${i}`), 'last'].sort());
    // Handling started long before the producer finished.
    expect(sentBeforeSeen).toBeGreaterThan(0);
    expect(sentBeforeSeen).toBeLessThan(12);
    // Notifications from another process were settled once, after the producer.
    expect(settled).toHaveLength(1);
    expect(q.depth).toBe(0);
  });

  it('handles what a failed producer queued, then rethrows its error', async () => {
    const seen: string[] = [];
    const q = new LocalQueue(async (e: SQSEvent) => {
      seen.push(...e.Records.map((r) => r.body));
      return { batchItemFailures: [] };
    });
    const producing = (async () => {
      q.send('a');
      await new Promise((r) => setTimeout(r, 10));
      throw new Error('upload failed');
    })();
    await expect(q.drain(5000, producing)).rejects.toThrow('upload failed');
    expect(seen).toEqual(['a']);
  });

  it('gives up draining at the deadline instead of hanging', async () => {
    const q = new LocalQueue(async (e: SQSEvent) => ({ batchItemFailures: e.Records.map((r) => ({ itemIdentifier: r.messageId })) }), {
      visibilityTimeoutMs: 10,
      maxReceiveCount: 1_000_000,
    });
    q.send('stuck');
    await expect(q.drain(100)).rejects.toThrow(/did not drain/);
  });
});

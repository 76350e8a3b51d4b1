import { LocalQueue } from '../../../lambdas/local/local-queue';
import { redrive } from '../../../lambdas/local/redrive';

describe('LocalQueue when handling outlasts the visibility timeout', () => {
  it('dead-letters a message once even when two overlapping receives both fail it', async () => {
    let invocations = 0;
    const q = new LocalQueue(
      async (e) => {
        invocations++;
        await new Promise((r) => setTimeout(r, 120));
        return { batchItemFailures: e.Records.map((r) => ({ itemIdentifier: r.messageId })) };
      },
      { visibilityTimeoutMs: 20, maxReceiveCount: 2, batchSize: 1, concurrency: 2 },
    );
    q.send('poison');
    await q.drain(5000);
    // The second worker received it again while the first was still handling it.
    expect(invocations).toBe(2);
    expect(q.deadLetters.list().map((m) => m.body)).toEqual(['poison']);
  });

  it('purges waiting messages, and redrive replays the DLQ into the queue', async () => {
    const seen: string[] = [];
    let failing = true;
    const q = new LocalQueue(
      async (e) => {
        seen.push(...e.Records.map((r) => r.body));
        return { batchItemFailures: failing ? e.Records.map((r) => ({ itemIdentifier: r.messageId })) : [] };
      },
      { visibilityTimeoutMs: 1, maxReceiveCount: 1, concurrency: 1 },
    );
    q.send('a');
    q.send('b');
    expect(q.purge()).toBe(2);
    expect(q.depth).toBe(0);
    q.send('c');
    q.send('d');
    await q.drain(5000);
    expect(
      q.deadLetters
        .list()
        .map((m) => m.body)
        .sort(),
    ).toEqual(['c', 'd']);
    failing = false;
    seen.length = 0;
    expect(await redrive({ queue: q })).toEqual({ redriven: 2 });
    expect(seen.sort()).toEqual(['c', 'd']);
    expect(q.deadLetters.list()).toEqual([]);
    expect(q.depth).toBe(0);
  });
});

import { randomUUID } from 'node:crypto';
import type { IngestHandler } from '../handlers/ingest-handler';
import type { SQSRecord } from '../handlers/sqs-types';

/** SQS semantics the pipeline relies on, in process: batches, visibility timeout, receive counts, a DLQ. */

export interface QueueMessage {
  messageId: string;
  body: string;
  receiveCount: number;
  /** Epoch ms when the message may be received again. */
  visibleAt: number;
  lastError?: string;
}

export interface DeadLetterStore {
  add(msg: QueueMessage): void;
  list(): QueueMessage[];
  clear(): void;
}

export class MemoryDeadLetters implements DeadLetterStore {
  private items: QueueMessage[] = [];
  add(msg: QueueMessage): void {
    this.items.push(msg);
  }
  list(): QueueMessage[] {
    return [...this.items];
  }
  clear(): void {
    this.items = [];
  }
}

export interface LocalQueueOptions {
  visibilityTimeoutMs: number;
  maxReceiveCount: number;
  batchSize: number;
  /** Handler invocations running at once (Lambda's max concurrency). */
  concurrency: number;
  deadLetters: DeadLetterStore;
  /**
   * Awaited before draining: lets a producer in another process (the S3 server's bucket
   * notifications) deliver what it already sent, so a drain right after an upload sees it.
   */
  settle?: () => Promise<void>;
}

export const LOCAL_QUEUE_DEFAULTS: Omit<LocalQueueOptions, 'deadLetters'> = {
  visibilityTimeoutMs: 30_000,
  maxReceiveCount: 5,
  batchSize: 10,
  concurrency: 4,
};

export class LocalQueue {
  private readonly messages = new Map<string, QueueMessage>();
  private readonly opts: LocalQueueOptions;

  constructor(
    private handler: IngestHandler,
    opts: Partial<LocalQueueOptions> = {},
  ) {
    this.opts = { ...LOCAL_QUEUE_DEFAULTS, deadLetters: new MemoryDeadLetters(), ...opts };
  }

  get deadLetters(): DeadLetterStore {
    return this.opts.deadLetters;
  }

  setHandler(handler: IngestHandler): void {
    this.handler = handler;
  }

  send(body: string): string {
    const messageId = randomUUID();
    this.messages.set(messageId, { messageId, body, receiveCount: 0, visibleAt: 0 });
    this.wakeWaiters();
    return messageId;
  }

  /** Drop every waiting message, as SQS's PurgeQueue does; returns how many there were. */
  purge(): number {
    const n = this.messages.size;
    this.messages.clear();
    return n;
  }

  get depth(): number {
    return this.messages.size;
  }

  /**
   * Deliver until the queue is empty; bounded by `timeoutMs` so a stuck handler cannot hang the caller.
   * With `producing` (uploads whose notifications fill the queue), delivery starts at once and
   * goes on until that settles and the queue is empty, as Lambda polls SQS while objects arrive.
   * A rejected `producing` is rethrown once what it queued has been handled.
   */
  async drain(timeoutMs = 10 * 60_000, producing?: Promise<unknown>): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let open = producing !== undefined;
    const produced = producing
      ?.finally(() => this.opts.settle?.())
      .finally(() => {
        open = false;
        this.wakeWaiters();
      });
    // Observed here so a failed producer is not an unhandled rejection while the workers run.
    produced?.catch(() => undefined);
    if (!producing) await this.opts.settle?.();
    const workers = Array.from({ length: this.opts.concurrency }, () => this.work(deadline, () => open));
    await Promise.all(workers);
    await produced;
    if (this.messages.size > 0) throw new Error(`Queue did not drain within ${timeoutMs} ms (${this.messages.size} messages left).`);
  }

  private waiters: (() => void)[] = [];

  private wakeWaiters(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }

  /** Sleep until a message is sent, the producer is done, or `ms` pass. */
  private nextSend(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.waiters.push(done);
    });
  }

  private receive(now: number): QueueMessage[] {
    const batch: QueueMessage[] = [];
    for (const m of this.messages.values()) {
      if (m.visibleAt > now) continue;
      m.receiveCount++;
      m.visibleAt = now + this.opts.visibilityTimeoutMs;
      batch.push(m);
      if (batch.length >= this.opts.batchSize) break;
    }
    return batch;
  }

  private async work(deadline: number, producing: () => boolean): Promise<void> {
    while ((this.messages.size > 0 || producing()) && Date.now() < deadline) {
      const batch = this.receive(Date.now());
      if (batch.length === 0) {
        // Nothing visible: wait for a new message or the first visibility timeout to end.
        let soonest = Infinity;
        for (const m of this.messages.values()) soonest = Math.min(soonest, m.visibleAt);
        await this.nextSend(Math.max(1, Math.min(soonest - Date.now(), 100, deadline - Date.now())));
        continue;
      }
      const failed = await this.invoke(batch);
      for (const m of batch) {
        if (!failed.has(m.messageId)) {
          this.messages.delete(m.messageId);
        } else if (m.receiveCount >= this.opts.maxReceiveCount && this.messages.get(m.messageId) === m) {
          // As SQS does with a redrive policy: after maxReceiveCount receives, move it aside — once,
          // even when its visibility timeout ran out mid-handling and a second receive failed it too.
          this.messages.delete(m.messageId);
          this.opts.deadLetters.add({ ...m, lastError: failed.get(m.messageId) });
        }
        // Otherwise it stays invisible until its visibility timeout ends, then is received again.
      }
    }
  }

  private async invoke(batch: QueueMessage[]): Promise<Map<string, string>> {
    const records: SQSRecord[] = batch.map((m) => ({
      messageId: m.messageId,
      body: m.body,
      eventSource: 'aws:sqs',
      attributes: { ApproximateReceiveCount: String(m.receiveCount) },
    }));
    try {
      const res = await this.handler({ Records: records });
      return new Map(res.batchItemFailures.map((f) => [f.itemIdentifier, 'reported as failed by the handler']));
    } catch (err) {
      // A thrown handler fails the whole batch, as Lambda does.
      const why = err instanceof Error ? err.message : String(err);
      return new Map(batch.map((m) => [m.messageId, why]));
    }
  }
}

import type { SQSBatchResponse, SQSEvent } from './sqs-types';
import { parseS3Message } from '../core/ingest/s3-event';
import { ingestCounts, MESSAGES_FAILED_METRIC, MESSAGES_IGNORED_METRIC } from '../core/ingest/ingest-metrics';
import { errorFields } from './log';
import { ingestObject, type IngestDeps, type IngestOutcome } from './ingest-object';

/** Messages in one batch handled side by side; bounded so one batch cannot exhaust memory. */
const BATCH_PARALLELISM = 4;

/**
 * Time a message may need once started: the slowest pages the size and nesting guards let
 * through clean in about 10 s on a loaded machine, plus the DynamoDB writes. A message started
 * with less left could be cut off by the function timeout, and then SQS would count a receive
 * against every message of the batch.
 */
export const MESSAGE_TIME_RESERVE_MS = 15_000;

/** The part of the Lambda context the handler reads; absent when the local queue invokes it. */
export interface InvocationContext {
  getRemainingTimeInMillis(): number;
}

export type IngestHandler = (event: SQSEvent, context?: InvocationContext) => Promise<SQSBatchResponse>;

export interface BatchObserver {
  onOutcome?(outcome: IngestOutcome, id: string | undefined): void;
}

/**
 * SQS batch of S3 events → records. A failing message is reported back alone
 * (partial batch response) so SQS retries just that one; bad content never fails.
 */
export function createIngestHandler(deps: IngestDeps, observer: BatchObserver = {}, opts: { timeReserveMs?: number } = {}): IngestHandler {
  const reserveMs = opts.timeReserveMs ?? MESSAGE_TIME_RESERVE_MS;
  return async (event, context) => {
    // Never more than half the invocation: with a short function timeout a fixed reserve would start nothing, ever.
    const reserve = context ? Math.min(reserveMs, context.getRemainingTimeInMillis() / 2) : 0;
    const failures: { itemIdentifier: string }[] = [];
    const records = event.Records ?? [];
    let next = 0;
    const worker = async () => {
      while (next < records.length) {
        if (context && context.getRemainingTimeInMillis() < reserve) {
          // Left unstarted, they come back after their visibility timeout without a cut-off run.
          const rest = records.slice(next).map((m) => m.messageId);
          next = records.length;
          deps.log.warn('time running out, messages left for a retry', { messages: rest.length, remainingMs: context.getRemainingTimeInMillis() });
          for (const id of rest) failures.push({ itemIdentifier: id });
          break;
        }
        const msg = records[next++];
        const parsed = parseS3Message(msg.body);
        if (parsed.kind === 'test') continue;
        if (parsed.kind === 'invalid') {
          // Retrying a malformed message can never succeed; log it and let it go.
          deps.log.warn('ignored message', { messageId: msg.messageId, reason: parsed.reason });
          deps.metrics.count(MESSAGES_IGNORED_METRIC, 1);
          continue;
        }
        try {
          for (const ref of parsed.objects) {
            const r = await ingestObject(ref, deps);
            observer.onOutcome?.(r.outcome, r.id);
            for (const [name, value] of Object.entries(ingestCounts(r.outcome, r.record))) deps.metrics.count(name, value);
          }
        } catch (err) {
          deps.log.error('message failed, will be retried', { messageId: msg.messageId, ...errorFields(err) });
          failures.push({ itemIdentifier: msg.messageId });
          deps.metrics.count(MESSAGES_FAILED_METRIC, 1);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(BATCH_PARALLELISM, records.length) }, worker));
    return { batchItemFailures: failures };
  };
}

import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export const INGEST_QUEUE_DEFAULTS = {
  /** Receives before a message is parked in the DLQ; transient errors get several tries. */
  maxReceiveCount: 5,
  /** The SQS maximum, so a parked message survives a long weekend before anyone redrives it. */
  deadLetterRetention: Duration.days(14),
  /** AWS guidance for Lambda event sources: at least six times the function timeout. */
  visibilityTimeoutFactor: 6,
} as const;

export interface IngestQueueProps {
  /** Timeout of the function consuming the queue; the visibility timeout is derived from it. */
  readonly consumerTimeout: Duration;
  readonly maxReceiveCount?: number;
  readonly deadLetterRetention?: Duration;
}

/** The queue S3 notifications land in, and the dead-letter queue behind it. */
export class IngestQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: IngestQueueProps) {
    super(scope, id);
    const secure = { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true } as const;

    // Needs no DLQ of its own (cdk-nag SQS3 recognises it as one): `news-ingest redrive` replays it.
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      ...secure,
      retentionPeriod: props.deadLetterRetention ?? INGEST_QUEUE_DEFAULTS.deadLetterRetention,
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      ...secure,
      // A message must stay hidden while the function (and the event source's own
      // retries of a throttled invoke) may still be working on it, or it is processed twice.
      visibilityTimeout: Duration.seconds(props.consumerTimeout.toSeconds() * INGEST_QUEUE_DEFAULTS.visibilityTimeoutFactor),
      deadLetterQueue: {
        queue: this.deadLetterQueue,
        maxReceiveCount: props.maxReceiveCount ?? INGEST_QUEUE_DEFAULTS.maxReceiveCount,
      },
    });
  }
}

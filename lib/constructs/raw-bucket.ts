import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { PREFIX } from '../../lambdas/core/schema';
import type { StageConfig } from '../stage';

export const RAW_BUCKET_DEFAULTS = {
  /** Overwritten uploads stay restorable this long; the current version is never expired. */
  noncurrentVersionExpiration: Duration.days(30),
  abortIncompleteMultipartUploadAfter: Duration.days(7),
  accessLogRetention: Duration.days(90),
} as const;

export interface RawBucketProps {
  readonly stage: StageConfig;
  /** Where ObjectCreated events for uploads under `raw/` are sent. */
  readonly notificationQueue: sqs.IQueue;
  readonly noncurrentVersionExpiration?: Duration;
  readonly abortIncompleteMultipartUploadAfter?: Duration;
  readonly accessLogRetention?: Duration;
}

/** Construct id aws-cdk-lib gives its bucket-notifications custom resource handler (one per stack). */
const NOTIFICATIONS_HANDLER_ID = 'BucketNotificationsHandler050a0587b7544547bf325f094a3db834';

const PRIVATE_BUCKET: s3.BucketProps = {
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  encryption: s3.BucketEncryption.S3_MANAGED,
  enforceSSL: true,
  objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
};

/**
 * The bucket users upload pages to (under `raw/<outlet>/`), which also holds large
 * cleaned bodies under `bodies/`. Only `raw/` notifies the queue, so the ingest
 * function writing `bodies/` can never trigger itself.
 */
export class RawBucket extends Construct {
  readonly bucket: s3.Bucket;
  readonly accessLogBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: RawBucketProps) {
    super(scope, id);
    const { stage } = props;
    // A dev stack is disposable: let `cdk destroy` empty and delete it. Prod data is retained.
    const disposal = { removalPolicy: stage.dataRemovalPolicy, autoDeleteObjects: stage.dataRemovalPolicy === RemovalPolicy.DESTROY };

    // Not logged itself (that would need yet another bucket); cdk-nag S1 accepts a log target.
    this.accessLogBucket = new s3.Bucket(this, 'AccessLogs', {
      ...PRIVATE_BUCKET,
      ...disposal,
      lifecycleRules: [{ expiration: props.accessLogRetention ?? RAW_BUCKET_DEFAULTS.accessLogRetention }],
    });

    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...PRIVATE_BUCKET,
      ...disposal,
      versioned: true,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'raw-bucket/',
      lifecycleRules: [
        {
          noncurrentVersionExpiration: props.noncurrentVersionExpiration ?? RAW_BUCKET_DEFAULTS.noncurrentVersionExpiration,
          abortIncompleteMultipartUploadAfter: props.abortIncompleteMultipartUploadAfter ?? RAW_BUCKET_DEFAULTS.abortIncompleteMultipartUploadAfter,
        },
      ],
    });

    this.bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.SqsDestination(props.notificationQueue), { prefix: PREFIX.raw });
    this.suppressNotificationHandlerFindings();
  }

  /** CDK's singleton custom resource that writes the bucket's notification configuration. */
  private suppressNotificationHandlerFindings(): void {
    const handler = Stack.of(this).node.tryFindChild(NOTIFICATIONS_HANDLER_ID);
    if (!handler) return;
    NagSuppressions.addResourceSuppressions(
      handler,
      [
        {
          id: 'AwsSolutions-IAM4',
          reason:
            'CDK-owned custom resource that only runs at deploy time to put the bucket notification configuration; it logs through the basic execution role CDK gives it.',
          appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
        },
      ],
      true,
    );
  }
}

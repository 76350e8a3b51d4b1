/**
 * Each construct alone, in its own stack, with non-default props: the whole-stack tests only see
 * the defaults, so an option a construct accepts but drops would go unnoticed there.
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { ArticleTables } from '../../lib/constructs/article-tables';
import { INGEST_QUEUE_DEFAULTS, IngestQueue } from '../../lib/constructs/ingest-queue';
import { RawBucket } from '../../lib/constructs/raw-bucket';
import { stageConfig } from '../../lib/stage';
import { CDK_JSON_CONTEXT } from './synth';
import { ARTICLES_TABLE, FINGERPRINT_TABLE, PREFIX } from '../../lambdas/core/schema';

function templateOf(build: (stack: Stack) => void): Template {
  // The feature flags from cdk.json, as the real app gets them.
  const stack = new Stack(new App({ context: CDK_JSON_CONTEXT }), 'ConstructUnderTest');
  build(stack);
  return Template.fromStack(stack);
}

describe('IngestQueue', () => {
  const template = templateOf((stack) => {
    new IngestQueue(stack, 'Q', { consumerTimeout: Duration.seconds(40), maxReceiveCount: 2, deadLetterRetention: Duration.days(3) });
  });

  it('derives the visibility timeout from the consumer timeout', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: 40 * INGEST_QUEUE_DEFAULTS.visibilityTimeoutFactor,
      RedrivePolicy: Match.objectLike({ maxReceiveCount: 2 }),
    });
  });

  it('keeps dead letters for the retention asked for, encrypted, TLS only', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { MessageRetentionPeriod: 3 * 86400, SqsManagedSseEnabled: true });
    template.resourceCountIs('AWS::SQS::QueuePolicy', 2);
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      }),
    });
  });
});

describe('RawBucket', () => {
  const template = templateOf((stack) => {
    const queue = new sqs.Queue(stack, 'Notifications');
    new RawBucket(stack, 'Raw', {
      stage: stageConfig('prod'),
      notificationQueue: queue,
      noncurrentVersionExpiration: Duration.days(5),
      abortIncompleteMultipartUploadAfter: Duration.days(2),
      accessLogRetention: Duration.days(11),
    });
  });

  it('applies the lifecycle options given', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: {
        Rules: [Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 5 }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 2 } })],
      },
    });
    template.hasResourceProperties('AWS::S3::Bucket', { LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 11 })] } });
  });

  it("keeps a production stage's data and never auto-deletes it", () => {
    template.allResources('AWS::S3::Bucket', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(Object.keys(template.findResources('Custom::S3AutoDeleteObjects'))).toEqual([]);
  });

  it('is private and encrypted, and notifies only for uploads under raw/', () => {
    template.allResourcesProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: Match.anyValue(),
    });
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        QueueConfigurations: [Match.objectLike({ Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: PREFIX.raw }] } } })],
      },
    });
  });

  it("auto-deletes a disposable stage's objects", () => {
    const dev = templateOf((stack) => {
      new RawBucket(stack, 'Raw', { stage: stageConfig('dev'), notificationQueue: new sqs.Queue(stack, 'Notifications') });
    });
    dev.allResources('AWS::S3::Bucket', { DeletionPolicy: 'Delete' });
    expect(Object.keys(dev.findResources('Custom::S3AutoDeleteObjects'))).toHaveLength(2);
  });
});

describe('ArticleTables', () => {
  const template = templateOf((stack) => {
    new ArticleTables(stack, 'Tables', { stage: stageConfig('test'), pointInTimeRecovery: false, deletionProtection: true });
  });

  it('builds both tables from the schema module with the options given', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 2);
    for (const schema of [ARTICLES_TABLE, FINGERPRINT_TABLE]) {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: Match.arrayWith([{ AttributeName: schema.partitionKey.name, KeyType: 'HASH' }]),
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
      });
    }
    const indexes = ARTICLES_TABLE.globalSecondaryIndexes.map((i) => Match.objectLike({ IndexName: i.indexName, Projection: { ProjectionType: 'ALL' } }));
    template.hasResourceProperties('AWS::DynamoDB::Table', { GlobalSecondaryIndexes: Match.arrayWith(indexes) });
  });

  it("protects a kept stage's tables from deletion by default and retains them", () => {
    const prod = templateOf((stack) => {
      new ArticleTables(stack, 'Tables', { stage: stageConfig('prod'), billingMode: dynamodb.BillingMode.PAY_PER_REQUEST });
    });
    prod.allResourcesProperties('AWS::DynamoDB::Table', {
      DeletionProtectionEnabled: true,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
    prod.allResources('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain' });
  });
});

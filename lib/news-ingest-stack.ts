import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ArticleTables, type ArticleTablesProps } from './constructs/article-tables';
import { IngestFunction, INGEST_FUNCTION_DEFAULTS, type IngestFunctionProps } from './constructs/ingest-function';
import { IngestQueue, type IngestQueueProps } from './constructs/ingest-queue';
import { Observability, type ObservabilityProps } from './constructs/observability';
import { QueryApi, type QueryApiProps } from './constructs/query-api';
import { ReprocessStateMachine, type ReprocessStateMachineProps } from './constructs/reprocess-state-machine';
import { RawBucket, type RawBucketProps } from './constructs/raw-bucket';
import { stageFromContext, type StageConfig } from './stage';

/**
 * Stack output names. The CLI (`news-ingest --stack <name>`) finds the deployed
 * resources through CloudFormation DescribeStacks by these keys
 * (lambdas/adapters/stack-outputs.ts keeps its own copy, so the Lambda/CLI code never
 * imports CDK; test/cdk/pipeline.test.ts fails if the two drift):
 *   RawBucketName, ArticlesTableName, FingerprintTableName, IngestQueueUrl,
 *   DeadLetterQueueUrl, ApiUrl, ReprocessStateMachineArn
 */
export const OUTPUTS = {
  rawBucketName: 'RawBucketName',
  articlesTableName: 'ArticlesTableName',
  fingerprintTableName: 'FingerprintTableName',
  ingestQueueUrl: 'IngestQueueUrl',
  deadLetterQueueUrl: 'DeadLetterQueueUrl',
  apiUrl: 'ApiUrl',
  reprocessStateMachineArn: 'ReprocessStateMachineArn',
} as const;

/** A construct's tuning props: what the stack wires itself (resources, stage) is not overridable. */
type Tuning<P> = Omit<
  P,
  | 'stage'
  | 'logRemovalPolicy'
  | 'queue'
  | 'bucket'
  | 'articlesTable'
  | 'fingerprintTable'
  | 'notificationQueue'
  | 'consumerTimeout'
  | 'ingestFunction'
  | 'queryFunction'
  | 'deadLetterQueue'
  | 'api'
>;

export interface NewsIngestStackProps extends StackProps {
  /** @default from the `stage` context key */
  readonly stage?: StageConfig;
  readonly bucket?: Tuning<RawBucketProps>;
  readonly queue?: Tuning<IngestQueueProps>;
  readonly tables?: Tuning<ArticleTablesProps>;
  readonly ingest?: Tuning<IngestFunctionProps>;
  readonly api?: Tuning<QueryApiProps>;
  readonly reprocess?: Tuning<ReprocessStateMachineProps>;
  readonly observability?: Tuning<ObservabilityProps>;
}

/** Upload → S3 notification → SQS → ingest Lambda → DynamoDB, plus the query API and reprocessing. */
export class NewsIngestStack extends Stack {
  constructor(scope: Construct, id: string, props: NewsIngestStackProps = {}) {
    super(scope, id, props);
    const stage = props.stage ?? stageFromContext(this);

    const tables = new ArticleTables(this, 'Tables', { stage, ...props.tables });
    const queue = new IngestQueue(this, 'IngestQueue', {
      consumerTimeout: props.ingest?.timeout ?? INGEST_FUNCTION_DEFAULTS.timeout,
      ...props.queue,
    });
    const raw = new RawBucket(this, 'RawBucket', { stage, notificationQueue: queue.queue, ...props.bucket });
    const ingest = new IngestFunction(this, 'IngestFunction', {
      queue: queue.queue,
      bucket: raw.bucket,
      articlesTable: tables.articles,
      fingerprintTable: tables.fingerprints,
      logRemovalPolicy: stage.dataRemovalPolicy,
      ...props.ingest,
    });
    const api = new QueryApi(this, 'QueryApi', {
      articlesTable: tables.articles,
      bucket: raw.bucket,
      logRemovalPolicy: stage.dataRemovalPolicy,
      ...props.api,
    });
    const reprocess = new ReprocessStateMachine(this, 'Reprocess', {
      bucket: raw.bucket,
      queue: queue.queue,
      logRemovalPolicy: stage.dataRemovalPolicy,
      ...props.reprocess,
    });
    new Observability(this, 'Observability', {
      ingestFunction: ingest.function,
      queryFunction: api.function,
      queue: queue.queue,
      deadLetterQueue: queue.deadLetterQueue,
      api: api.api,
      ...props.observability,
    });

    const output = (key: string, value: string, description: string) => new CfnOutput(this, key, { value, description });
    output(OUTPUTS.rawBucketName, raw.bucket.bucketName, 'Upload pages under raw/<outlet>/');
    output(OUTPUTS.articlesTableName, tables.articles.tableName, 'Article records');
    output(OUTPUTS.fingerprintTableName, tables.fingerprints.tableName, 'Dedupe fingerprint index');
    output(OUTPUTS.ingestQueueUrl, queue.queue.queueUrl, 'S3 events for the ingest function');
    output(OUTPUTS.deadLetterQueueUrl, queue.deadLetterQueue.queueUrl, 'Messages that failed every retry (news-ingest redrive)');
    output(OUTPUTS.apiUrl, api.api.url, 'Query API base URL (SigV4-signed GET requests)');
    output(OUTPUTS.reprocessStateMachineArn, reprocess.stateMachine.stateMachineArn, 'Start an execution to re-ingest everything under raw/');
  }
}

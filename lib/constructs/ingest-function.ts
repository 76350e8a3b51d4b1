import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction, BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { ENV, PREFIX } from '../../lambdas/core/schema';
import { NODE_FUNCTION_DEFAULTS, NodeFunction } from '../shared/node-function';
import { nagArnRef } from '../shared/nag';
import { applyGrants, type GrantTable } from '../shared/grants';

export const INGEST_ENTRY = 'lambdas/handlers/ingest.ts';

/**
 * The handler cleans with linkedom (DEFAULT_DOM) and cannot ask for jsdom: cleanObject's
 * options leave the DOM engine out. jsdom (~19 MB of node_modules with ws, proxy agents and
 * tough-cookie) is only reachable through html-dom's lazy require, which stays a bare
 * require("jsdom") that nothing in the asset satisfies: it is neither inlined nor shipped.
 */
export const INGEST_BUNDLING = {
  ...NODE_FUNCTION_DEFAULTS.bundling,
  externalModules: ['jsdom'],
} as const satisfies BundlingOptions;

/**
 * Every IAM action the ingest function needs: the SDK commands its path through
 * lambdas/adapters sends (ArticleStore get/put/setStory/setRulesVersion, the fingerprint
 * index, template counts, S3 object reads and body writes), on exactly the resources.
 */
export const INGEST_GRANTS = [
  {
    action: 'dynamodb:GetItem',
    on: ['articles', 'fingerprints'],
    calls: 'GetItem: ArticleStore.get; FingerprintIndex putArticle (existing check), key members',
  },
  { action: 'dynamodb:PutItem', on: ['articles', 'fingerprints'], calls: 'PutItem: ArticleStore.put; FingerprintIndex.putArticle' },
  {
    action: 'dynamodb:UpdateItem',
    on: ['articles', 'fingerprints'],
    calls: 'UpdateItem: ArticleStore.setStory/setRulesVersion; FingerprintIndex keys and stories; TemplateCounts.record',
  },
  { action: 'dynamodb:BatchGetItem', on: ['fingerprints'], calls: 'BatchGetItem: FingerprintIndex getArticles/getStories; TemplateCounts.counts' },
  // Key memberships go out as PartiQL batches (BatchExecuteStatement: UPDATE, then INSERT for new keys); each statement kind is its own action.
  { action: 'dynamodb:PartiQLUpdate', on: ['fingerprints'], calls: 'BatchExecuteStatement UPDATE: FingerprintIndex.addToKeys' },
  { action: 'dynamodb:PartiQLInsert', on: ['fingerprints'], calls: 'BatchExecuteStatement INSERT: FingerprintIndex.addToKeys for keys not yet stored' },
  { action: 'dynamodb:DeleteItem', on: ['fingerprints'], calls: 'DeleteItem: FingerprintIndex.forgetArticle (a reprocessed article leaving its story)' },
  {
    action: 's3:GetObject',
    on: ['objects:raw/', 'objects:bodies/'],
    calls: 'HeadObject/GetObject of an upload; GetObject of an offloaded body (ArticleStore.get)',
  },
  { action: 's3:GetObjectVersion', on: ['objects:raw/'], calls: "HeadObject/GetObject of an upload at the event's (or the head's) version" },
  { action: 's3:PutObject', on: ['objects:bodies/'], calls: 'PutObject: ArticleStore.put offloading a large body' },
  // No listing: without ListBucket S3 answers 403 instead of 404 for an upload deleted before it
  // was processed, and the handler would retry it into the DLQ instead of recording it missing.
  // HeadObject carries no s3:prefix, so a prefix condition would bring the 403 back.
  { action: 's3:ListBucket', on: ['bucket'], calls: 'none: it makes HeadObject of a deleted upload answer 404' },
] as const satisfies GrantTable;

export const INGEST_FUNCTION_DEFAULTS = {
  /** Whole pages are parsed in memory; 1 GB also buys the CPU share that parsing needs. */
  memorySize: 1024,
  timeout: Duration.seconds(60),
  batchSize: 10,
  /** Bounds parallel invocations so a bulk upload cannot exhaust DynamoDB or account concurrency. */
  maxConcurrency: 10,
  /**
   * Held for ingest alone: the event source's maxConcurrency plus headroom for a redrive or a
   * reprocess burst while it is busy. Never below maxConcurrency, or SQS invokes get throttled.
   */
  reservedConcurrency: 12,
  /** Bigger uploads are recorded as rejected without being read (see ingest-object). */
  maxObjectBytes: 20 * 1024 * 1024,
  logLevel: 'info',
} as const;

export interface IngestFunctionProps {
  readonly queue: sqs.IQueue;
  readonly bucket: s3.IBucket;
  readonly articlesTable: dynamodb.ITable;
  readonly fingerprintTable: dynamodb.ITable;
  readonly logRemovalPolicy: RemovalPolicy;
  readonly memorySize?: number;
  readonly timeout?: Duration;
  readonly batchSize?: number;
  readonly maxConcurrency?: number;
  readonly reservedConcurrency?: number;
  readonly maxObjectBytes?: number;
  readonly logLevel?: string;
}

/** Consumes the ingest queue: reads uploads, writes records, offloads large bodies. */
export class IngestFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: IngestFunctionProps) {
    super(scope, id);
    const maxConcurrency = props.maxConcurrency ?? INGEST_FUNCTION_DEFAULTS.maxConcurrency;
    const reservedConcurrency = props.reservedConcurrency ?? INGEST_FUNCTION_DEFAULTS.reservedConcurrency;
    if (reservedConcurrency < maxConcurrency) {
      throw new Error(
        `Ingest reservedConcurrency (${reservedConcurrency}) is below the event source's maxConcurrency (${maxConcurrency}): SQS invokes would be throttled.`,
      );
    }
    const built = new NodeFunction(this, 'Ingest', {
      entry: INGEST_ENTRY,
      description: 'news-ingest: clean, fingerprint and store uploaded pages',
      memorySize: props.memorySize ?? INGEST_FUNCTION_DEFAULTS.memorySize,
      // The stack derives the queue's visibility timeout from this same value.
      timeout: props.timeout ?? INGEST_FUNCTION_DEFAULTS.timeout,
      bundling: INGEST_BUNDLING,
      reservedConcurrency,
      logRemovalPolicy: props.logRemovalPolicy,
      environment: {
        [ENV.articlesTable]: props.articlesTable.tableName,
        [ENV.fingerprintTable]: props.fingerprintTable.tableName,
        [ENV.bodyBucket]: props.bucket.bucketName,
        [ENV.maxObjectBytes]: String(props.maxObjectBytes ?? INGEST_FUNCTION_DEFAULTS.maxObjectBytes),
        [ENV.logLevel]: props.logLevel ?? INGEST_FUNCTION_DEFAULTS.logLevel,
      },
    });
    this.function = built.function;

    this.function.addEventSource(
      new SqsEventSource(props.queue, {
        batchSize: props.batchSize ?? INGEST_FUNCTION_DEFAULTS.batchSize,
        maxConcurrency,
        // The handler reports failed messages alone, so one bad object does not replay its batch.
        reportBatchItemFailures: true,
      }),
    );

    applyGrants(this.function, INGEST_GRANTS, { articlesTable: props.articlesTable, fingerprintTable: props.fingerprintTable, bucket: props.bucket });

    NagSuppressions.addResourceSuppressions(
      built.role,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'Object ARNs are scoped to the raw/ and bodies/ key prefixes, the narrowest S3 allows for keys not known in advance.',
          appliesTo: [`Resource::${nagArnRef(props.bucket)}/${PREFIX.raw}*`, `Resource::${nagArnRef(props.bucket)}/${PREFIX.bodies}*`],
        },
      ],
      true,
    );
  }
}

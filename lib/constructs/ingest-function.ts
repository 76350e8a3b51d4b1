import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction, BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { ENV, PREFIX } from '../../lambdas/core/schema';
import { NODE_FUNCTION_DEFAULTS, NodeFunction } from '../shared/node-function';
import { nagArnRef } from '../shared/nag';
import { grantObjectActions } from '../shared/s3-access';

export const INGEST_ENTRY = 'lambdas/handlers/ingest.ts';

/**
 * jsdom reads its own files (default stylesheet, XHR sync worker) relative to its
 * package at runtime, so esbuild must not inline it: it is installed into the asset's
 * node_modules instead, at the version package-lock.json pins. That install prefers
 * the local npm cache, so `cdk synth` works offline wherever `npm ci` has run.
 */
export const INGEST_BUNDLING = {
  ...NODE_FUNCTION_DEFAULTS.bundling,
  nodeModules: ['jsdom'],
  environment: { npm_config_prefer_offline: 'true' },
} as const satisfies BundlingOptions;

export const INGEST_FUNCTION_DEFAULTS = {
  /** jsdom parses whole pages in memory; 1 GB also buys the CPU share that parsing needs. */
  memorySize: 1024,
  timeout: Duration.seconds(60),
  batchSize: 10,
  /** Bounds parallel invocations so a bulk upload cannot exhaust DynamoDB or account concurrency. */
  maxConcurrency: 10,
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
  readonly maxObjectBytes?: number;
  readonly logLevel?: string;
}

/** Consumes the ingest queue: reads uploads, writes records, offloads large bodies. */
export class IngestFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: IngestFunctionProps) {
    super(scope, id);
    const built = new NodeFunction(this, 'Ingest', {
      entry: INGEST_ENTRY,
      description: 'news-ingest: clean, fingerprint and store uploaded pages',
      memorySize: props.memorySize ?? INGEST_FUNCTION_DEFAULTS.memorySize,
      // The stack derives the queue's visibility timeout from this same value.
      timeout: props.timeout ?? INGEST_FUNCTION_DEFAULTS.timeout,
      bundling: INGEST_BUNDLING,
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
        maxConcurrency: props.maxConcurrency ?? INGEST_FUNCTION_DEFAULTS.maxConcurrency,
        // The handler reports failed messages alone, so one bad object does not replay its batch.
        reportBatchItemFailures: true,
      }),
    );

    // Reads uploads (and a stored body when re-ingesting), writes bodies; never writes raw/.
    grantObjectActions(this.function, props.bucket, ['s3:GetObject', 's3:GetObjectVersion'], [PREFIX.raw, PREFIX.bodies]);
    grantObjectActions(this.function, props.bucket, ['s3:PutObject'], [PREFIX.bodies]);
    // Without ListBucket S3 answers 403 instead of 404 for an object deleted before it was
    // processed, and the handler would retry it into the DLQ instead of recording it missing.
    // No prefix condition: HeadObject carries no s3:prefix, and the bucket holds only raw/ and bodies/.
    this.function.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.bucket.bucketArn] }));
    props.articlesTable.grantReadWriteData(this.function);
    props.fingerprintTable.grantReadWriteData(this.function);
    // Key memberships go out as PartiQL batches (UPDATE, then INSERT for new keys); each statement kind is its own action.
    props.fingerprintTable.grant(this.function, 'dynamodb:PartiQLUpdate', 'dynamodb:PartiQLInsert');

    NagSuppressions.addResourceSuppressions(
      built.role,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'Object ARNs are scoped to the raw/ and bodies/ key prefixes, the narrowest S3 allows for keys not known in advance; index/* covers the articles table GSIs the dedupe lookups query.',
          appliesTo: [
            `Resource::${nagArnRef(props.bucket)}/${PREFIX.raw}*`,
            `Resource::${nagArnRef(props.bucket)}/${PREFIX.bodies}*`,
            `Resource::${nagArnRef(props.articlesTable)}/index/*`,
          ],
        },
      ],
      true,
    );
  }
}

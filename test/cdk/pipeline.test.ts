import { RemovalPolicy } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { ARTICLES_TABLE, ENV, FINGERPRINT_TABLE, PREFIX, type TableSchema } from '../../lambdas/core/schema';
import { OUTPUT_KEYS } from '../../lambdas/adapters/stack-outputs';
import { INGEST_FUNCTION_DEFAULTS } from '../../lib/constructs/ingest-function';
import { INGEST_QUEUE_DEFAULTS } from '../../lib/constructs/ingest-queue';
import { QUERY_API_DEFAULTS } from '../../lib/constructs/query-api';
import { OUTPUTS } from '../../lib/news-ingest-stack';
import { stageConfig } from '../../lib/stage';
import { resourcesOf, synthesize, type CfnJson } from './synth';

const { template } = synthesize();

function ingestFunction() {
  const fns = resourcesOf(template, 'AWS::Lambda::Function').filter(
    ([, r]) => r.Properties.Environment?.Variables?.[ENV.fingerprintTable] && r.Properties.Description?.includes('clean'),
  );
  expect(fns).toHaveLength(1);
  return fns[0];
}

describe('raw bucket notification', () => {
  test('only ObjectCreated under raw/ is sent to the ingest queue', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        QueueConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: PREFIX.raw }] } },
            QueueArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^IngestQueue'), 'Arn'] },
          },
        ],
      },
    });
    // bodies/ (written by the ingest function) must never notify: no second configuration.
    expect(JSON.stringify(template.findResources('Custom::S3BucketNotifications'))).not.toContain(PREFIX.bodies);
  });
});

describe('ingest queue', () => {
  const queues = resourcesOf(template, 'AWS::SQS::Queue');
  const [dlqId] = queues.find(([, q]) => !q.Properties.RedrivePolicy)!;
  const [, main] = queues.find(([, q]) => q.Properties.RedrivePolicy)!;

  test('redrives to the DLQ after the default receive count', () => {
    expect(queues).toHaveLength(2);
    expect(main.Properties.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] },
      maxReceiveCount: INGEST_QUEUE_DEFAULTS.maxReceiveCount,
    });
  });

  test('DLQ keeps messages 14 days; both queues are encrypted', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { MessageRetentionPeriod: 14 * 24 * 3600, SqsManagedSseEnabled: true });
    for (const [, q] of queues) expect(q.Properties.SqsManagedSseEnabled).toBe(true);
  });

  test('visibility timeout is at least six times the function timeout', () => {
    const [, fn] = ingestFunction();
    expect(fn.Properties.Timeout).toBe(INGEST_FUNCTION_DEFAULTS.timeout.toSeconds());
    expect(main.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * fn.Properties.Timeout);
  });
});

describe('ingest function', () => {
  test('Node on arm64 with 1 GB, environment from the schema ENV names', () => {
    const [, fn] = ingestFunction();
    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: INGEST_FUNCTION_DEFAULTS.memorySize,
      Handler: 'index.handler',
      LoggingConfig: { LogGroup: { Ref: expect.stringMatching(/^IngestFunction.*Logs/) } },
    });
    const vars = fn.Properties.Environment.Variables;
    // Every setting but the query function's cursor secret.
    expect(Object.keys(vars)).toEqual(expect.arrayContaining(Object.values(ENV).filter((name) => name !== ENV.cursorSecret)));
    expect(vars[ENV.maxObjectBytes]).toBe(String(20 * 1024 * 1024));
    expect(vars.NODE_OPTIONS).toBe('--enable-source-maps');
    expect(vars[ENV.bodyBucket]).toEqual({ Ref: expect.stringMatching(/^RawBucket/) });
  });

  test('SQS event source reports batch item failures, with bounded batch and concurrency', () => {
    const [fnId] = ingestFunction();
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: fnId },
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^IngestQueue'), 'Arn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: INGEST_FUNCTION_DEFAULTS.batchSize,
      ScalingConfig: { MaximumConcurrency: INGEST_FUNCTION_DEFAULTS.maxConcurrency },
    });
  });

  test('reserved concurrency and active tracing on both functions, from the defaults', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('clean, fingerprint'),
      ReservedConcurrentExecutions: INGEST_FUNCTION_DEFAULTS.reservedConcurrency,
      TracingConfig: { Mode: 'Active' },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('query API'),
      ReservedConcurrentExecutions: QUERY_API_DEFAULTS.reservedConcurrency,
      TracingConfig: { Mode: 'Active' },
    });
    expect(INGEST_FUNCTION_DEFAULTS.reservedConcurrency).toBeGreaterThanOrEqual(INGEST_FUNCTION_DEFAULTS.maxConcurrency);
  });

  test('a reserved concurrency below the event source maximum fails synthesis', () => {
    expect(() => synthesize({ props: { ingest: { reservedConcurrency: 2, maxConcurrency: 5 } } })).toThrow(/below the event source's maxConcurrency/);
  });

  test('log group has a retention', () => {
    for (const [, lg] of resourcesOf(template, 'AWS::Logs::LogGroup')) expect(lg.Properties.RetentionInDays).toBeGreaterThan(0);
  });
});

describe('tables follow the schema module', () => {
  const tables = resourcesOf(template, 'AWS::DynamoDB::Table').map(([, t]) => t.Properties);
  const keySchema = (pk: TableSchema['partitionKey'], sk?: TableSchema['sortKey']) => [
    { AttributeName: pk.name, KeyType: 'HASH' },
    ...(sk ? [{ AttributeName: sk.name, KeyType: 'RANGE' }] : []),
  ];

  test.each([ARTICLES_TABLE, FINGERPRINT_TABLE])('$logicalName: keys, GSIs, on-demand, PITR, encryption', (schema) => {
    const table = tables.find((t) => JSON.stringify(t.KeySchema) === JSON.stringify(keySchema(schema.partitionKey, schema.sortKey)));
    expect(table).toBeDefined();
    expect(table).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
    });
    const gsis = (table!.GlobalSecondaryIndexes ?? []).map((g: CfnJson) => ({ indexName: g.IndexName, keys: g.KeySchema, projection: g.Projection }));
    expect(gsis).toEqual(
      schema.globalSecondaryIndexes.map((g) => ({ indexName: g.indexName, keys: keySchema(g.partitionKey, g.sortKey), projection: { ProjectionType: 'ALL' } })),
    );
    const typeOf = new Map(table!.AttributeDefinitions.map((a: CfnJson) => [a.AttributeName, a.AttributeType]));
    for (const k of [schema.partitionKey, schema.sortKey, ...schema.globalSecondaryIndexes.flatMap((g) => [g.partitionKey, g.sortKey])]) {
      if (k) expect(typeOf.get(k.name)).toBe(k.type);
    }
  });

  test('dev stack: tables are disposable and not deletion-protected', () => {
    for (const [, t] of resourcesOf(template, 'AWS::DynamoDB::Table')) {
      expect(t.DeletionPolicy).toBe('Delete');
      expect(t.Properties.DeletionProtectionEnabled).toBe(false);
    }
  });
});

test('stack outputs keep the names the CLI resolves', () => {
  const outputs = Object.keys(template.toJSON().Outputs);
  expect(outputs).toEqual(expect.arrayContaining(Object.values(OUTPUTS)));
  expect(Object.values(OUTPUT_KEYS).sort()).toEqual(Object.values(OUTPUTS).sort());
});

test('only named throwaway stages are disposable', () => {
  expect(stageConfig('dev')).toMatchObject({ disposable: true, dataRemovalPolicy: RemovalPolicy.DESTROY });
  for (const name of ['prod', 'staging', 'Dev']) expect(stageConfig(name)).toMatchObject({ disposable: false, dataRemovalPolicy: RemovalPolicy.RETAIN });
});

describe('prod stage', () => {
  const prod = synthesize({ stage: 'prod' }).template;

  test('tables are retained and deletion-protected', () => {
    for (const [, t] of resourcesOf(prod, 'AWS::DynamoDB::Table')) {
      expect(t.DeletionPolicy).toBe('Retain');
      expect(t.Properties.DeletionProtectionEnabled).toBe(true);
    }
  });

  test('buckets are retained and never auto-emptied', () => {
    for (const [, b] of resourcesOf(prod, 'AWS::S3::Bucket')) expect(b.DeletionPolicy).toBe('Retain');
    expect(prod.findResources('Custom::S3AutoDeleteObjects')).toEqual({});
  });
});

import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { applyGrants } from '../../lib/shared/grants';
import { resourcesOf, synthesize, type CfnJson } from './synth';

const { template } = synthesize();

/** Readable names for the stack's resources, from their logical ids. */
const LABELS: [RegExp, string][] = [
  [/^TablesArticles/, 'articles'],
  [/^TablesFingerprintIndex/, 'fingerprints'],
  [/^RawBucket[0-9A-F]{8}$|^RawBucketBucket/, 'bucket'],
  [/^IngestQueue[0-9A-F]{8}$|^IngestQueueQueue/, 'queue'],
  [/Logs[0-9A-F]{8}$/, 'own log group'],
  [/^QueryApiCursorKey/, 'cursor secret'],
];

function label(resource: CfnJson): string {
  if (resource === '*') return '*';
  const ref = resource.Ref;
  if (typeof ref === 'string') return LABELS.find(([re]) => re.test(ref))?.[1] ?? ref;
  const getAtt = resource['Fn::GetAtt'];
  if (getAtt) return LABELS.find(([re]) => re.test(getAtt[0]))?.[1] ?? getAtt[0];
  const join = resource['Fn::Join'];
  if (join) return join[1].map((part: CfnJson) => (typeof part === 'string' ? part : label(part))).join('');
  return JSON.stringify(resource);
}

/** action → sorted resource labels, over every statement of the role's policies. */
function actionsOf(policyPrefix: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [id, p] of resourcesOf(template, 'AWS::IAM::Policy')) {
    if (!id.startsWith(policyPrefix)) continue;
    for (const s of p.Properties.PolicyDocument.Statement as { Effect: string; Action: string | string[]; Resource: CfnJson }[]) {
      expect(s.Effect).toBe('Allow');
      for (const action of [s.Action].flat()) out[action] = [...(out[action] ?? []), ...[s.Resource].flat().map(label)].sort();
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

test('ingest role: exactly the actions its SDK calls need, on exactly their resources', () => {
  expect(actionsOf('IngestFunction')).toEqual({
    'dynamodb:BatchGetItem': ['fingerprints'],
    'dynamodb:DeleteItem': ['fingerprints'],
    'dynamodb:GetItem': ['articles', 'fingerprints'],
    'dynamodb:PartiQLInsert': ['fingerprints'],
    'dynamodb:PartiQLUpdate': ['fingerprints'],
    'dynamodb:PutItem': ['articles', 'fingerprints'],
    'dynamodb:UpdateItem': ['articles', 'fingerprints'],
    'logs:CreateLogStream': ['own log group'],
    'logs:PutLogEvents': ['own log group'],
    's3:GetObject': ['bucket/bodies/*', 'bucket/raw/*'],
    's3:GetObjectVersion': ['bucket/raw/*'],
    's3:ListBucket': ['bucket'],
    's3:PutObject': ['bucket/bodies/*'],
    'sqs:ChangeMessageVisibility': ['queue'],
    'sqs:DeleteMessage': ['queue'],
    'sqs:GetQueueAttributes': ['queue'],
    'sqs:GetQueueUrl': ['queue'],
    'sqs:ReceiveMessage': ['queue'],
    'xray:PutTelemetryRecords': ['*'],
    'xray:PutTraceSegments': ['*'],
  });
});

test('query role: reads only, on the table item and the four indexes it queries', () => {
  expect(actionsOf('QueryApiQuery')).toEqual({
    'dynamodb:GetItem': ['articles'],
    'dynamodb:Query': ['articles/index/byAgency', 'articles/index/byOutletPublished', 'articles/index/byStory', 'articles/index/stories'],
    'logs:CreateLogStream': ['own log group'],
    'logs:PutLogEvents': ['own log group'],
    's3:GetObject': ['bucket/bodies/*'],
    'secretsmanager:GetSecretValue': ['cursor secret'],
    'xray:PutTelemetryRecords': ['*'],
    'xray:PutTraceSegments': ['*'],
  });
});

describe('grant tables', () => {
  const stack = new Stack(new App(), 'Grants');
  const articlesTable = new dynamodb.Table(stack, 'Articles', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });
  const bucket = new s3.Bucket(stack, 'Bucket');
  const role = () => new iam.Role(stack, `Role${stack.node.children.length}`, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });

  test('rows on the same resources share one statement, one row per action', () => {
    const r = role();
    applyGrants(
      r,
      [
        { action: 'dynamodb:GetItem', on: ['articles'], calls: 'GetItem' },
        { action: 'dynamodb:BatchWriteItem', on: ['articles'], calls: 'BatchWriteItem' },
        { action: 's3:GetObject', on: ['objects:bodies/'], calls: 'GetObject' },
      ],
      { articlesTable, bucket },
    );
    const statements = Template.fromStack(stack).findResources('AWS::IAM::Policy');
    const mine = Object.values(statements).find((p) => JSON.stringify(p).includes('BatchWriteItem'))!;
    expect(mine.Properties.PolicyDocument.Statement.map((s: CfnJson) => s.Action)).toEqual([['dynamodb:BatchWriteItem', 'dynamodb:GetItem'], 's3:GetObject']);
  });

  test('an index the schema does not have, or a table not given, fails synthesis', () => {
    expect(() => applyGrants(role(), [{ action: 'dynamodb:Query', on: ['articles/index/byTypo'], calls: 'Query' }], { articlesTable, bucket })).toThrow(
      /no index byTypo/,
    );
    expect(() => applyGrants(role(), [{ action: 'dynamodb:GetItem', on: ['fingerprints'], calls: 'GetItem' }], { articlesTable, bucket })).toThrow(
      /no fingerprints table/,
    );
  });
});

import { App, Aspects, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PREFIX } from '../../lambdas/core/schema';
import { resourcesOf, synthesize, type CfnJson } from './synth';

const { stack, template, nag } = synthesize({ nag: true });

describe('cdk-nag AwsSolutions', () => {
  const annotations = Annotations.fromStack(stack);
  const nagRule = Match.stringLikeRegexp('AwsSolutions-');
  const show = (found: { id: string; entry: { data?: unknown } }[]) => found.map((f) => `${f.id}: ${String(f.entry.data).split(':')[0]}`);

  test('the harness does report a finding (canary: a bare queue has no DLQ and allows HTTP)', () => {
    const app = new App();
    const canary = new Stack(app, 'Canary');
    new sqs.Queue(canary, 'Bare');
    Aspects.of(app).add(new AwsSolutionsChecks({ reports: false }));
    expect(show(Annotations.fromStack(canary).findError('*', nagRule)).join('\n')).toMatch(
      /AwsSolutions-SQS3[\s\S]*AwsSolutions-SQS4|AwsSolutions-SQS4[\s\S]*AwsSolutions-SQS3/,
    );
  });

  test('no errors', () => {
    expect(show(annotations.findError('*', nagRule))).toEqual([]);
    expect(nag.errors).toEqual([]);
  });

  test('no warnings', () => {
    expect(show(annotations.findWarning('*', nagRule))).toEqual([]);
    expect(nag.nonCompliant).toEqual([]);
  });

  const suppressions: { id: string; reason: string; applies_to?: string[] }[] = Object.values(template.toJSON().Resources as Record<string, CfnJson>).flatMap(
    (r) => r.Metadata?.cdk_nag?.rules_to_suppress ?? [],
  );

  test('every suppression gives a specific reason, and IAM ones name what they accept', () => {
    expect(suppressions.length).toBeGreaterThan(0);
    for (const s of suppressions) expect(s.reason.length).toBeGreaterThanOrEqual(60);
    // A blanket IAM4/IAM5 (no appliesTo) would silence findings nobody has looked at.
    for (const s of suppressions.filter((x) => x.id === 'AwsSolutions-IAM5' || x.id === 'AwsSolutions-IAM4')) {
      expect(s.applies_to?.length).toBeGreaterThan(0);
    }
  });

  test('no stale suppression: each one silences at least one real finding', () => {
    const used = new Set(nag.suppressed.map((f) => `${f.ruleId} ${f.findingId}`));
    const usedRules = new Set(nag.suppressed.map((f) => f.ruleId));
    const stale = suppressions.flatMap((s) =>
      s.applies_to ? s.applies_to.filter((a) => !used.has(`${s.id} ${a}`)).map((a) => `${s.id} ${a}`) : usedRules.has(s.id) ? [] : [s.id],
    );
    expect(stale).toEqual([]);
  });
});

describe('IAM least privilege', () => {
  type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };
  const statements = resourcesOf(template, 'AWS::IAM::Policy').flatMap(([id, p]) =>
    (p.Properties.PolicyDocument.Statement as Statement[]).map((s) => ({ policy: id, ...s, Action: [s.Action].flat() })),
  );
  const resources = (s: Statement) => [s.Resource].flat();
  const grantsOf = (policyPrefix: string) => statements.filter((s) => s.policy.startsWith(policyPrefix));

  /** Actions AWS documents as supporting no resource-level permissions, so `*` is the only option. */
  const RESOURCELESS_ACTIONS = [
    /^logs:(CreateLogDelivery|GetLogDelivery|UpdateLogDelivery|DeleteLogDelivery|ListLogDeliveries|PutResourcePolicy|DescribeResourcePolicies|DescribeLogGroups)$/,
    /^xray:(PutTraceSegments|PutTelemetryRecords|GetSamplingRules|GetSamplingTargets)$/,
  ];

  test('no "Resource": "*" except for actions that cannot be scoped', () => {
    const offenders = statements
      .filter((s) => resources(s).includes('*'))
      .flatMap((s) => s.Action.filter((a) => !RESOURCELESS_ACTIONS.some((re) => re.test(a))).map((a) => `${s.policy}: ${a}`));
    expect(offenders).toEqual([]);
  });

  test('no wildcard actions', () => {
    expect(statements.flatMap((s) => s.Action).filter((a) => a.includes('*'))).toEqual([]);
  });

  test('ingest function writes only under bodies/ and reads raw/ and bodies/', () => {
    const ingest = grantsOf('IngestFunction');
    const objectArns = (action: string) =>
      ingest.filter((s) => s.Action.includes(action)).flatMap((s) => resources(s).map((r: CfnJson) => r['Fn::Join']?.[1]?.[1]));
    expect(objectArns('s3:PutObject')).toEqual([`/${PREFIX.bodies}*`]);
    expect(objectArns('s3:GetObject').sort()).toEqual([`/${PREFIX.bodies}*`, `/${PREFIX.raw}*`]);
    expect(
      ingest
        .flatMap((s) => s.Action)
        .filter((a) => a.startsWith('s3:'))
        .sort(),
    ).toEqual(['s3:GetObject', 's3:GetObjectVersion', 's3:ListBucket', 's3:PutObject']);
  });

  test('ingest function consumes only its queue', () => {
    const sqs = grantsOf('IngestFunction').filter((s) => s.Action.some((a) => a.startsWith('sqs:')));
    expect(sqs).toHaveLength(1);
    expect(sqs[0].Action).not.toContain('sqs:SendMessage');
    expect(sqs[0].Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^IngestQueueQueue|^IngestQueue[0-9A-F]{8}$/), 'Arn'] });
  });

  test('our functions carry no AWS managed policies', () => {
    const roles = resourcesOf(template, 'AWS::IAM::Role').filter(
      ([, r]) =>
        JSON.stringify(r.Properties.AssumeRolePolicyDocument).includes('lambda.amazonaws.com') &&
        /^Execution role of: news-ingest/.test(r.Properties.Description ?? ''),
    );
    expect(roles).toHaveLength(2);
    for (const [, r] of roles) expect(r.Properties.ManagedPolicyArns).toBeUndefined();
  });
});

describe('bucket hardening', () => {
  const buckets = resourcesOf(template, 'AWS::S3::Bucket');
  const raw = buckets.find(([, b]) => b.Properties.LoggingConfiguration)![1].Properties;

  test('both buckets are private and encrypted', () => {
    expect(buckets).toHaveLength(2);
    for (const [, b] of buckets) {
      expect(b.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(b.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    }
  });

  test('both bucket policies deny plain HTTP', () => {
    const policies = resourcesOf(template, 'AWS::S3::BucketPolicy');
    expect(policies).toHaveLength(2);
    for (const [, p] of policies) {
      expect(p.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });

  test('raw bucket is versioned, logs access, and expires only what is safe to expire', () => {
    expect(raw.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(raw.LoggingConfiguration.DestinationBucketName).toEqual({ Ref: expect.stringMatching(/AccessLogs/) });
    expect(raw.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({
        Status: 'Enabled',
        NoncurrentVersionExpiration: { NoncurrentDays: 30 },
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
      }),
    ]);
    expect(raw.LifecycleConfiguration.Rules[0].ExpirationInDays).toBeUndefined();
  });
});

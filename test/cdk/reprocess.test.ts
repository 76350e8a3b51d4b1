import jsonata from 'jsonata';
import { PREFIX } from '../../lambdas/core/schema';
import { parseS3Message } from '../../lambdas/core/ingest/s3-event';
import { ENQUEUE_ENTRIES_JSONATA, REPROCESS_DEFAULTS } from '../../lib/constructs/reprocess-state-machine';
import { OUTPUTS } from '../../lib/news-ingest-stack';
import { resourcesOf, synthesize, type CfnJson } from './synth';

const { template } = synthesize();
const [[stateMachineId, stateMachine]] = resourcesOf(template, 'AWS::StepFunctions::StateMachine');

/** The ASL document, with CloudFormation references rendered as `${LogicalId}` placeholders. */
function definition(): CfnJson {
  const parts: unknown[] = stateMachine.Properties.DefinitionString['Fn::Join'][1];
  const text = parts.map((p) => (typeof p === 'string' ? p : `\${${(p as { Ref: string }).Ref}}`)).join('');
  return JSON.parse(text);
}

const asl = definition();
const map = asl.States[asl.StartAt];
const processor = map.ItemProcessor;

describe('reprocess state machine', () => {
  test('a Distributed Map over ListObjectsV2 of the raw bucket under raw/', () => {
    expect(asl.QueryLanguage).toBe('JSONata');
    expect(map.Type).toBe('Map');
    expect(processor.ProcessorConfig).toEqual({ Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' });
    expect(map.ItemReader).toEqual({
      Resource: expect.stringMatching(/:states:::s3:listObjectsV2$/),
      Arguments: { Bucket: expect.stringMatching(/^\$\{RawBucket\w+\}$/), Prefix: PREFIX.raw },
    });
  });

  test('bounded concurrency, batches of at most ten (one SendMessageBatch each)', () => {
    expect(map.MaxConcurrency).toBe(REPROCESS_DEFAULTS.maxConcurrency);
    expect(map.MaxConcurrency).toBeGreaterThan(0);
    expect(map.ItemBatcher).toEqual({ MaxItemsPerBatch: 10, BatchInput: { bucket: expect.stringMatching(/^\$\{RawBucket\w+\}$/) } });
  });

  test('each batch is sent to the ingest queue, with retries, and partial failures fail the batch', () => {
    const task = processor.States[processor.StartAt];
    expect(task.Resource).toMatch(/:states:::aws-sdk:sqs:sendMessageBatch$/);
    expect(task.Arguments.QueueUrl).toMatch(/^\$\{IngestQueue\w+\}$/);
    expect(task.Arguments.Entries).toBe(`{% ${ENQUEUE_ENTRIES_JSONATA} %}`);
    expect(task.Retry[0]).toMatchObject({ ErrorEquals: ['States.TaskFailed'], MaxAttempts: 5 });
    const check = processor.States[task.Next];
    expect(check.Type).toBe('Choice');
    expect(processor.States[check.Choices[0].Next].Type).toBe('Fail');
  });

  test('logs every event and traces with X-Ray', () => {
    expect(stateMachine.Properties.TracingConfiguration).toEqual({ Enabled: true });
    expect(stateMachine.Properties.LoggingConfiguration).toMatchObject({ Level: 'ALL', IncludeExecutionData: false });
  });

  test('may list only under raw/ and send only to the ingest queue', () => {
    const statements = resourcesOf(template, 'AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref.startsWith('ReprocessStateMachineRole')))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
    const s3 = statements.filter((s: CfnJson) => [s.Action].flat().some((a: string) => a.startsWith('s3:')));
    expect(s3).toEqual([
      {
        Action: 's3:ListBucket',
        Effect: 'Allow',
        Condition: { StringLike: { 's3:prefix': [`${PREFIX.raw}*`] } },
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/^RawBucket/), 'Arn'] },
      },
    ]);
    const sqs = statements.filter((s: CfnJson) => [s.Action].flat().some((a: string) => a.startsWith('sqs:')));
    expect(sqs).toEqual([{ Action: 'sqs:SendMessage', Effect: 'Allow', Resource: { 'Fn::GetAtt': [expect.stringMatching(/^IngestQueue/), 'Arn'] } }]);
  });

  test(`ARN is the ${OUTPUTS.reprocessStateMachineArn} output`, () => {
    expect(template.toJSON().Outputs[OUTPUTS.reprocessStateMachineArn].Value).toEqual({ Ref: stateMachineId });
  });
});

/**
 * Evaluates the message-building expression with the JSONata engine (Step Functions
 * runs JSONata 2.0.x) and checks that the ingest handler's own parser gets back
 * bucket and key exactly, including the characters S3 encodes.
 */
test('replayed messages decode to the listed bucket and keys', async () => {
  const items = [
    { Key: 'raw/bbc/a b+c (1) é.html', Size: 10, Etag: '"abc"' },
    { Key: 'raw/ap/100%.txt', Size: 2, Etag: '"def"' },
  ];
  const entries = (await jsonata(ENQUEUE_ENTRIES_JSONATA).evaluate({}, { states: { input: { Items: items, BatchInput: { bucket: 'b' } } } })) as {
    Id: string;
    MessageBody: string;
  }[];
  expect(entries.map((e) => e.Id)).toEqual(['0', '1']);
  const decoded = entries.map((e) => parseS3Message(e.MessageBody));
  expect(decoded).toEqual(
    items.map((i) => ({ kind: 'objects', objects: [{ bucket: 'b', key: i.Key, versionId: null, eTag: i.Etag.replace(/"/g, ''), size: i.Size }] })),
  );
});

test('a batch of one still yields an array of entries (JSONata unwraps singleton sequences)', async () => {
  const entries = await jsonata(ENQUEUE_ENTRIES_JSONATA).evaluate(
    {},
    { states: { input: { Items: [{ Key: 'raw/x/y.txt', Size: 1, Etag: '"e"' }], BatchInput: { bucket: 'b' } } } },
  );
  expect(Array.isArray(entries)).toBe(true);
  expect(entries).toHaveLength(1);
});

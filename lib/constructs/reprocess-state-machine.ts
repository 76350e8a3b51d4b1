import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { PREFIX } from '../../lambdas/core/schema';
import { logicalIdOf } from '../shared/nag';
import { listUnderPrefixesStatement } from '../shared/s3-access';

/** SendMessageBatch accepts at most ten entries: one item batch is one API call. */
const SQS_BATCH_LIMIT = 10;

export const REPROCESS_DEFAULTS = {
  /** Child executions at once; with the ingest function's own concurrency cap this paces a full replay. */
  maxConcurrency: 10,
  /** A batch that cannot be enqueued fails the run: it is idempotent, so rerunning is the remedy. */
  toleratedFailurePercentage: 0,
  logRetention: logs.RetentionDays.ONE_MONTH,
} as const;

/**
 * One S3 ObjectCreated notification per listed object, in the shape S3 itself puts on
 * the queue (see lambdas/core/ingest/s3-event.ts): the key is form-URL-encoded as S3
 * encodes it (`+` for space, `/` kept). No versionId: ListObjectsV2 does not return one,
 * and the handler then reads the current version, whose id matches the original event's.
 */
export const ENQUEUE_ENTRIES_JSONATA = `[$map($states.input.Items, function($item, $i) {
  {
    "Id": $string($i),
    "MessageBody": $string({
      "Records": [{
        "eventVersion": "2.1",
        "eventSource": "aws:s3",
        "eventName": "ObjectCreated:Put",
        "s3": {
          "bucket": { "name": $states.input.BatchInput.bucket },
          "object": {
            "key": $replace($replace($encodeUrlComponent($item.Key), "%20", "+"), "%2F", "/"),
            "size": $item.Size,
            "eTag": $replace($item.Etag, '"', '')
          }
        }
      }]
    })
  }
})]`;

export interface ReprocessStateMachineProps {
  readonly bucket: s3.IBucket;
  readonly queue: sqs.IQueue;
  readonly logRemovalPolicy: RemovalPolicy;
  readonly maxConcurrency?: number;
  readonly toleratedFailurePercentage?: number;
  readonly logRetention?: logs.RetentionDays;
}

/**
 * Re-runs ingestion over every upload (after a rules change) by replaying synthetic
 * S3 events onto the ingest queue: no Lambda of its own, and the normal retry/DLQ
 * path applies to every replayed object. Objects whose record already carries the
 * current rules version are no-ops in the handler.
 */
export class ReprocessStateMachine extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: ReprocessStateMachineProps) {
    super(scope, id);

    const enqueue = tasks.CallAwsService.jsonata(this, 'EnqueueBatch', {
      service: 'sqs',
      action: 'sendMessageBatch',
      parameters: { QueueUrl: props.queue.queueUrl, Entries: `{% ${ENQUEUE_ENTRIES_JSONATA} %}` },
      // SendMessageBatch is authorised by sqs:SendMessage.
      iamAction: 'sqs:SendMessage',
      iamResources: [props.queue.queueArn],
    });
    enqueue.addRetry({
      errors: [sfn.Errors.TASKS_FAILED],
      interval: Duration.seconds(2),
      backoffRate: 2,
      maxAttempts: 5,
      jitterStrategy: sfn.JitterType.FULL,
    });
    // SendMessageBatch reports per-entry failures in a successful response.
    const checkFailed = sfn.Choice.jsonata(this, 'AnyEntryFailed')
      .when(
        sfn.Condition.jsonata('{% $count($states.input.Failed) > 0 %}'),
        sfn.Fail.jsonata(this, 'EnqueueFailed', { error: 'EnqueueFailed', cause: '{% $string($states.input.Failed) %}' }),
      )
      .otherwise(new sfn.Succeed(this, 'Enqueued'));

    const replay = sfn.DistributedMap.jsonata(this, 'ReplayRawObjects', {
      itemReader: new PrefixScopedObjectsItemReader({ bucket: props.bucket, prefix: PREFIX.raw }),
      itemBatcher: new sfn.ItemBatcher({
        maxItemsPerBatch: SQS_BATCH_LIMIT,
        batchInput: { bucket: props.bucket.bucketName },
      }),
      maxConcurrency: props.maxConcurrency ?? REPROCESS_DEFAULTS.maxConcurrency,
      toleratedFailurePercentage: props.toleratedFailurePercentage ?? REPROCESS_DEFAULTS.toleratedFailurePercentage,
      // Each child is two short states: Express is cheaper and fast enough.
      mapExecutionType: sfn.StateMachineType.EXPRESS,
    });
    replay.itemProcessor(enqueue.next(checkFailed));

    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? REPROCESS_DEFAULTS.logRetention,
      removalPolicy: props.logRemovalPolicy,
    });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      comment: 'Replay every object under raw/ through the ingest queue',
      queryLanguage: sfn.QueryLanguage.JSONATA,
      definitionBody: sfn.DefinitionBody.fromChainable(replay),
      tracingEnabled: true,
      // Execution data stays out of the logs: a full replay would log every key twice.
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
    this.suppressGeneratedWildcards();
  }

  private suppressGeneratedWildcards(): void {
    const stateMachineId = logicalIdOf(this.stateMachine);
    // How cdk-nag renders the state machine's name (taken apart from its ARN) in an execution ARN.
    const name = `{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${stateMachineId}"}]}]}`;
    const executions = `arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${name}`;
    NagSuppressions.addResourceSuppressions(
      this.stateMachine,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason:
            'The Distributed Map must describe, stop and redrive its own child executions, whose ids are generated at run time; the ARNs are scoped to executions of this state machine only.',
          appliesTo: [`Resource::${executions}:*`, `Resource::${executions}/*:*`],
        },
        {
          id: 'AwsSolutions-IAM5',
          reason:
            'CloudWatch Logs vended-log delivery (logs:*LogDelivery, PutResourcePolicy, Describe*) and X-Ray trace upload (xray:Put*, GetSampling*) do not support resource-level permissions; AWS documents Resource "*" for them.',
          appliesTo: ['Resource::*'],
        },
      ],
      true,
    );
  }
}

/**
 * The stock S3ObjectsItemReader grants s3:ListBucket on the whole bucket; listing
 * always sends the Prefix parameter, so the grant can be limited to it.
 */
class PrefixScopedObjectsItemReader extends sfn.S3ObjectsItemReader {
  constructor(private readonly props: sfn.S3ObjectsItemReaderProps & { bucket: s3.IBucket; prefix: string }) {
    super(props);
  }

  providePolicyStatements(): iam.PolicyStatement[] {
    return [listUnderPrefixesStatement(this.props.bucket, [this.props.prefix])];
  }
}

import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { NewsIngestError } from '../core/errors';

/**
 * The deployed stack's resources, from its CloudFormation outputs (names set in
 * lib/news-ingest-stack.ts), so the CLI needs nothing but the stack name.
 */
export interface StackResources {
  rawBucket: string;
  articlesTable: string;
  fingerprintTable: string;
  queueUrl: string | null;
  deadLetterQueueUrl: string | null;
  apiUrl: string | null;
  reprocessStateMachineArn: string | null;
}

export const OUTPUT_KEYS = {
  rawBucket: 'RawBucketName',
  articlesTable: 'ArticlesTableName',
  fingerprintTable: 'FingerprintTableName',
  queueUrl: 'IngestQueueUrl',
  deadLetterQueueUrl: 'DeadLetterQueueUrl',
  apiUrl: 'ApiUrl',
  reprocessStateMachineArn: 'ReprocessStateMachineArn',
} as const;

export class StackNotFoundError extends NewsIngestError {}

export async function resolveStack(cfn: CloudFormationClient, stackName: string): Promise<StackResources> {
  let outputs: Record<string, string>;
  try {
    const r = await cfn.send(new DescribeStacksCommand({ StackName: stackName }));
    const stack = r.Stacks?.[0];
    if (!stack) throw new StackNotFoundError(`Stack ${stackName} was not found.`);
    outputs = Object.fromEntries((stack.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']));
  } catch (err) {
    if ((err as { name?: string }).name === 'ValidationError') throw new StackNotFoundError(`Stack ${stackName} was not found in this account and region.`);
    throw err;
  }
  const need = (k: keyof typeof OUTPUT_KEYS) => {
    const v = outputs[OUTPUT_KEYS[k]];
    if (!v) throw new StackNotFoundError(`Stack ${stackName} has no output ${OUTPUT_KEYS[k]}; is it a news-ingest stack?`);
    return v;
  };
  const opt = (k: keyof typeof OUTPUT_KEYS) => outputs[OUTPUT_KEYS[k]] || null;
  return {
    rawBucket: need('rawBucket'),
    articlesTable: need('articlesTable'),
    fingerprintTable: need('fingerprintTable'),
    queueUrl: opt('queueUrl'),
    deadLetterQueueUrl: opt('deadLetterQueueUrl'),
    apiUrl: opt('apiUrl'),
    reprocessStateMachineArn: opt('reprocessStateMachineArn'),
  };
}

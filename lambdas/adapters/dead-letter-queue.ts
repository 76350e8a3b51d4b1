import { GetQueueAttributesCommand, SQSClient, StartMessageMoveTaskCommand } from '@aws-sdk/client-sqs';

/** Replays a deployed dead-letter queue into its source queue with SQS's own message-move task. */
export async function redriveDeadLetters(sqs: SQSClient, deadLetterQueueUrl: string): Promise<{ taskHandle: string | null; approximateMessages: number }> {
  const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: deadLetterQueueUrl, AttributeNames: ['QueueArn', 'ApproximateNumberOfMessages'] }));
  const arn = attrs.Attributes?.QueueArn;
  if (!arn) throw new Error(`Could not read the ARN of ${deadLetterQueueUrl}.`);
  const count = Number(attrs.Attributes?.ApproximateNumberOfMessages ?? '0');
  if (count === 0) return { taskHandle: null, approximateMessages: 0 };
  // Without DestinationArn, SQS moves the messages back to the queue they came from.
  const r = await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: arn }));
  return { taskHandle: r.TaskHandle ?? null, approximateMessages: count };
}

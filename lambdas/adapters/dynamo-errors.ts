import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

/**
 * A failed condition is an answer, not a fault: adapters turn it into a domain result
 * ('exists', 'absent') so no caller outside this folder matches SDK error names. The name check
 * covers errors from a second copy of the SDK (bundled twice), where `instanceof` fails.
 */
export function isConditionFailure(err: unknown): boolean {
  return err instanceof ConditionalCheckFailedException || (err as { name?: unknown } | null)?.name === 'ConditionalCheckFailedException';
}

/** The ValidationException messages that depend on the item's content, not on the request's shape. */
const ITEM_REFUSED = /item size|size of (hash|range)key|primary key values must be under|size of all range keys|maximum allowed size/i;

/** DynamoDB's reason when it refused an item for its size or its key lengths; null for any other error. */
export function refusedItem(err: unknown): string | null {
  const e = err as { name?: string; message?: string } | null;
  return e?.name === 'ValidationException' && ITEM_REFUSED.test(e.message ?? '') ? (e.message as string) : null;
}

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

/**
 * A failed condition is an answer, not a fault: adapters turn it into a domain result
 * ('exists', 'absent') so no caller outside this folder matches SDK error names. The name check
 * covers errors from a second copy of the SDK (bundled twice), where `instanceof` fails.
 */
export function isConditionFailure(err: unknown): boolean {
  return err instanceof ConditionalCheckFailedException || (err as { name?: unknown } | null)?.name === 'ConditionalCheckFailedException';
}

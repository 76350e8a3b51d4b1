import { BatchGetItemCommand, DynamoDBClient, UpdateItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { isConditionFailure } from './dynamo-errors';

/**
 * Per-outlet template counts: how many articles of an outlet contained a block, one item per
 * (outlet, block key) in the fingerprint table. Members are a string set of article ids, so a
 * redelivered article is counted once, and the set stops growing at MEMBER_CAP (only "seen in
 * at least N articles" matters).
 */

export const TEMPLATE_MEMBER_CAP = 8;
/** Keys looked up and counted per article; bounds DynamoDB calls per article. */
export const TEMPLATE_KEYS_PER_ARTICLE = 64;

const BATCH_GET_LIMIT = 100;

export interface TemplateCounts {
  /** Counts of other articles (the article itself excluded) for each key. */
  counts(outlet: string, keys: string[], articleId: string): Promise<Record<string, number>>;
  /** Adds the article to each key's member set, skipping keys already at the cap. */
  record(outlet: string, keys: string[], articleId: string, known: Record<string, number>): Promise<void>;
}

const pk = (outlet: string) => `tmpl#${outlet}`;

export class DynamoTemplateCounts implements TemplateCounts {
  constructor(
    private readonly dynamo: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async counts(outlet: string, keys: string[], articleId: string): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    const wanted = [...new Set(keys)].slice(0, TEMPLATE_KEYS_PER_ARTICLE);
    for (let i = 0; i < wanted.length; i += BATCH_GET_LIMIT) {
      let request: Record<string, AttributeValue>[] = wanted.slice(i, i + BATCH_GET_LIMIT).map((k) => ({ pk: { S: pk(outlet) }, sk: { S: k } }));
      // BatchGetItem may return part of a batch as unprocessed; retry those a bounded number of times.
      for (let attempt = 0; request.length > 0 && attempt < 5; attempt++) {
        const r = await this.dynamo.send(
          new BatchGetItemCommand({ RequestItems: { [this.tableName]: { Keys: request, ProjectionExpression: 'sk, members' } } }),
        );
        for (const item of r.Responses?.[this.tableName] ?? []) {
          const members = item.members?.SS ?? [];
          out[item.sk.S as string] = members.filter((m) => m !== articleId).length;
        }
        request = (r.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Record<string, AttributeValue>[];
        if (request.length) await new Promise((res) => setTimeout(res, 50 * 2 ** attempt));
      }
    }
    return out;
  }

  async record(outlet: string, keys: string[], articleId: string, known: Record<string, number>): Promise<void> {
    const todo = [...new Set(keys)].slice(0, TEMPLATE_KEYS_PER_ARTICLE).filter((k) => (known[k] ?? 0) < TEMPLATE_MEMBER_CAP);
    await Promise.all(
      todo.map(async (k) => {
        try {
          await this.dynamo.send(
            new UpdateItemCommand({
              TableName: this.tableName,
              Key: { pk: { S: pk(outlet) }, sk: { S: k } },
              UpdateExpression: 'ADD members :m',
              ConditionExpression: 'attribute_not_exists(members) OR size(members) < :cap',
              ExpressionAttributeValues: { ':m': { SS: [articleId] }, ':cap': { N: String(TEMPLATE_MEMBER_CAP) } },
            }),
          );
        } catch (err) {
          // A full set is the expected outcome of racing writers near the cap.
          if (!isConditionFailure(err)) throw err;
        }
      }),
    );
  }
}

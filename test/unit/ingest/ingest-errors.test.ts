import { DynamoDBClient, GetItemCommand, PutItemCommand, type PutItemCommandInput } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoArticleStore } from '../../../lambdas/adapters/article-store';
import { S3ObjectStore } from '../../../lambdas/adapters/object-store';
import { rulesConfig } from '../../../lambdas/core/ingest/rules-config';
import { ingestObject, type IngestDeps } from '../../../lambdas/handlers/ingest-object';
import { createLogger } from '../../../lambdas/handlers/log';
import { NO_METRICS } from '../../../lambdas/handlers/metrics';

const PAGE = `Harbour board approves new breakwater

The harbour board voted on Thursday to build a new breakwater at the mouth of the port, three months after winter storms tore a forty-metre gap in the old wall.

Engineers told the board the new structure would be built from rock armour rather than concrete, and that work could begin in the spring if the funding is confirmed.

Fishermen who use the harbour said the damage had already cost them a season, and asked the board to keep one berth open while the work goes on.
`;

const REF = { bucket: 'raw-bucket', key: 'raw/coast-times/breakwater.txt', versionId: null, eTag: 'etag-1', size: null };

function deps(): { deps: IngestDeps; s3: ReturnType<typeof mockClient>; dynamo: ReturnType<typeof mockClient> } {
  const s3Client = new S3Client({ region: 'us-east-1' });
  const dynamoClient = new DynamoDBClient({ region: 'us-east-1' });
  const s3 = mockClient(s3Client);
  const dynamo = mockClient(dynamoClient);
  const bytes = Buffer.from(PAGE, 'utf8');
  s3.on(HeadObjectCommand).resolves({ ContentLength: bytes.length, ETag: '"etag-1"', Metadata: {} });
  s3.on(GetObjectCommand).resolves({ Body: { transformToByteArray: async () => new Uint8Array(bytes) } } as never);
  dynamo.on(GetItemCommand).resolves({});
  const objects = new S3ObjectStore(s3Client);
  return {
    s3,
    dynamo,
    deps: {
      objects,
      rawBucket: 'raw-bucket',
      articles: new DynamoArticleStore(dynamoClient, 'articles', { store: objects, bucket: 'raw-bucket' }),
      dedupe: null,
      templates: null,
      rules: rulesConfig(),
      maxObjectBytes: 1_000_000,
      now: () => new Date('2026-01-01T00:00:00Z'),
      log: createLogger('silent'),
      metrics: NO_METRICS,
    },
  };
}

const validation = (message: string) => Object.assign(new Error(message), { name: 'ValidationException', $fault: 'client', $metadata: {} });

describe('ingestObject when DynamoDB refuses the item', () => {
  it.each([
    ['item too large', 'Item size has exceeded the maximum allowed size'],
    ['key too large', 'One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of 2048 bytes'],
  ])('%s: stores a rejected record with the reason instead of failing the message', async (_name, message) => {
    const { deps: d, dynamo } = deps();
    dynamo.on(PutItemCommand).rejectsOnce(validation(message)).resolves({});
    const r = await ingestObject(REF, d);
    expect(r.outcome).toBe('rejected');
    const puts = dynamo.commandCalls(PutItemCommand);
    expect(puts).toHaveLength(2);
    const stored = unmarshall((puts[1].args[0].input as PutItemCommandInput).Item ?? {});
    expect(stored).toMatchObject({ id: r.id, status: 'rejected', outlet: 'coast-times', sourceKey: REF.key, paragraphs: [] });
    expect(stored.reason).toMatch(/^DynamoDB refused the record \(.+\)\.$/);
    expect(stored.reason).toContain(message.replace(/[.\s]+$/, ''));
  });

  it('still fails (for a retry) on validation errors that are about the request, not the item', async () => {
    const { deps: d, dynamo } = deps();
    dynamo.on(PutItemCommand).rejects(validation('Invalid ConditionExpression: Syntax error'));
    await expect(ingestObject(REF, d)).rejects.toThrow(/ConditionExpression/);
  });

  it('still fails on throttling, which a retry can cure', async () => {
    const { deps: d, dynamo } = deps();
    dynamo.on(PutItemCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException', $metadata: {} }));
    await expect(ingestObject(REF, d)).rejects.toThrow(/Rate exceeded/);
  });
});

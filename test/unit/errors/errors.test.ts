/**
 * The errors module and the adapters' domain results: our errors carry their class name, a
 * missing setting fails at start, and a failed DynamoDB condition never leaves the adapter as an
 * SDK error (the SDK is mocked here because only the error path is under test).
 */
import { ConditionalCheckFailedException, DynamoDBClient, ProvisionedThroughputExceededException, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoArticleStore } from '../../../lambdas/adapters/article-store';
import { S3ObjectStore } from '../../../lambdas/adapters/object-store';
import { ConfigError, NewsIngestError, requiredSetting } from '../../../lambdas/core/errors';
import { QueryParameterError } from '../../../lambdas/core/query/plan';
import { InvalidCursorError, decodeCursor } from '../../../lambdas/core/store/record-layout';
import { ENV } from '../../../lambdas/core/schema';

describe('NewsIngestError', () => {
  it('names each error after its class, so logs and records say which', () => {
    expect(new QueryParameterError('limit must be an integer.').name).toBe('QueryParameterError');
    expect(() => decodeCursor('not-a-cursor')).toThrow(InvalidCursorError);
    try {
      decodeCursor('not-a-cursor');
    } catch (err) {
      expect(err).toBeInstanceOf(NewsIngestError);
      expect((err as Error).name).toBe('InvalidCursorError');
    }
  });

  it('keeps the cause it was given', () => {
    const cause = new Error('socket hang up');
    expect(new NewsIngestError('store unreachable', { cause }).cause).toBe(cause);
  });
});

describe('requiredSetting', () => {
  it('returns a set value and fails with the variable named when it is missing or empty', () => {
    expect(requiredSetting({ A: 'x' }, 'A')).toBe('x');
    expect(() => requiredSetting({}, 'ARTICLES_TABLE')).toThrow(new ConfigError('Environment variable ARTICLES_TABLE is not set.'));
    expect(() => requiredSetting({ A: '' }, 'A')).toThrow(ConfigError);
  });

  it('fails the query function at start, not on its first request, when a table name is missing', async () => {
    const saved = { ...process.env };
    try {
      delete process.env[ENV.articlesTable];
      process.env[ENV.bodyBucket] = 'bucket';
      await jest.isolateModulesAsync(async () => {
        await expect(import('../../../lambdas/handlers/query-api')).rejects.toThrow(`Environment variable ${ENV.articlesTable} is not set.`);
      });
    } finally {
      process.env = saved;
    }
  });
});

describe('DynamoArticleStore.setStory', () => {
  const dynamo = mockClient(DynamoDBClient);
  const store = new DynamoArticleStore(new DynamoDBClient({ region: 'us-east-1' }), 'articles', {
    store: new S3ObjectStore(new S3Client({ region: 'us-east-1' })),
    bucket: 'bucket',
  });
  const fields = { storyId: 's1', role: 'copy' as const, canonicalId: 'a0' };
  afterEach(() => dynamo.reset());
  afterAll(() => dynamo.restore());

  it("answers 'updated' when the record was there", async () => {
    dynamo.on(UpdateItemCommand).resolves({});
    await expect(store.setStory('a1', fields)).resolves.toBe('updated');
  });

  it("answers 'absent' when the record is not stored yet (the condition failed)", async () => {
    dynamo.on(UpdateItemCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));
    await expect(store.setStory('a1', fields)).resolves.toBe('absent');
  });

  it('lets any other failure through, so the message is retried', async () => {
    dynamo.on(UpdateItemCommand).rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    await expect(store.setStory('a1', fields)).rejects.toThrow('slow down');
  });
});

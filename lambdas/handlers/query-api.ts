import { createClients } from '../adapters/clients';
import { secretCursorKey } from '../adapters/cursor-key';
import { DynamoArticleStore } from '../adapters/article-store';
import { S3ObjectStore } from '../adapters/object-store';
import { QueryService } from '../adapters/query-service';
import { ENV } from '../core/schema';
import { requiredSetting } from '../core/errors';
import { createQueryApiHandler } from './query-api-handler';
import { createLogger, parseLogLevel } from './log';

/** Lambda entry for the IAM-authorised query API; clients built once per container. */
const clients = createClients();
const objects = new S3ObjectStore(clients.s3);
// Read once at start: a missing name fails the cold start instead of querying a table called ''.
const articles = new DynamoArticleStore(clients.dynamo, requiredSetting(process.env, ENV.articlesTable), {
  store: objects,
  bucket: requiredSetting(process.env, ENV.bodyBucket),
});

const cursorKey = secretCursorKey(process.env[ENV.cursorSecret] ?? '');

export const handler = createQueryApiHandler(new QueryService(articles), createLogger(parseLogLevel(process.env[ENV.logLevel])), cursorKey);

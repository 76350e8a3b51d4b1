import { createClients } from '../adapters/clients';
import { secretCursorKey } from '../adapters/cursor-key';
import { DynamoArticleStore } from '../adapters/article-store';
import { S3ObjectStore } from '../adapters/object-store';
import { QueryService } from '../adapters/query-service';
import { SERVICES } from '../core/ingest/ingest-metrics';
import { ENV } from '../core/schema';
import { requiredSetting } from '../core/errors';
import { createQueryApiHandler } from './query-api-handler';
import { createPowertools, instrument } from './powertools';

/** Lambda entry for the IAM-authorised query API; clients and Powertools built once per container. */
const pt = createPowertools(SERVICES.query, process.env[ENV.logLevel]);
const clients = createClients();
pt.tracer.captureAWSv3Client(clients.s3);
pt.tracer.captureAWSv3Client(clients.dynamo);
const objects = new S3ObjectStore(clients.s3);
// Read once at start: a missing name fails the cold start instead of querying a table called ''.
const articles = new DynamoArticleStore(clients.dynamo, requiredSetting(process.env, ENV.articlesTable), {
  store: objects,
  bucket: requiredSetting(process.env, ENV.bodyBucket),
});

const cursorKey = secretCursorKey(requiredSetting(process.env, ENV.cursorSecret));

export const handler = instrument(pt, 'query', createQueryApiHandler(new QueryService(articles), pt.log, cursorKey));

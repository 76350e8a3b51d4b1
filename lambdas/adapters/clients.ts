import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Where the SDK clients point: AWS (no endpoints) or local servers on loopback. */
export interface ClientConfig {
  region?: string;
  s3Endpoint?: string;
  dynamoEndpoint?: string;
  /** Static credentials for local servers, which accept any. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  maxAttempts?: number;
  /**
   * Resolve each command's middleware stack once per client instead of once per call (the
   * SDK's own option): the local runtime sends tens of thousands of calls from one process.
   * Middleware must then be added before the first call, as wrapClients does.
   */
  cacheMiddleware?: boolean;
}

export interface AwsClients {
  s3: S3Client;
  dynamo: DynamoDBClient;
}

/** Build the clients once per process; handlers and the CLI pass them down. */
export function createClients(config: ClientConfig = {}): AwsClients {
  const common = {
    region: config.region ?? process.env.AWS_REGION ?? 'us-east-1',
    ...(config.credentials ? { credentials: config.credentials } : {}),
    ...(config.maxAttempts ? { maxAttempts: config.maxAttempts } : {}),
    ...(config.cacheMiddleware ? { cacheMiddleware: true } : {}),
  };
  const s3 = new S3Client({
    ...common,
    ...(config.s3Endpoint
      ? {
          endpoint: config.s3Endpoint,
          forcePathStyle: true,
          // Local S3 servers do not implement the newer default checksums.
          requestChecksumCalculation: 'WHEN_REQUIRED' as const,
          responseChecksumValidation: 'WHEN_REQUIRED' as const,
        }
      : {}),
  });
  const dynamo = new DynamoDBClient({ ...common, ...(config.dynamoEndpoint ? { endpoint: config.dynamoEndpoint } : {}) });
  return { s3, dynamo };
}

export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

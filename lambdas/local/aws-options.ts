import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';

/** The options users of AWS tools expect, for commands that talk to a deployed stack. */
export interface AwsOptions {
  profile?: string;
  region?: string;
  endpointUrl?: string;
  verbose?: boolean;
}

/**
 * The flags become the SDK's standard environment rather than client settings, so every client
 * the command creates (CloudFormation, S3, DynamoDB, SQS, Step Functions) follows them, and the
 * SDK's own precedence still holds: AWS_ENDPOINT_URL_S3 (or _DYNAMODB, _CLOUDFORMATION) beats
 * --endpoint-url for that one service, which is how S3 and DynamoDB can live on different servers.
 */
export function applyAwsOptions(o: AwsOptions, env: NodeJS.ProcessEnv = process.env): void {
  if (o.profile) env.AWS_PROFILE = o.profile;
  if (o.region) env.AWS_REGION = o.region;
  if (o.endpointUrl) env.AWS_ENDPOINT_URL = o.endpointUrl;
}

/**
 * S3-compatible servers other than AWS answer path-style requests only (bucket in the path, not
 * in the host name), so the S3 client must know when its endpoint was overridden.
 */
export function s3EndpointOverride(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || undefined;
}

/**
 * `--verbose`: one stderr line per HTTP call the command makes (AWS or the local servers), from
 * Node's HTTP diagnostics channels, so no client needs wiring and none can be missed.
 */
export function logHttpCalls(write: (line: string) => void = (l) => process.stderr.write(l + '\n')): void {
  const started = new WeakMap<ClientRequest, number>();
  subscribe('http.client.request.start', (msg) => {
    started.set((msg as { request: ClientRequest }).request, Date.now());
  });
  subscribe('http.client.response.finish', (msg) => {
    const { request, response } = msg as { request: ClientRequest; response: IncomingMessage };
    const target = request.getHeader('x-amz-target');
    const ms = Date.now() - (started.get(request) ?? Date.now());
    write(
      `news-ingest: ${request.method} ${request.protocol}//${String(request.getHeader('host') ?? request.host)}${request.path}${target ? ` ${String(target)}` : ''} → ${response.statusCode} (${ms} ms)`,
    );
  });
}

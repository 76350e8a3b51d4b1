import { createClients, type AwsClients } from '../adapters/clients';
import { DynamoArticleStore } from '../adapters/article-store';
import { S3ObjectStore } from '../adapters/object-store';
import { DynamoTemplateCounts } from '../adapters/template-counts';
import { DynamoFingerprintIndex } from '../adapters/fingerprint-index';
import { ENV } from '../core/schema';
import { requiredSetting } from '../core/errors';
import type { IngestDeps } from './ingest-object';
import { rulesConfig } from '../core/ingest/rules-config';
import type { BaseRuleTable } from '../core/rules';
import { createLogger, parseLogLevel, type Logger } from './log';
import { NO_METRICS, type MetricSink } from './metrics';

export const DEFAULT_MAX_OBJECT_BYTES = 20 * 1024 * 1024;

export interface ResourceNames {
  articlesTable: string;
  fingerprintTable: string;
  bodyBucket: string;
  /** Where uploads arrive; the stack keeps raw/ and bodies/ in one bucket, so it defaults to bodyBucket. */
  rawBucket?: string;
}

export function resourceNamesFromEnv(env: NodeJS.ProcessEnv): ResourceNames {
  return {
    articlesTable: requiredSetting(env, ENV.articlesTable),
    fingerprintTable: requiredSetting(env, ENV.fingerprintTable),
    bodyBucket: requiredSetting(env, ENV.bodyBucket),
  };
}

/** Wire the adapters around clients that were built once for the process. */
export function buildIngestDeps(
  clients: AwsClients,
  names: ResourceNames,
  opts: { maxObjectBytes?: number; logLevel?: string; now?: () => Date; extraRules?: BaseRuleTable[]; log?: Logger; metrics?: MetricSink } = {},
): IngestDeps {
  const objects = new S3ObjectStore(clients.s3);
  return {
    objects,
    rawBucket: names.rawBucket ?? names.bodyBucket,
    articles: new DynamoArticleStore(clients.dynamo, names.articlesTable, { store: objects, bucket: names.bodyBucket }),
    dedupe: new DynamoFingerprintIndex(clients.dynamo, names.fingerprintTable),
    templates: new DynamoTemplateCounts(clients.dynamo, names.fingerprintTable),
    rules: rulesConfig(opts.extraRules),
    maxObjectBytes: opts.maxObjectBytes ?? DEFAULT_MAX_OBJECT_BYTES,
    now: opts.now ?? (() => new Date()),
    // Logs go to stderr unless a logger is given: the CLI's stdout carries only its own output.
    log: opts.log ?? createLogger(parseLogLevel(opts.logLevel), (line) => process.stderr.write(line + '\n')),
    metrics: opts.metrics ?? NO_METRICS,
  };
}

export function ingestDepsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  telemetry: { clients?: AwsClients; log?: Logger; metrics?: MetricSink } = {},
): IngestDeps {
  const maxBytes = Number(env[ENV.maxObjectBytes]);
  return buildIngestDeps(telemetry.clients ?? createClients(), resourceNamesFromEnv(env), {
    maxObjectBytes: Number.isFinite(maxBytes) && maxBytes > 0 ? maxBytes : undefined,
    logLevel: env[ENV.logLevel],
    log: telemetry.log,
    metrics: telemetry.metrics,
  });
}

import { RemovalPolicy } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/**
 * Deployment stage, read from the `stage` context key (cdk.json sets `dev`;
 * `-c stage=prod` for production). Everything that must differ between a
 * throwaway stack and one holding real data is derived here, in one place.
 */
export interface StageConfig {
  readonly name: string;
  readonly isProd: boolean;
  /** For stored data (buckets, tables, logs): kept in prod, torn down with a dev stack. */
  readonly dataRemovalPolicy: RemovalPolicy;
}

export const STAGE_CONTEXT_KEY = 'stage';
const PROD_STAGES = new Set(['prod', 'production']);

export function stageConfig(name: string): StageConfig {
  const isProd = PROD_STAGES.has(name);
  return { name, isProd, dataRemovalPolicy: isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY };
}

export function stageFromContext(scope: Construct): StageConfig {
  const name: unknown = scope.node.tryGetContext(STAGE_CONTEXT_KEY);
  return stageConfig(typeof name === 'string' && name.length > 0 ? name : 'dev');
}

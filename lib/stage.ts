import { RemovalPolicy } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/**
 * Deployment stage, read from the `stage` context key (cdk.json sets `dev`;
 * `-c stage=prod` for production). Everything that must differ between a
 * throwaway stack and one holding real data is derived here, in one place.
 */
export interface StageConfig {
  readonly name: string;
  /** Only named throwaway stages; any other name (prod, staging, a typo) keeps its data. */
  readonly disposable: boolean;
  /** For stored data (buckets, tables, logs): torn down with a disposable stack, retained otherwise. */
  readonly dataRemovalPolicy: RemovalPolicy;
}

export const STAGE_CONTEXT_KEY = 'stage';
export const DISPOSABLE_STAGES: ReadonlySet<string> = new Set(['dev', 'test']);

export function stageConfig(name: string): StageConfig {
  const disposable = DISPOSABLE_STAGES.has(name);
  return { name, disposable, dataRemovalPolicy: disposable ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN };
}

export function stageFromContext(scope: Construct): StageConfig {
  const name: unknown = scope.node.tryGetContext(STAGE_CONTEXT_KEY);
  return stageConfig(typeof name === 'string' && name.length > 0 ? name : 'dev');
}

import * as iam from 'aws-cdk-lib/aws-iam';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { ARTICLES_TABLE, FINGERPRINT_TABLE, PREFIX, type TableSchema } from '../../lambdas/core/schema';

/**
 * What a grant row may name: a table, one of its indexes (`<table>/index/<name>`), the
 * bucket itself (for bucket-level actions), or the objects under one key prefix.
 */
export type GrantTarget =
  'articles' | 'fingerprints' | `${'articles' | 'fingerprints'}/index/${string}` | 'bucket' | `objects:${(typeof PREFIX)[keyof typeof PREFIX]}`;

/**
 * One IAM action a function needs, on exactly the resources it uses it on, and the SDK
 * calls in lambdas/adapters that need it. Adding a call pattern is adding one row.
 */
export interface GrantRow {
  readonly action: string;
  readonly on: readonly GrantTarget[];
  readonly calls: string;
}

export type GrantTable = readonly GrantRow[];

export interface GrantResources {
  readonly articlesTable: dynamodb.ITable;
  readonly fingerprintTable?: dynamodb.ITable;
  readonly bucket: s3.IBucket;
}

const SCHEMAS: Record<'articles' | 'fingerprints', TableSchema> = { articles: ARTICLES_TABLE, fingerprints: FINGERPRINT_TABLE };

/** The ARN a target names; an index must exist in the schema, so a typo fails synth instead of a query in production. */
export function resolveTarget(target: GrantTarget, res: GrantResources): string {
  if (target === 'bucket') return res.bucket.bucketArn;
  if (target.startsWith('objects:')) return res.bucket.arnForObjects(`${target.slice('objects:'.length)}*`);
  const [name, , index] = target.split('/') as ['articles' | 'fingerprints', string?, string?];
  const table = name === 'articles' ? res.articlesTable : res.fingerprintTable;
  if (!table) throw new Error(`Grant on ${target}, but no ${name} table was given`);
  if (index === undefined) return table.tableArn;
  if (!SCHEMAS[name].globalSecondaryIndexes.some((i) => i.indexName === index)) throw new Error(`Grant on ${target}: the ${name} table has no index ${index}`);
  return `${table.tableArn}/index/${index}`;
}

/** One statement per distinct resource set, each with exactly the table's actions on it. */
export function applyGrants(grantee: iam.IGrantable, table: GrantTable, res: GrantResources): void {
  const byResources = new Map<string, { targets: readonly GrantTarget[]; actions: string[] }>();
  for (const row of table) {
    const key = [...row.on].sort().join(' ');
    const entry = byResources.get(key) ?? { targets: [...row.on].sort(), actions: [] };
    if (!entry.actions.includes(row.action)) entry.actions.push(row.action);
    byResources.set(key, entry);
  }
  for (const { targets, actions } of byResources.values()) {
    grantee.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({ actions: actions.sort(), resources: targets.map((t) => resolveTarget(t, res)) }));
  }
}

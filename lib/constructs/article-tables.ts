import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { ARTICLES_TABLE, FINGERPRINT_TABLE, type KeyAttribute, type TableSchema } from '../../lambdas/core/schema';
import type { StageConfig } from '../stage';

export const ARTICLE_TABLES_DEFAULTS = {
  /** Wire copies arrive in bursts when a story breaks; on-demand absorbs them without capacity planning. */
  billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
  pointInTimeRecovery: true,
  encryption: dynamodb.TableEncryption.AWS_MANAGED,
} as const;

export interface ArticleTablesProps {
  readonly stage: StageConfig;
  readonly billingMode?: dynamodb.BillingMode;
  readonly pointInTimeRecovery?: boolean;
  /** @default true unless the stage is disposable: dropping a table of articles takes a deliberate two-step change. */
  readonly deletionProtection?: boolean;
}

const ATTRIBUTE_TYPE: Record<KeyAttribute['type'], dynamodb.AttributeType> = {
  S: dynamodb.AttributeType.STRING,
  N: dynamodb.AttributeType.NUMBER,
};

const attribute = (a: KeyAttribute): dynamodb.Attribute => ({ name: a.name, type: ATTRIBUTE_TYPE[a.type] });

/**
 * The articles table and the fingerprint index, built from the schema module that
 * the local runtime also provisions from, so keys and indexes cannot drift.
 */
export class ArticleTables extends Construct {
  readonly articles: dynamodb.Table;
  readonly fingerprints: dynamodb.Table;

  constructor(scope: Construct, id: string, props: ArticleTablesProps) {
    super(scope, id);
    this.articles = this.tableFromSchema(ARTICLES_TABLE, props);
    this.fingerprints = this.tableFromSchema(FINGERPRINT_TABLE, props);
  }

  private tableFromSchema(schema: TableSchema, props: ArticleTablesProps): dynamodb.Table {
    const table = new dynamodb.Table(this, schema.logicalName, {
      partitionKey: attribute(schema.partitionKey),
      sortKey: schema.sortKey && attribute(schema.sortKey),
      billingMode: props.billingMode ?? ARTICLE_TABLES_DEFAULTS.billingMode,
      encryption: ARTICLE_TABLES_DEFAULTS.encryption,
      pointInTimeRecoverySpecification: {
        pointInTimeRecoveryEnabled: props.pointInTimeRecovery ?? ARTICLE_TABLES_DEFAULTS.pointInTimeRecovery,
      },
      deletionProtection: props.deletionProtection ?? !props.stage.disposable,
      removalPolicy: props.stage.dataRemovalPolicy,
    });
    for (const index of schema.globalSecondaryIndexes) {
      // Projection ALL, as the local runtime creates them: queries return whole records.
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: index.sortKey && attribute(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    return table;
  }
}

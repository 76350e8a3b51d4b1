import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { ROUTES } from '../../lambdas/core/query/routes';
import { ROUTE_PARAMS } from '../../lambdas/core/query/plan';
import { ENV, PREFIX } from '../../lambdas/core/schema';
import { nagArnRef } from '../shared/nag';
import { NodeFunction } from '../shared/node-function';
import { applyGrants, type GrantTable } from '../shared/grants';

export const QUERY_ENTRY = 'lambdas/handlers/query-api.ts';

/**
 * Optional query-string parameters per route, as lambdas/core/query/plan.ts takes them (it
 * validates their values and rejects any other; declaring them documents the API).
 */
export const QUERY_STRING_PARAMETERS: Record<string, readonly string[]> = {
  '/articles': ROUTE_PARAMS.articles,
  '/articles/{id}': ROUTE_PARAMS.article,
  '/stories': ROUTE_PARAMS.stories,
  '/stories/{id}': ROUTE_PARAMS.story,
};

/**
 * Every IAM action the query function needs: QueryService over ArticleStore for the routes
 * of lambdas/core/query/routes.ts (no route plans an export, so no Scan), read-only.
 */
export const QUERY_GRANTS = [
  { action: 'dynamodb:GetItem', on: ['articles'], calls: 'GetItem: ArticleStore.get (/articles/{id}, /stories/{id})' },
  {
    action: 'dynamodb:Query',
    on: ['articles/index/byStory', 'articles/index/byOutletPublished', 'articles/index/byAgency', 'articles/index/stories'],
    calls: 'Query: storyMembers and countStory (byStory), byOutlet, byAgency, storyHeads (stories)',
  },
  // Large bodies are offloaded to bodies/; the API never needs the raw uploads.
  { action: 's3:GetObject', on: ['objects:bodies/'], calls: 'GetObject: an offloaded body (ArticleStore hydrate)' },
] as const satisfies GrantTable;

export const QUERY_API_DEFAULTS = {
  memorySize: 512,
  /** Under API Gateway's 29 s integration limit, so a slow query fails in the function's logs, not as a bare 504. */
  timeout: Duration.seconds(25),
  stageName: 'v1',
  logLevel: 'info',
  throttlingRateLimit: 50,
  throttlingBurstLimit: 100,
  /**
   * Held for the API alone and capping it: at the stage throttle (50/s) and sub-second queries a
   * handful of instances suffice, and a slow store cannot make the API take ingest's share.
   */
  reservedConcurrency: 10,
  logRetention: logs.RetentionDays.ONE_MONTH,
} as const;

export interface QueryApiProps {
  readonly articlesTable: dynamodb.ITable;
  readonly bucket: s3.IBucket;
  readonly logRemovalPolicy: RemovalPolicy;
  readonly memorySize?: number;
  readonly timeout?: Duration;
  readonly stageName?: string;
  readonly logLevel?: string;
  readonly throttlingRateLimit?: number;
  readonly throttlingBurstLimit?: number;
  readonly reservedConcurrency?: number;
  readonly logRetention?: logs.RetentionDays;
}

/** Parses `ROUTES` entries such as 'GET /articles/{id}'. */
function parseRoute(route: string): { method: string; path: string } {
  const m = /^([A-Z]+) (\/\S*)$/.exec(route);
  if (!m) throw new Error(`Unrecognised route "${route}" in lambdas/core/query/routes.ts`);
  return { method: m[1], path: m[2] };
}

/**
 * The read-only HTTP API over the articles table: REST API, every method signed
 * with SigV4 (AWS_IAM), proxied to one query function that routes by path.
 */
export class QueryApi extends Construct {
  readonly api: apigw.RestApi;
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: QueryApiProps) {
    super(scope, id);
    const built = new NodeFunction(this, 'Query', {
      entry: QUERY_ENTRY,
      description: 'news-ingest: query API (articles, stories)',
      memorySize: props.memorySize ?? QUERY_API_DEFAULTS.memorySize,
      timeout: props.timeout ?? QUERY_API_DEFAULTS.timeout,
      logRemovalPolicy: props.logRemovalPolicy,
      reservedConcurrency: props.reservedConcurrency ?? QUERY_API_DEFAULTS.reservedConcurrency,
      environment: {
        [ENV.articlesTable]: props.articlesTable.tableName,
        [ENV.bodyBucket]: props.bucket.bucketName,
        [ENV.logLevel]: props.logLevel ?? QUERY_API_DEFAULTS.logLevel,
      },
    });
    this.function = built.function;
    // The key that signs paging cursors: generated at deploy time, never in code or in the template.
    const cursorSecret = new secretsmanager.Secret(this, 'CursorKey', {
      description: 'news-ingest: HMAC key for query API paging cursors',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      // Holds no data: a new key only ends the paging of cursors handed out before it.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Exactly the one call lambdas/adapters/cursor-key.ts makes (grantRead would add DescribeSecret).
    this.function.addToRolePolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [cursorSecret.secretArn] }));
    this.function.addEnvironment(ENV.cursorSecret, cursorSecret.secretArn);
    NagSuppressions.addResourceSuppressions(cursorSecret, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'The secret only signs paging cursors, which are not credentials and carry no access: rotating it would only break paging in progress, with nothing to protect by it.',
      },
    ]);
    applyGrants(this.function, QUERY_GRANTS, { articlesTable: props.articlesTable, bucket: props.bucket });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.logRetention ?? QUERY_API_DEFAULTS.logRetention,
      removalPolicy: props.logRemovalPolicy,
    });
    this.api = new apigw.RestApi(this, 'Api', {
      description: 'news-ingest query API (IAM-signed requests only)',
      endpointTypes: [apigw.EndpointType.REGIONAL],
      // Stage execution logging needs the account-level API Gateway logging role. It is
      // shared by every API in the account and region, so it outlives this stack.
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN,
      defaultMethodOptions: { authorizationType: apigw.AuthorizationType.IAM },
      deployOptions: {
        stageName: props.stageName ?? QUERY_API_DEFAULTS.stageName,
        accessLogDestination: new apigw.LogGroupLogDestination(accessLogs),
        accessLogFormat: apigw.AccessLogFormat.jsonWithStandardFields(),
        loggingLevel: apigw.MethodLoggingLevel.ERROR,
        // Request/response bodies would copy article text into the execution logs.
        dataTraceEnabled: false,
        metricsEnabled: true,
        tracingEnabled: true,
        throttlingRateLimit: props.throttlingRateLimit ?? QUERY_API_DEFAULTS.throttlingRateLimit,
        throttlingBurstLimit: props.throttlingBurstLimit ?? QUERY_API_DEFAULTS.throttlingBurstLimit,
      },
    });

    // Body validation only acts where a request model is declared (none: every route is a
    // GET); it is on so a write route added later is validated by default.
    const validator = this.api.addRequestValidator('Request', { validateRequestParameters: true, validateRequestBody: true });
    // The handler does its own routing; API Gateway only admits the declared routes.
    const integration = new apigw.LambdaIntegration(this.function, { allowTestInvoke: false });
    for (const { method, path } of ROUTES.map(parseRoute)) {
      const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => [`method.request.path.${m[1]}`, true] as const);
      const queryParams = (QUERY_STRING_PARAMETERS[path] ?? []).map((q) => [`method.request.querystring.${q}`, false] as const);
      this.api.root.resourceForPath(path).addMethod(method, integration, {
        requestValidator: validator,
        requestParameters: Object.fromEntries([...pathParams, ...queryParams]),
      });
    }

    this.suppressApiFindings();
    NagSuppressions.addResourceSuppressions(
      built.role,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'Body objects are limited to the bodies/ prefix, whose keys are derived from article ids not known in advance.',
          appliesTo: [`Resource::${nagArnRef(props.bucket)}/${PREFIX.bodies}*`],
        },
      ],
      true,
    );
  }

  private suppressApiFindings(): void {
    NagSuppressions.addResourceSuppressions(
      this.api.root,
      [
        {
          id: 'AwsSolutions-COG4',
          reason:
            'Callers are newsroom tools and scripts holding AWS credentials, not end users with a login: every method uses AWS_IAM (SigV4), as DESIGN.md specifies, so there is no user pool to authorise against.',
        },
      ],
      true,
    );
    NagSuppressions.addResourceSuppressions(this.api.deploymentStage, [
      {
        id: 'AwsSolutions-APIG3',
        reason:
          'Every method requires a SigV4 signature, so API Gateway rejects unsigned traffic before any integration runs; stage throttling bounds signed callers. A WAF web ACL would add cost without a threat left to stop.',
      },
    ]);
    const cloudWatchRole = this.api.node.tryFindChild('CloudWatchRole');
    if (cloudWatchRole) {
      NagSuppressions.addResourceSuppressions(cloudWatchRole, [
        {
          id: 'AwsSolutions-IAM4',
          reason:
            'Account-level role API Gateway assumes to write execution logs (required for stage logging); AmazonAPIGatewayPushToCloudWatchLogs is the policy AWS maintains for exactly that service role.',
          appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs'],
        },
      ]);
    }
  }
}

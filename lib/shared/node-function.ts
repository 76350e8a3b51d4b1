import * as path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';

/** Repository root, so entries and the lock file resolve the same from `cdk synth` and from jest. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export const NODE_FUNCTION_DEFAULTS = {
  /**
   * Node 24: the newest Node runtime this CDK version knows, which is what cdk-nag
   * AwsSolutions-L1 demands (22 would need a suppression). The code targets ES2022 and
   * is tested on Node 20+, so nothing depends on a newer language feature.
   */
  runtime: lambda.Runtime.NODEJS_24_X,
  /** Graviton: cheaper per GB-second; the bundle has no native modules. */
  architecture: lambda.Architecture.ARM_64,
  logRetention: logs.RetentionDays.ONE_MONTH,
  /** X-Ray segments for every invocation, so traces continue from API Gateway and show each SDK call. */
  tracing: lambda.Tracing.ACTIVE,
  /**
   * The AWS SDK is bundled so a deployed function runs the SDK versions the tests ran,
   * not whatever the Lambda runtime ships that month. Source maps make stack traces
   * in the logs point at the TypeScript; file and line need no copy of the sources,
   * which would nearly triple the map (5.7 MB instead of 2 MB for ingest).
   */
  bundling: { bundleAwsSDK: true, minify: true, sourceMap: true, sourcesContent: false },
} as const satisfies { bundling: BundlingOptions; [k: string]: unknown };

export interface NodeFunctionProps {
  /** Handler file relative to the repository root; it must export `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly environment: Record<string, string>;
  /** Concurrency set aside for this function alone, so neither function can starve the other (or be starved by the account). */
  readonly reservedConcurrency: number;
  /** @default NODE_FUNCTION_DEFAULTS.bundling */
  readonly bundling?: BundlingOptions;
  readonly logRetention?: logs.RetentionDays;
  readonly logRemovalPolicy: RemovalPolicy;
}

/**
 * A Node.js function with its own log group and a role that can write only there:
 * no AWSLambdaBasicExecutionRole (managed, account-wide log permissions). Callers add
 * exactly the data grants the function needs.
 */
export class NodeFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: logs.LogGroup;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: NodeFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? NODE_FUNCTION_DEFAULTS.logRetention,
      removalPolicy: props.logRemovalPolicy,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of: ${props.description}`,
    });
    this.logGroup.grantWrite(this.role);

    const bundling = props.bundling ?? NODE_FUNCTION_DEFAULTS.bundling;
    this.function = new NodejsFunction(this, 'Function', {
      entry: path.join(REPO_ROOT, props.entry),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      description: props.description,
      runtime: NODE_FUNCTION_DEFAULTS.runtime,
      architecture: NODE_FUNCTION_DEFAULTS.architecture,
      memorySize: props.memorySize,
      timeout: props.timeout,
      reservedConcurrentExecutions: props.reservedConcurrency,
      tracing: NODE_FUNCTION_DEFAULTS.tracing,
      // A shipped source map is only read by Node when asked to; then logged stack traces point at the TypeScript.
      environment: { ...(bundling.sourceMap ? { NODE_OPTIONS: '--enable-source-maps' } : {}), ...props.environment },
      bundling,
      role: this.role,
      logGroup: this.logGroup,
    });
    NagSuppressions.addResourceSuppressions(
      this.role,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason:
            'Active tracing: X-Ray trace upload (xray:PutTraceSegments, PutTelemetryRecords) supports no resource-level permissions; AWS documents Resource "*" for it.',
          appliesTo: ['Resource::*'],
        },
      ],
      true,
    );
  }
}

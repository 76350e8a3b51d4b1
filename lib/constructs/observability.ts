import { Duration } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  MESSAGES_FAILED_METRIC,
  MESSAGES_IGNORED_METRIC,
  METRICS_NAMESPACE,
  OUTCOME_METRICS,
  REJECTION_METRICS,
  REMOVED_BLOCKS_METRIC,
  ROLE_METRICS,
  SERVICES,
} from '../../lambdas/core/ingest/ingest-metrics';

export const OBSERVABILITY_DEFAULTS = {
  period: Duration.minutes(5),
  /** Any parked message needs a person (fix, then `news-ingest redrive`). */
  deadLetterMessages: 1,
  /**
   * Failed messages are reported per message and never fail the invocation, so any function
   * error is a crash, a timeout or an out-of-memory: worth a look at the first one.
   */
  functionErrors: 1,
  /** Ingest keeps up within seconds; an upload waiting a quarter of an hour means it does not. */
  queueAgeSeconds: 15 * 60,
  /** A few 5xx can be a throttled store retried by the caller; this many in one period is an outage. */
  api5xxErrors: 5,
} as const;

export interface ObservabilityProps {
  readonly ingestFunction: lambda.IFunction;
  readonly queryFunction: lambda.IFunction;
  readonly queue: sqs.IQueue;
  readonly deadLetterQueue: sqs.IQueue;
  readonly api: apigw.RestApi;
  /** Where alarms notify; without one they show on the dashboard and in the console only. */
  readonly alarmTopic?: sns.ITopic;
  readonly period?: Duration;
  readonly deadLetterMessages?: number;
  readonly functionErrors?: number;
  readonly queueAgeSeconds?: number;
  readonly api5xxErrors?: number;
}

/**
 * Alarms on what needs a person (dead letters, function errors, a queue falling behind, API
 * 5xx) and one dashboard: the pipeline's own counts (EMF from the ingest handler) beside the
 * Lambda, SQS and API Gateway metrics they explain.
 */
export class Observability extends Construct {
  readonly alarms: cloudwatch.Alarm[];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const period = props.period ?? OBSERVABILITY_DEFAULTS.period;
    const alarm = (name: string, metric: cloudwatch.IMetric, threshold: number, description: string) =>
      new cloudwatch.Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No datapoints means nothing happened (an idle queue, an unused API), not trouble.
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });

    const dlqDepth = props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, statistic: cloudwatch.Stats.MAXIMUM });
    const queueAge = props.queue.metricApproximateAgeOfOldestMessage({ period, statistic: cloudwatch.Stats.MAXIMUM });
    const ingestErrors = props.ingestFunction.metricErrors({ period, statistic: cloudwatch.Stats.SUM });
    const queryErrors = props.queryFunction.metricErrors({ period, statistic: cloudwatch.Stats.SUM });
    const api5xx = props.api.metricServerError({ period, statistic: cloudwatch.Stats.SUM });

    this.alarms = [
      alarm(
        'DeadLetters',
        dlqDepth,
        props.deadLetterMessages ?? OBSERVABILITY_DEFAULTS.deadLetterMessages,
        'Messages in the ingest dead-letter queue: see the ingest logs for why, then run `news-ingest redrive`.',
      ),
      alarm(
        'IngestErrors',
        ingestErrors,
        props.functionErrors ?? OBSERVABILITY_DEFAULTS.functionErrors,
        'The ingest function crashed, timed out or ran out of memory.',
      ),
      alarm(
        'QueryErrors',
        queryErrors,
        props.functionErrors ?? OBSERVABILITY_DEFAULTS.functionErrors,
        'The query function crashed, timed out or ran out of memory.',
      ),
      alarm(
        'QueueAge',
        queueAge,
        props.queueAgeSeconds ?? OBSERVABILITY_DEFAULTS.queueAgeSeconds,
        'Uploads wait too long for ingest: throttled, failing or outpaced.',
      ),
      alarm('Api5xx', api5xx, props.api5xxErrors ?? OBSERVABILITY_DEFAULTS.api5xxErrors, 'The query API answers 5xx.'),
    ];
    if (props.alarmTopic) for (const a of this.alarms) a.addAlarmAction(new actions.SnsAction(props.alarmTopic));

    const pipeline = (names: readonly string[]) =>
      names.map(
        (metricName) =>
          new cloudwatch.Metric({
            namespace: METRICS_NAMESPACE,
            metricName,
            dimensionsMap: { service: SERVICES.ingest },
            statistic: cloudwatch.Stats.SUM,
            period,
          }),
      );
    const graph = (title: string, left: cloudwatch.IMetric[], right: cloudwatch.IMetric[] = []) =>
      new cloudwatch.GraphWidget({ title, left, right, width: 8, height: 6 });
    const p95 = { period, statistic: cloudwatch.Stats.percentile(95) };

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      widgets: [
        [new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 3 })],
        [
          graph('Articles by outcome', pipeline(Object.values(OUTCOME_METRICS)), pipeline([MESSAGES_FAILED_METRIC, MESSAGES_IGNORED_METRIC])),
          graph('Rejections by reason', pipeline(REJECTION_METRICS)),
          graph('Dedupe roles and removed blocks', pipeline(Object.values(ROLE_METRICS)), pipeline([REMOVED_BLOCKS_METRIC])),
        ],
        [
          graph(
            'Ingest function',
            [props.ingestFunction.metricInvocations({ period }), ingestErrors, props.ingestFunction.metricThrottles({ period })],
            [props.ingestFunction.metricDuration(p95)],
          ),
          graph('Ingest queue', [props.queue.metricApproximateNumberOfMessagesVisible({ period }), dlqDepth], [queueAge]),
          graph('Query API', [props.api.metricCount({ period }), props.api.metricClientError({ period }), api5xx], [props.api.metricLatency(p95)]),
        ],
        [
          graph(
            'Query function',
            [props.queryFunction.metricInvocations({ period }), queryErrors, props.queryFunction.metricThrottles({ period })],
            [props.queryFunction.metricDuration(p95)],
          ),
        ],
      ],
    });
  }
}

import { Match } from 'aws-cdk-lib/assertions';
import { OUTCOME_METRICS, REJECTION_METRICS, REMOVED_BLOCKS_METRIC, ROLE_METRICS, METRICS_NAMESPACE } from '../../lambdas/core/ingest/ingest-metrics';
import { OBSERVABILITY_DEFAULTS } from '../../lib/constructs/observability';
import { resourcesOf, synthesize } from './synth';

const { template } = synthesize();
const period = OBSERVABILITY_DEFAULTS.period.toSeconds();

test.each([
  [
    'dead-letter depth',
    {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Statistic: 'Maximum',
      Threshold: OBSERVABILITY_DEFAULTS.deadLetterMessages,
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^IngestQueueDeadLetterQueue'), 'QueueName'] } }],
    },
  ],
  [
    'queue age',
    {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateAgeOfOldestMessage',
      Statistic: 'Maximum',
      Threshold: OBSERVABILITY_DEFAULTS.queueAgeSeconds,
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^IngestQueue[0-9A-F]{8}$'), 'QueueName'] } }],
    },
  ],
  [
    'ingest errors',
    {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Statistic: 'Sum',
      Threshold: OBSERVABILITY_DEFAULTS.functionErrors,
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: Match.stringLikeRegexp('^IngestFunction') } }],
    },
  ],
  [
    'query errors',
    {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Statistic: 'Sum',
      Threshold: OBSERVABILITY_DEFAULTS.functionErrors,
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: Match.stringLikeRegexp('^QueryApiQuery') } }],
    },
  ],
  [
    'API 5xx',
    {
      Namespace: 'AWS/ApiGateway',
      MetricName: '5XXError',
      Statistic: 'Sum',
      Threshold: OBSERVABILITY_DEFAULTS.api5xxErrors,
      Dimensions: Match.arrayWith([{ Name: 'ApiName', Value: Match.anyValue() }]),
    },
  ],
])('alarm on %s', (_name, props) => {
  template.hasResourceProperties('AWS::CloudWatch::Alarm', {
    ...props,
    Period: period,
    EvaluationPeriods: 1,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    TreatMissingData: 'notBreaching',
  });
});

test('five alarms, no more: each names what to do', () => {
  const alarms = resourcesOf(template, 'AWS::CloudWatch::Alarm');
  expect(alarms).toHaveLength(5);
  for (const [, a] of alarms) expect(a.Properties.AlarmDescription.length).toBeGreaterThan(20);
});

test('one dashboard graphs every metric the ingest handler publishes, next to the AWS ones', () => {
  const dashboards = resourcesOf(template, 'AWS::CloudWatch::Dashboard');
  expect(dashboards).toHaveLength(1);
  const body = JSON.stringify(dashboards[0][1].Properties.DashboardBody);
  for (const name of [...Object.values(OUTCOME_METRICS), ...REJECTION_METRICS, ...Object.values(ROLE_METRICS), REMOVED_BLOCKS_METRIC]) {
    expect(body).toContain(`\\"${METRICS_NAMESPACE}\\",\\"${name}\\",\\"service\\",\\"ingest\\"`);
  }
  for (const aws of ['AWS/Lambda', 'AWS/SQS', 'AWS/ApiGateway', 'ApproximateAgeOfOldestMessage', 'alarm']) expect(body).toContain(aws);
});

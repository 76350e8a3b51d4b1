import { Match } from 'aws-cdk-lib/assertions';
import { ROUTES } from '../../lambdas/core/query/routes';
import { ENV, PREFIX } from '../../lambdas/core/schema';
import { QUERY_API_DEFAULTS } from '../../lib/constructs/query-api';
import { OUTPUTS } from '../../lib/news-ingest-stack';
import { resourcesOf, synthesize } from './synth';

const { template } = synthesize();
const methods = resourcesOf(template, 'AWS::ApiGateway::Method');
const resources = new Map(resourcesOf(template, 'AWS::ApiGateway::Resource').map(([id, r]) => [id, r.Properties]));

/** '/articles/{id}' from a method's chain of AWS::ApiGateway::Resource parents. */
function pathOf(resourceRef: { Ref?: string }): string {
  const parts: string[] = [];
  let r = resourceRef.Ref ? resources.get(resourceRef.Ref) : undefined;
  while (r) {
    parts.unshift(r.PathPart);
    r = r.ParentId.Ref ? resources.get(r.ParentId.Ref) : undefined;
  }
  return `/${parts.join('/')}`;
}

test('exactly the routes of lambdas/core/query/routes.ts, all GET', () => {
  const routes = methods.map(([, m]) => `${m.Properties.HttpMethod} ${pathOf(m.Properties.ResourceId)}`);
  expect(routes.sort()).toEqual([...ROUTES].sort());
});

test('every method requires SigV4 (AWS_IAM)', () => {
  expect(methods.length).toBeGreaterThan(0);
  for (const [, m] of methods) expect(m.Properties.AuthorizationType).toBe('AWS_IAM');
});

test('every method is a Lambda proxy to the query function, behind the request validator', () => {
  template.hasResourceProperties('AWS::ApiGateway::RequestValidator', { ValidateRequestParameters: true, ValidateRequestBody: true });
  for (const [, m] of methods) {
    expect(m.Properties.Integration).toMatchObject({ Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST' });
    expect(JSON.stringify(m.Properties.Integration.Uri)).toMatch(/QueryApiQueryFunction/);
    expect(m.Properties.RequestValidatorId).toEqual({ Ref: expect.stringMatching(/Request/) });
  }
});

test('list routes declare their query-string parameters, item routes their id', () => {
  const params = Object.fromEntries(methods.map(([, m]) => [pathOf(m.Properties.ResourceId), m.Properties.RequestParameters]));
  expect(params['/articles/{id}']).toEqual({ 'method.request.path.id': true });
  expect(params['/stories/{id}']).toEqual({ 'method.request.path.id': true, 'method.request.querystring.cursor': false });
  for (const q of ['outlet', 'from', 'to', 'unique', 'agency', 'cursor']) expect(params['/articles'][`method.request.querystring.${q}`]).toBe(false);
  expect(Object.keys(params['/stories'])).toEqual(expect.arrayContaining(['method.request.querystring.cursor', 'method.request.querystring.order']));
});

test('stage has access logs, execution logging without bodies, tracing and throttling', () => {
  template.hasResourceProperties('AWS::ApiGateway::Stage', {
    StageName: QUERY_API_DEFAULTS.stageName,
    AccessLogSetting: { DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('AccessLogs'), 'Arn'] }, Format: Match.anyValue() },
    TracingEnabled: true,
    MethodSettings: [
      Match.objectLike({
        HttpMethod: '*',
        ResourcePath: '/*',
        LoggingLevel: 'ERROR',
        DataTraceEnabled: false,
        ThrottlingRateLimit: QUERY_API_DEFAULTS.throttlingRateLimit,
        ThrottlingBurstLimit: QUERY_API_DEFAULTS.throttlingBurstLimit,
      }),
    ],
  });
});

test('query function is read-only: table reads and bodies/ objects only', () => {
  const statements = resourcesOf(template, 'AWS::IAM::Policy')
    .filter(([id]) => id.startsWith('QueryApiQuery'))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
  const actions = statements.flatMap((s) => [s.Action].flat());
  expect(actions.filter((a) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(a))).toEqual([]);
  expect(actions.filter((a) => a.startsWith('s3:'))).toEqual(['s3:GetObject']);
  const s3 = statements.find((s) => [s.Action].flat().includes('s3:GetObject'))!;
  expect(JSON.stringify(s3.Resource)).toContain(`/${PREFIX.bodies}*`);
  expect(JSON.stringify(s3.Resource)).not.toContain(PREFIX.raw);
});

test('query function gets the table and bucket names from the schema ENV names', () => {
  template.hasResourceProperties('AWS::Lambda::Function', {
    Description: Match.stringLikeRegexp('query API'),
    Environment: { Variables: Match.objectLike({ [ENV.articlesTable]: Match.anyValue(), [ENV.bodyBucket]: Match.anyValue() }) },
    Runtime: 'nodejs24.x',
  });
});

test(`API URL is the ${OUTPUTS.apiUrl} output`, () => {
  expect(template.toJSON().Outputs[OUTPUTS.apiUrl].Value).toEqual({
    'Fn::Join': ['', expect.arrayContaining([{ Ref: expect.stringMatching(/^QueryApi/) }])],
  });
});

test('query function reads its cursor key from a secret generated at deploy time, and may only read that secret', () => {
  const secrets = resourcesOf(template, 'AWS::SecretsManager::Secret').filter(([id]) => id.startsWith('QueryApiCursorKey'));
  expect(secrets).toHaveLength(1);
  const [secretId, secret] = secrets[0];
  expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 64, ExcludePunctuation: true });
  expect(secret.Properties.SecretString).toBeUndefined();
  template.hasResourceProperties('AWS::Lambda::Function', {
    Description: Match.stringLikeRegexp('query API'),
    Environment: { Variables: Match.objectLike({ [ENV.cursorSecret]: { Ref: secretId } }) },
  });
  const statements = resourcesOf(template, 'AWS::IAM::Policy')
    .filter(([id]) => id.startsWith('QueryApiQuery'))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
  const secretReads = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('secretsmanager:')));
  expect(secretReads.flatMap((s) => [s.Action].flat()).sort()).toEqual(['secretsmanager:GetSecretValue']);
  for (const s of secretReads) expect(s.Resource).toEqual({ Ref: secretId });
});

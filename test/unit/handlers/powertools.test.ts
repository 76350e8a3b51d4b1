import type { Context } from 'aws-lambda';
import { createPowertools, instrument } from '../../../lambdas/handlers/powertools';

// What Lambda sets for an on-demand instance; Powertools reports no cold start without it.
process.env.AWS_LAMBDA_INITIALIZATION_TYPE = 'on-demand';

const context = {
  functionName: 'news-ingest-test',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:news-ingest-test',
  memoryLimitInMB: '1024',
  awsRequestId: 'req-1234',
  logGroupName: '/aws/lambda/news-ingest-test',
  logStreamName: 'stream',
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 1000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
} as Context;

/** Every JSON line written to stdout and stderr while `fn` runs. */
async function captured(fn: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const spies = [process.stdout, process.stderr].map((s) =>
    jest.spyOn(s, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      return true;
    }),
  );
  try {
    await fn().catch(() => undefined);
  } finally {
    for (const s of spies) s.mockRestore();
  }
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
}

test('logs carry the request id and cold start; counts leave as one EMF line per invocation', async () => {
  const pt = createPowertools('ingest', 'info');
  const handler = instrument(pt, 'ingest', async (n: number) => {
    pt.log.info('article stored', { id: 'a_1' });
    pt.sink.count('ArticlesClean', n);
    pt.sink.count('RoleCopy', 1);
    return n;
  });
  const lines = await captured(() => handler(2, context));
  const log = lines.find((l) => l.message === 'article stored')!;
  expect(log).toMatchObject({
    level: 'INFO',
    service: 'ingest',
    id: 'a_1',
    function_request_id: 'req-1234',
    cold_start: true,
    function_name: 'news-ingest-test',
  });
  const emf = lines.filter((l) => l._aws);
  const application = emf.filter((l) => 'ArticlesClean' in l);
  expect(application).toHaveLength(1);
  expect(application[0]).toMatchObject({ ArticlesClean: 2, RoleCopy: 1, service: 'ingest' });
  expect(JSON.stringify(application[0]._aws)).toContain('"Namespace":"NewsIngest"');
  // The cold-start metric is Powertools' own single-metric line.
  expect(emf.some((l) => l.ColdStart === 1)).toBe(true);

  const second = await captured(() => handler(1, context));
  expect(second.find((l) => l.message === 'article stored')).toMatchObject({ cold_start: false });
});

test('metrics are flushed and the error rethrown when the handler throws; nothing counted, nothing flushed', async () => {
  const pt = createPowertools('query', 'error');
  const failing = instrument(pt, 'query', async () => {
    pt.sink.count('MessagesFailed', 1);
    throw new Error('boom');
  });
  let thrown: unknown;
  const flushed = await captured(() => failing(0, context).catch((err: unknown) => (thrown = err)));
  expect(thrown).toEqual(new Error('boom'));
  expect(flushed.filter((l) => 'MessagesFailed' in l)).toEqual([expect.objectContaining({ MessagesFailed: 1, service: 'query' })]);
  const quiet = instrument(pt, 'query', async () => 'ok');
  const lines = await captured(() => quiet(0, context));
  expect(lines.filter((l) => l._aws && !('ColdStart' in l))).toEqual([]);
  expect(lines.filter((l) => typeof l.message === 'string' && /metrics/i.test(l.message as string))).toEqual([]);
});

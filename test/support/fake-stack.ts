import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OUTPUT_KEYS } from '../../lambdas/adapters/stack-outputs';
import { startLocalRuntime, type LocalRuntime } from '../../lambdas/local/runtime';

/**
 * A deployed stack on 127.0.0.1 for `--stack` tests: one endpoint, as LocalStack offers, that
 * answers CloudFormation's DescribeStacks itself and passes S3 and DynamoDB calls to a real
 * S3-compatible server and a real DynamoDB-compatible server (the local runtime's, with its
 * bucket and tables). Nothing consumes the bucket's events, as if the stack's Lambda were down,
 * so records of new uploads never arrive.
 */
export interface FakeStack {
  name: string;
  endpoint: string;
  runtime: LocalRuntime;
  stop(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function describeStacks(stackName: string, asked: string, outputs: Record<string, string>): { status: number; body: string } {
  if (asked !== stackName) {
    return {
      status: 400,
      body: `<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id ${asked} does not exist</Message></Error><RequestId>1</RequestId></ErrorResponse>`,
    };
  }
  const members = Object.entries(outputs)
    .map(([k, v]) => `<member><OutputKey>${k}</OutputKey><OutputValue>${v}</OutputValue></member>`)
    .join('');
  return {
    status: 200,
    body:
      `<DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStacksResult><Stacks><member>` +
      `<StackName>${stackName}</StackName><StackId>arn:aws:cloudformation:us-east-1:000000000000:stack/${stackName}/1</StackId>` +
      `<CreationTime>2024-01-01T00:00:00Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus><Outputs>${members}</Outputs>` +
      `</member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></DescribeStacksResponse>`,
  };
}

export async function startFakeStack(name = 'FakeNewsIngest'): Promise<FakeStack> {
  const runtime = await startLocalRuntime({ dataDir: null });
  // Only the queue's absence matters: the CLI never reads the queue URLs for ingest.
  const outputs = {
    [OUTPUT_KEYS.rawBucket]: runtime.names.bucket,
    [OUTPUT_KEYS.articlesTable]: runtime.names.articlesTable,
    [OUTPUT_KEYS.fingerprintTable]: runtime.names.fingerprintTable,
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const target = String(req.headers['x-amz-target'] ?? '');
      const form = new URLSearchParams(req.method === 'POST' && !target ? body.toString('utf8') : '');
      if (form.get('Action') === 'DescribeStacks') {
        const r = describeStacks(name, form.get('StackName') ?? '', outputs);
        res.writeHead(r.status, { 'content-type': 'text/xml' }).end(r.body);
        return;
      }
      const upstream = new URL(target.startsWith('DynamoDB_') ? runtime.dynamoEndpoint : runtime.s3Endpoint);
      const forwarded = request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      forwarded.on('error', () => res.writeHead(502).end());
      forwarded.end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    name,
    endpoint: `http://127.0.0.1:${port}`,
    runtime,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.stop();
    },
  };
}

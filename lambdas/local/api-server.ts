import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { QueryService } from '../adapters/query-service';
import { createQueryApiHandler } from '../handlers/query-api-handler';
import type { Logger } from '../handlers/log';
import { LOOPBACK } from './servers';

/** The query API's Lambda handler behind a plain HTTP server on 127.0.0.1 (`news-ingest serve`). */
export async function startApiServer(service: QueryService, log: Logger, port = 0): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const handle = createQueryApiHandler(service, log);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = v;
    handle({ httpMethod: req.method ?? 'GET', path: url.pathname, queryStringParameters: query })
      .then((r) => {
        res.writeHead(r.statusCode, r.headers);
        res.end(r.body);
      })
      .catch(() => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"message":"internal error"}');
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${LOOPBACK}:${bound}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { QueryService } from '../adapters/query-service';
import type { ReviewSource } from '../adapters/review-source';
import { createQueryApiHandler } from '../handlers/query-api-handler';
import { createReviewUiHandler, type UiResponse } from '../handlers/review-ui-handler';
import type { Logger } from '../handlers/log';
import { isUiPath } from '../core/ui/ui-routes';
import { LOOPBACK } from './servers';

/**
 * The query API's Lambda handler behind a plain HTTP server on 127.0.0.1 (`news-ingest serve`),
 * and, when given a review source, the review UI under /ui/ next to it.
 */
export async function startApiServer(
  service: QueryService,
  log: Logger,
  port = 0,
  review?: ReviewSource,
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  // A fresh cursor key per run: cursors only need to outlive one server, and no key is ever stored.
  const cursorKey = randomBytes(32);
  const handle = createQueryApiHandler(service, log, () => Promise.resolve(cursorKey));
  const ui = review ? createReviewUiHandler(review, log) : null;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = v;
    const method = req.method ?? 'GET';
    const send = (r: UiResponse) => {
      res.writeHead(r.statusCode, { ...r.headers, 'content-length': String(Buffer.byteLength(r.body)) });
      res.end(method === 'HEAD' ? undefined : r.body);
    };
    if (ui && url.pathname === '/') {
      res.writeHead(302, { location: '/ui/' }).end();
      return;
    }
    const handled =
      ui && isUiPath(url.pathname)
        ? ui({ method, path: url.pathname, query })
        : handle({ httpMethod: method, path: url.pathname, queryStringParameters: query });
    handled.then(send).catch(() => {
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
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Browsers keep connections alive; without this, close waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

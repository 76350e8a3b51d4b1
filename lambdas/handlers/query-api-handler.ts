import { QueryParameterError } from '../core/query/plan';
import { route } from '../core/query/routes';
import { cursorBinding, openPlanCursor, sealCursor } from '../core/query/cursor-seal';
import { InvalidCursorError } from '../core/store/record-layout';
import type { QueryResult, QueryService } from '../adapters/query-service';
import { errorFields, type Logger } from './log';

/** The parts of an API Gateway REST proxy event and response this API uses. */
export interface ApiEvent {
  httpMethod: string;
  path: string;
  queryStringParameters?: Record<string, string | undefined> | null;
}

export interface ApiResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

const HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

function json(statusCode: number, body: unknown): ApiResponse {
  return { statusCode, headers: HEADERS, body: JSON.stringify(body) };
}

function toResponse(result: QueryResult, seal: (raw: string | null) => string | null): ApiResponse {
  switch (result.kind) {
    case 'article':
      return result.article ? json(200, result.article) : json(404, { message: 'No article with that id.' });
    case 'story':
      return result.story
        ? json(200, { ...result.story, cursor: seal(result.story.cursor) })
        : json(404, { message: 'No story with that id (or the article is not in a story).' });
    case 'articles':
    case 'stories':
      return json(200, { items: result.items, cursor: seal(result.cursor) });
  }
}

/**
 * `cursorKey` gives the HMAC key cursors are sealed with (see core/query/cursor-seal.ts): in
 * AWS a secret created at deploy time, locally a random key per run.
 */
export function createQueryApiHandler(service: QueryService, log: Logger, cursorKey: () => Promise<Uint8Array>): (event: ApiEvent) => Promise<ApiResponse> {
  return async (event) => {
    try {
      const r = route(event.httpMethod, event.path, event.queryStringParameters ?? {});
      if ('status' in r) return json(r.status, { message: r.message });
      const key = await cursorKey();
      const result = await service.run(openPlanCursor(key, r.plan));
      return toResponse(result, (raw) => sealCursor(key, cursorBinding(r.plan), raw));
    } catch (err) {
      if (err instanceof QueryParameterError || err instanceof InvalidCursorError) return json(400, { message: err.message });
      log.error('query failed', { path: event.path, ...errorFields(err) });
      return json(500, { message: 'The query failed; try again.' });
    }
  };
}

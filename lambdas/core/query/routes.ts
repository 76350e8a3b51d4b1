import { planArticle, planArticleList, planStories, planStory, QueryParameterError, type Params, type QueryPlan } from './plan';

/** HTTP routes of the query API → plans. Pure, so the Lambda and the local server share it. */

export type RouteResult = { plan: QueryPlan } | { status: 404 | 405; message: string };

export const ROUTES = ['GET /articles/{id}', 'GET /articles', 'GET /stories/{id}', 'GET /stories'] as const;

export function route(method: string, path: string, query: Params): RouteResult {
  const parts = path.replace(/\/+$/, '').split('/').filter(Boolean).map(safeDecode);
  if (parts.length === 0 || !['articles', 'stories'].includes(parts[0]) || parts.length > 2) {
    return { status: 404, message: `No route for ${path}; routes are ${ROUTES.join(', ')}.` };
  }
  if (method !== 'GET') return { status: 405, message: `Method ${method} is not allowed; the query API is read-only (GET).` };
  const [collection, id] = parts;
  if (collection === 'articles') return { plan: id !== undefined ? planArticle(id, query) : planArticleList(query) };
  if (id !== undefined) return { plan: planStory(id, query) };
  return { plan: planStories(query) };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new QueryParameterError(`The path segment "${s}" is not valid URL encoding.`);
  }
}

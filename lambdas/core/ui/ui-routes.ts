import { idParam, QueryParameterError, type Params } from '../query/plan';
import { parseStoryFilter, type StoryFilter } from './story-filter';

/** Paths under /ui/ → what to show. Pure, so the routing is tested without a server. */

export type UiRoute =
  | { view: 'stories'; filter: StoryFilter }
  | { view: 'story'; id: string; member: string | null }
  | { view: 'article'; id: string; category: string | null }
  | { view: 'raw'; id: string }
  | { view: 'stats' }
  | { view: 'static'; name: string }
  | { view: 'notFound' };

export const UI_PREFIX = '/ui';

export function isUiPath(path: string): boolean {
  return path === UI_PREFIX || path.startsWith(`${UI_PREFIX}/`);
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new QueryParameterError(`The path segment "${s}" is not valid URL encoding.`);
  }
}

function only(p: Params, allowed: string[]): void {
  for (const k of Object.keys(p))
    if (!allowed.includes(k)) throw new QueryParameterError(`Unknown parameter "${k}"${allowed.length ? `; use ${allowed.join(', ')}` : ''}.`);
}

const text = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

export function uiRoute(path: string, query: Params): UiRoute {
  const parts = path.slice(UI_PREFIX.length).split('/').filter(Boolean).map(decode);
  const [section, id, extra] = parts;
  if (extra !== undefined) return { view: 'notFound' };
  if (section === undefined) return { view: 'stories', filter: parseStoryFilter(query) };
  if (section === 'stats' && id === undefined) return (only(query, []), { view: 'stats' });
  if (section === 'static' && id !== undefined) return { view: 'static', name: id };
  if (id === undefined) return { view: 'notFound' };
  if (section === 'stories') {
    only(query, ['member']);
    const member = text(query.member);
    return { view: 'story', id: idParam(id, 'story or article'), member: member ? idParam(member, 'member article') : null };
  }
  if (section === 'articles') return (only(query, ['category']), { view: 'article', id: idParam(id, 'article'), category: text(query.category) });
  if (section === 'raw') return (only(query, []), { view: 'raw', id: idParam(id, 'article') });
  return { view: 'notFound' };
}

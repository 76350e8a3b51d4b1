import { agencyCode, planStories, QueryParameterError, type Params } from '../query/plan';

/**
 * The stories list's filters, read from the URL so every view is a shareable link. Dates,
 * cursor and page size are checked by the query planner the API uses, so both reject the same input.
 */
export interface StoryFilter {
  q: string | null;
  outlet: string | null;
  agency: string | null;
  from: string | null;
  to: string | null;
  copiesOnly: boolean;
  cursor: string | null;
  limit: number;
}

export const STORY_FILTER_PARAMS = ['q', 'outlet', 'agency', 'from', 'to', 'copies', 'cursor', 'limit'] as const;

export const UI_PAGE_SIZE = 25;

const text = (p: Params, k: string): string | null => {
  const v = p[k]?.trim();
  return v ? v : null;
};

export function parseStoryFilter(p: Params): StoryFilter {
  for (const k of Object.keys(p)) {
    if (!(STORY_FILTER_PARAMS as readonly string[]).includes(k))
      throw new QueryParameterError(`Unknown parameter "${k}"; use ${STORY_FILTER_PARAMS.join(', ')}.`);
  }
  const plan = planStories({ from: p.from, to: p.to, cursor: p.cursor, limit: p.limit ?? String(UI_PAGE_SIZE) });
  if (plan.op !== 'stories') throw new Error('unreachable');
  const outlet = text(p, 'outlet');
  const agency = text(p, 'agency');
  if (outlet && agency) throw new QueryParameterError('Filter by an outlet or by an agency, not both.');
  const q = text(p, 'q');
  if (q && q.length > 200) throw new QueryParameterError('The search text is too long (200 characters at most).');
  return {
    q,
    outlet,
    agency: agency ? agencyCode(agency) : null,
    from: plan.from,
    to: plan.to,
    copiesOnly: ['1', 'true', 'on', 'yes'].includes((p.copies ?? '').toLowerCase()),
    cursor: plan.cursor,
    limit: plan.limit,
  };
}

/** The filter as URL parameters (without the cursor unless asked), for links that keep it. */
export function filterQuery(f: StoryFilter, cursor: string | null = null): Record<string, string | null> {
  return {
    q: f.q,
    outlet: f.outlet,
    agency: f.agency,
    from: f.from,
    to: f.to,
    copies: f.copiesOnly ? '1' : null,
    limit: f.limit === UI_PAGE_SIZE ? null : String(f.limit),
    cursor,
  };
}

/** Whether a story title matches the search text: every word, case and accents ignored. */
export function titleMatches(title: string | null, q: string | null): boolean {
  if (!q) return true;
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const t = fold(title ?? '');
  return fold(q)
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => t.includes(w));
}

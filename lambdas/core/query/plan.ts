/**
 * Query planning shared by the CLI and the HTTP API, so the two can never disagree:
 * parameters in, a plan naming the key or index to use out. No plan ever scans, except
 * `export`, which a caller must ask for explicitly.
 */
import { NewsIngestError } from '../errors';

export type IndexName = 'table' | 'byStory' | 'byOutletPublished' | 'byAgency' | 'stories' | 'scan';

export interface Paging {
  cursor: string | null;
  limit: number;
}

export type QueryPlan =
  | { op: 'article'; index: 'table'; id: string }
  | { op: 'story'; index: 'byStory'; id: string }
  | ({ op: 'byOutlet'; index: 'byOutletPublished'; outlet: string; from: string | null; to: string | null; unique: boolean } & Paging)
  | ({ op: 'byAgency'; index: 'byAgency'; agency: string; from: string | null; to: string | null; unique: boolean } & Paging)
  | ({ op: 'stories'; index: 'stories'; from: string | null; to: string | null; newestFirst: boolean } & Paging)
  | ({ op: 'export'; index: 'scan' } & Paging);

/** A bad parameter; the message is one sentence a user can act on (HTTP 400, CLI exit 2). */
export class QueryParameterError extends NewsIngestError {}

export const AGENCY_CODES = ['AP', 'Reuters', 'AFP', 'Bloomberg', 'UPI', 'DPA', 'PA', 'TASS', 'Interfax', 'Xinhua'] as const;

export const PAGE_LIMITS = { default: 50, max: 500 } as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const ID = /^[A-Za-z0-9_.:-]{1,128}$/;

export type Params = Record<string, string | undefined | null>;

function str(p: Params, k: string): string | null {
  const v = p[k];
  return v === undefined || v === null || v.trim() === '' ? null : v.trim();
}

function date(p: Params, k: string): string | null {
  const v = str(p, k);
  if (v !== null && !ISO_DATE.test(v)) throw new QueryParameterError(`Parameter "${k}" must be an ISO 8601 date such as 2021-03-22 or 2021-03-22T10:00, not "${v}".`);
  return v;
}

function bool(p: Params, k: string): boolean {
  const v = str(p, k);
  if (v === null) return false;
  if (['1', 'true', 'yes'].includes(v.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(v.toLowerCase())) return false;
  throw new QueryParameterError(`Parameter "${k}" must be true or false, not "${v}".`);
}

function paging(p: Params): Paging {
  const raw = str(p, 'limit');
  let limit: number = PAGE_LIMITS.default;
  if (raw !== null) {
    limit = Number(raw);
    if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_LIMITS.max) {
      throw new QueryParameterError(`Parameter "limit" must be a whole number from 1 to ${PAGE_LIMITS.max}, not "${raw}".`);
    }
  }
  return { cursor: str(p, 'cursor'), limit };
}

export function agencyCode(value: string): string {
  const found = AGENCY_CODES.find((c) => c.toLowerCase() === value.toLowerCase());
  if (!found) throw new QueryParameterError(`Unknown wire agency "${value}"; use one of ${AGENCY_CODES.join(', ')}.`);
  return found;
}

export function idParam(value: string | null | undefined, what: string): string {
  if (!value || !ID.test(value)) throw new QueryParameterError(`The ${what} id "${value ?? ''}" is not valid.`);
  return value;
}

function range(p: Params): { from: string | null; to: string | null } {
  const from = date(p, 'from');
  const to = date(p, 'to');
  if (from && to && from > to) throw new QueryParameterError(`"from" (${from}) is after "to" (${to}).`);
  return { from, to };
}

const LIST_PARAMS = new Set(['outlet', 'agency', 'from', 'to', 'unique', 'cursor', 'limit']);

/** `GET /articles?…` and `news-ingest list …`. An outlet or an agency is required: listing everything is an export. */
export function planArticleList(p: Params): QueryPlan {
  for (const k of Object.keys(p)) if (!LIST_PARAMS.has(k)) throw new QueryParameterError(`Unknown parameter "${k}"; use ${[...LIST_PARAMS].join(', ')}.`);
  const outlet = str(p, 'outlet');
  const agency = str(p, 'agency');
  if (outlet && agency) throw new QueryParameterError('Give either "outlet" or "agency", not both.');
  const common = { ...range(p), unique: bool(p, 'unique'), ...paging(p) };
  if (outlet) return { op: 'byOutlet', index: 'byOutletPublished', outlet, ...common };
  if (agency) return { op: 'byAgency', index: 'byAgency', agency: agencyCode(agency), ...common };
  throw new QueryParameterError('Listing articles needs "outlet" or "agency".');
}

const STORY_ORDERS = ['oldest', 'newest'];

/** `GET /stories?…` and `news-ingest stories`: oldest first unless `order=newest`. */
export function planStories(p: Params): QueryPlan {
  const order = str(p, 'order') ?? 'oldest';
  if (!STORY_ORDERS.includes(order)) throw new QueryParameterError(`Parameter "order" must be ${STORY_ORDERS.join(' or ')}, not "${order}".`);
  return { op: 'stories', index: 'stories', ...range(p), newestFirst: order === 'newest', ...paging(p) };
}

export function planExport(p: Params): QueryPlan {
  return { op: 'export', index: 'scan', ...paging(p) };
}

export function planArticle(id: string | null | undefined): QueryPlan {
  return { op: 'article', index: 'table', id: idParam(id, 'article') };
}

/** A story by its id or by the id of any of its articles. */
export function planStory(id: string | null | undefined): QueryPlan {
  return { op: 'story', index: 'byStory', id: idParam(id, 'story or article') };
}

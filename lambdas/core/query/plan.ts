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
  | { op: 'story'; index: 'byStory'; id: string; cursor: string | null }
  | ({ op: 'byOutlet'; index: 'byOutletPublished'; outlet: string; from: string | null; to: string | null; unique: boolean } & Paging)
  | ({ op: 'byAgency'; index: 'byAgency'; agency: string; from: string | null; to: string | null; unique: boolean } & Paging)
  | ({ op: 'stories'; index: 'stories'; from: string | null; to: string | null; newestFirst: boolean } & Paging)
  | ({ op: 'export'; index: 'scan' } & Paging);

/** A bad parameter; the message is one sentence a user can act on (HTTP 400, CLI exit 2). */
export class QueryParameterError extends NewsIngestError {}

export const AGENCY_CODES = ['AP', 'Reuters', 'AFP', 'Bloomberg', 'UPI', 'DPA', 'PA', 'TASS', 'Interfax', 'Xinhua'] as const;

export const PAGE_LIMITS = { default: 50, max: 500 } as const;

/** Date, optional time (hours, minutes, seconds, fraction) and optional offset; ranges are checked in `calendarDate`. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/;
const ID = /^[A-Za-z0-9_.:-]{1,128}$/;
/** Decimal digits only: Number() would also take "1e2", "0x10" and " 10". */
const DECIMAL = /^\d{1,6}$/;

/** Longest value a free-text parameter may have (outlet names are DynamoDB keys; cursors are sealed keys). */
export const PARAM_MAX_CHARS = { outlet: 256, cursor: 2048, other: 64 } as const;

export type Params = Record<string, string | undefined | null>;

function str(p: Params, k: string): string | null {
  const v = p[k];
  if (v === undefined || v === null || v.trim() === '') return null;
  const max = k === 'outlet' || k === 'cursor' ? PARAM_MAX_CHARS[k] : PARAM_MAX_CHARS.other;
  if (v.length > max) throw new QueryParameterError(`Parameter "${k}" is longer than ${max} characters.`);
  return v.trim();
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for an ISO 8601 date or timestamp that names a real instant: no month 13, no February 30, no 25:00. */
export function isCalendarDate(v: string): boolean {
  const m = ISO_DATE.exec(v);
  if (!m) return false;
  const [year, month, day, hour, minute, second, offH, offM] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59 && offH <= 14 && offM <= 59;
}

function date(p: Params, k: string): string | null {
  const v = str(p, k);
  if (v !== null && !isCalendarDate(v))
    throw new QueryParameterError(`Parameter "${k}" must be an ISO 8601 date that exists, such as 2021-03-22 or 2021-03-22T10:00, not "${v}".`);
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
    limit = DECIMAL.test(raw) ? Number(raw) : NaN;
    if (!(limit >= 1 && limit <= PAGE_LIMITS.max)) {
      throw new QueryParameterError(`Parameter "limit" must be a whole number from 1 to ${PAGE_LIMITS.max}, not "${raw}".`);
    }
  }
  return { cursor: str(p, 'cursor'), limit };
}

/** Every route names the parameters it takes; any other is an error, not silently ignored. */
export function onlyParams(p: Params, allowed: readonly string[]): void {
  for (const k of Object.keys(p)) {
    if (allowed.includes(k)) continue;
    const shown = k.length > PARAM_MAX_CHARS.other ? `${k.slice(0, PARAM_MAX_CHARS.other)}…` : k;
    throw new QueryParameterError(
      allowed.length ? `Unknown parameter "${shown}"; use ${allowed.join(', ')}.` : `Unknown parameter "${shown}"; this route takes no parameters.`,
    );
  }
}

export function agencyCode(value: string): string {
  const found = AGENCY_CODES.find((c) => c.toLowerCase() === value.toLowerCase());
  if (!found) throw new QueryParameterError(`Unknown wire agency "${value}"; use one of ${AGENCY_CODES.join(', ')}.`);
  return found;
}

export function idParam(value: string | null | undefined, what: string): string {
  if (!value || !ID.test(value)) {
    const shown = (value ?? '').length > 128 ? `${(value ?? '').slice(0, 128)}…` : (value ?? '');
    throw new QueryParameterError(`The ${what} id "${shown}" is not valid.`);
  }
  return value;
}

function range(p: Params): { from: string | null; to: string | null } {
  const from = date(p, 'from');
  const to = date(p, 'to');
  if (from && to && from > to) throw new QueryParameterError(`"from" (${from}) is after "to" (${to}).`);
  return { from, to };
}

/** Query-string parameters per collection route (the CDK construct declares the same). */
export const ROUTE_PARAMS = {
  articles: ['outlet', 'agency', 'from', 'to', 'unique', 'cursor', 'limit'],
  stories: ['from', 'to', 'order', 'cursor', 'limit'],
  story: ['cursor'],
  article: [],
} as const;

/** `GET /articles?…` and `news-ingest list …`. An outlet or an agency is required: listing everything is an export. */
export function planArticleList(p: Params): QueryPlan {
  onlyParams(p, ROUTE_PARAMS.articles);
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
  onlyParams(p, ROUTE_PARAMS.stories);
  const order = str(p, 'order') ?? 'oldest';
  if (!STORY_ORDERS.includes(order)) throw new QueryParameterError(`Parameter "order" must be ${STORY_ORDERS.join(' or ')}, not "${order}".`);
  return { op: 'stories', index: 'stories', ...range(p), newestFirst: order === 'newest', ...paging(p) };
}

export function planExport(p: Params): QueryPlan {
  return { op: 'export', index: 'scan', ...paging(p) };
}

export function planArticle(id: string | null | undefined, p: Params = {}): QueryPlan {
  onlyParams(p, ROUTE_PARAMS.article);
  return { op: 'article', index: 'table', id: idParam(id, 'article') };
}

/** A story by its id or by the id of any of its articles; `cursor` continues a story too large for one response. */
export function planStory(id: string | null | undefined, p: Params = {}): QueryPlan {
  onlyParams(p, ROUTE_PARAMS.story);
  return { op: 'story', index: 'byStory', id: idParam(id, 'story or article'), cursor: str(p, 'cursor') };
}

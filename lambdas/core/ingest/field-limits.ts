import type { CleanResult } from '../types';

/**
 * Bounds for every record field whose value comes from the page or the uploader. A page can put
 * anything in a JSON-LD headline or a `<title>`, and an envelope anything in `outlet`; unbounded,
 * such a value makes the item exceed DynamoDB's 400 KB item or 2,048-byte key limit, and the
 * write fails on every retry until the message dead-letters.
 *
 * `cut` keeps the start of prose fields (a long title is still a title); `drop` clears fields
 * whose truncated value would be wrong rather than shorter (a cut URL points elsewhere, a cut
 * date or language code is no longer one). Limits are UTF-8 bytes, as DynamoDB counts them.
 */
export interface FieldLimit {
  bytes: number;
  overflow: 'cut' | 'drop';
}

export const FIELD_LIMITS = {
  title: { bytes: 1_000, overflow: 'cut' },
  standfirst: { bytes: 4_000, overflow: 'cut' },
  byline: { bytes: 500, overflow: 'cut' },
  reason: { bytes: 1_000, overflow: 'cut' },
  sourceUrl: { bytes: 2_048, overflow: 'drop' },
  published: { bytes: 64, overflow: 'drop' },
  language: { bytes: 16, overflow: 'drop' },
  // A GSI partition key (byOutletPublished) and part of template-count keys; far under 2,048.
  outlet: { bytes: 200, overflow: 'cut' },
} as const satisfies Record<string, FieldLimit>;

/** Agency codes come from a fixed table; this only stops a list from growing without end. */
export const MAX_AGENCY_CODES = 20;

const ELLIPSIS = '…';

/** The longest prefix of `text` within `bytes` of UTF-8, never splitting a character. */
export function utf8Prefix(text: string, bytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= bytes) return text;
  let used = 0;
  let end = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (used + size > bytes) break;
    used += size;
    end += ch.length;
  }
  return text.slice(0, end);
}

export function boundField(value: string, limit: FieldLimit): string | null {
  if (Buffer.byteLength(value, 'utf8') <= limit.bytes) return value;
  if (limit.overflow === 'drop') return null;
  return utf8Prefix(value, limit.bytes - Buffer.byteLength(ELLIPSIS, 'utf8')).trimEnd() + ELLIPSIS;
}

function bounded(value: string | null, limit: FieldLimit): string | null {
  return value === null ? null : boundField(value, limit);
}

export function boundOutlet(outlet: string): string {
  return boundField(outlet, FIELD_LIMITS.outlet) as string;
}

/** The cleaner's result with every page-derived scalar field within its limit. */
export function boundCleanFields(result: CleanResult): CleanResult {
  return {
    ...result,
    title: bounded(result.title, FIELD_LIMITS.title),
    standfirst: bounded(result.standfirst, FIELD_LIMITS.standfirst),
    byline: bounded(result.byline, FIELD_LIMITS.byline),
    reason: bounded(result.reason, FIELD_LIMITS.reason),
    sourceUrl: bounded(result.sourceUrl, FIELD_LIMITS.sourceUrl),
    published: bounded(result.published, FIELD_LIMITS.published),
    language: bounded(result.language, FIELD_LIMITS.language),
    syndication: result.syndication.slice(0, MAX_AGENCY_CODES),
    credits: result.credits.slice(0, MAX_AGENCY_CODES),
  };
}

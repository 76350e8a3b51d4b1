import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidCursorError } from '../store/record-layout';
import type { QueryPlan } from './plan';

/**
 * Cursors handed to API callers are the store's cursor plus an HMAC over it and the query it
 * came from. The store's cursor is a DynamoDB start key: unsigned, a caller could point a
 * query anywhere in the index or send attribute shapes DynamoDB rejects (a 500), and a cursor
 * from one query reused on another would silently page through the wrong results.
 */

/** Shortest key accepted: an HMAC key shorter than this is guessable. */
export const MIN_CURSOR_KEY_BYTES = 32;

/** The query a cursor belongs to: the plan without its paging (a caller may change `limit` between pages). */
export function cursorBinding(plan: QueryPlan): string {
  const { cursor: _cursor, limit: _limit, ...query } = plan as QueryPlan & { cursor?: unknown; limit?: unknown };
  return JSON.stringify(query);
}

function mac(key: Uint8Array, binding: string, raw: string): Buffer {
  return createHmac('sha256', key).update(binding).update('\n').update(raw).digest();
}

function checkKey(key: Uint8Array): void {
  if (key.length < MIN_CURSOR_KEY_BYTES) throw new Error(`The cursor key must be at least ${MIN_CURSOR_KEY_BYTES} bytes.`);
}

export function sealCursor(key: Uint8Array, binding: string, raw: string | null): string | null {
  checkKey(key);
  return raw === null ? null : `${raw}.${mac(key, binding, raw).toString('base64url')}`;
}

/** The store's cursor inside a sealed one, or InvalidCursorError when it was altered or belongs to another query. */
export function openCursor(key: Uint8Array, binding: string, sealed: string): string {
  checkKey(key);
  const dot = sealed.lastIndexOf('.');
  if (dot <= 0) throw new InvalidCursorError();
  const raw = sealed.slice(0, dot);
  const given = Buffer.from(sealed.slice(dot + 1), 'base64url');
  const expected = mac(key, binding, raw);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidCursorError();
  return raw;
}

/** The plan with its sealed cursor (if any) opened, ready for the store. */
export function openPlanCursor(key: Uint8Array, plan: QueryPlan): QueryPlan {
  if (!('cursor' in plan) || plan.cursor === null) return plan;
  return { ...plan, cursor: openCursor(key, cursorBinding(plan), plan.cursor) };
}

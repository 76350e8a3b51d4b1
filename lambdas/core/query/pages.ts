/** A page of results and the opaque cursor of the next one (null on the last page). */
export interface CursorPage<T> {
  items: T[];
  cursor: string | null;
}

/** Follows cursors from the first page until the last one, or until `max` items are in hand. */
export async function collectPages<T>(fetch: (cursor: string | null) => Promise<CursorPage<T>>, max = Number.MAX_SAFE_INTEGER): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  // Bounded even if a store kept handing back cursors.
  for (let i = 0; i < 1_000_000 && out.length < max; i++) {
    const page: CursorPage<T> = await fetch(cursor);
    out.push(...page.items);
    cursor = page.cursor;
    if (!cursor) break;
  }
  return out.slice(0, max);
}

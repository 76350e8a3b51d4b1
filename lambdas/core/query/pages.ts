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

/**
 * One page of at least `want` converted items (when there are that many), reading source pages
 * from `cursor` on: for filters the store cannot apply, so a filtered page is still full. The
 * returned cursor is the source's, so paging resumes exactly; `maxRead` bounds the source items
 * read for one page, and a page may end short with a cursor when a filter matches rarely.
 */
export async function fillPage<T, U>(
  cursor: string | null,
  fetch: (cursor: string | null) => Promise<CursorPage<T>>,
  convert: (items: T[]) => Promise<U[]>,
  want: number,
  maxRead: number,
): Promise<CursorPage<U>> {
  const items: U[] = [];
  let read = 0;
  let next = cursor;
  do {
    const page = await fetch(next);
    read += page.items.length;
    items.push(...(await convert(page.items)));
    next = page.cursor;
  } while (next && items.length < want && read < maxRead);
  return { items, cursor: next };
}

import type { RemovedBlock } from '../types';

/**
 * The page as the cleaner saw it: kept paragraphs with every removed block back in its place,
 * from the position the record build stores on each removed block. Records stored before
 * positions were kept have none; their removed blocks follow the text, in page order.
 */

export type PageItem = { kind: 'kept'; text: string; n: number } | { kind: 'removed'; block: RemovedBlock };

export function pageOrder(paragraphs: readonly string[], removed: readonly RemovedBlock[]): { items: PageItem[]; positioned: boolean } {
  const positioned = removed.every((r) => typeof r.position === 'number');
  const items: PageItem[] = [];
  let next = 0;
  const flushRemovedAt = (position: number) => {
    while (next < removed.length && positioned && (removed[next].position as number) <= position) items.push({ kind: 'removed', block: removed[next++] });
  };
  paragraphs.forEach((text, i) => {
    flushRemovedAt(i);
    items.push({ kind: 'kept', text, n: i + 1 });
  });
  while (next < removed.length) items.push({ kind: 'removed', block: removed[next++] });
  return { items, positioned };
}

/**
 * The story is the longest coherent run of prose blocks: prose blocks joined across short
 * gaps of non-prose (a subheading, an inline promo, a newsletter box). The run with the
 * most prose characters wins.
 */
import { STRUCTURE_THRESHOLDS as T } from '../rules';

export interface Run {
  /** First and last block index of the run (both prose), inclusive. */
  start: number;
  end: number;
  proseChars: number;
}

/** `prose[i]` is the prose character count of block i, or 0 when it is not prose. */
export function findRuns(prose: readonly number[], maxGap: number = T.maxGapBlocks): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  for (let i = 0; i < prose.length; i++) {
    if (prose[i] <= 0) continue;
    if (current && i - current.end - 1 <= maxGap) {
      current.end = i;
      current.proseChars += prose[i];
    } else {
      current = { start: i, end: i, proseChars: prose[i] };
      runs.push(current);
    }
  }
  return runs;
}

export function bestRun(prose: readonly number[], maxGap?: number): Run | null {
  let best: Run | null = null;
  for (const run of findRuns(prose, maxGap)) if (!best || run.proseChars > best.proseChars) best = run;
  return best;
}

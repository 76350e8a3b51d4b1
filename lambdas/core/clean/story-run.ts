/**
 * The story is the longest coherent run of prose blocks: prose blocks joined across short
 * gaps of non-prose (a subheading, an inline promo, a newsletter box). Runs are scored by
 * prose characters weighted by density (prose blocks / blocks spanned), so a teaser list or
 * a comment thread (one sentence per headline/author/date/rating group) loses to the story
 * even when it is longer.
 */
import { STRUCTURE_THRESHOLDS as T } from '../rules';

export interface Run {
  /** First and last block index of the run (both prose), inclusive. */
  start: number;
  end: number;
  proseChars: number;
  proseBlocks: number;
}

export function runScore(run: Run): number {
  const density = run.proseBlocks / (run.end - run.start + 1 + T.runDensitySmoothing);
  return run.proseChars * density ** T.runDensityExponent;
}

/** `prose[i]` is the prose character count of block i, or 0 when it is not prose. */
export function findRuns(prose: readonly number[], maxGap: number = T.maxGapBlocks, breaksRun: (i: number) => boolean = () => false): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  for (let i = 0; i < prose.length; i++) {
    if (breaksRun(i)) current = null;
    if (prose[i] <= 0) continue;
    if (current && i - current.end - 1 <= maxGap) {
      current.end = i;
      current.proseChars += prose[i];
      current.proseBlocks++;
    } else {
      current = { start: i, end: i, proseChars: prose[i], proseBlocks: 1 };
      runs.push(current);
    }
  }
  return runs;
}

/**
 * The best run, then grown over neighbouring runs that are dense prose themselves and
 * separated only by a moderate gap (a data table, an embedded player) with no section
 * marker in it: stories split by an inline widget stay whole, teaser lists stay out.
 */
export function bestRun(
  prose: readonly number[],
  maxGap?: number,
  isBoundary: (i: number) => boolean = () => false,
  isCommentsMarker: (i: number) => boolean = () => false,
  isBoxHeading: (i: number) => boolean = () => false,
  isNamedChrome: (i: number) => boolean = () => false,
  isStamp: (i: number) => boolean = () => false,
): Run | null {
  // Inside a reader thread every comment header ("Jane on May 3 said:") ends a run.
  const runs = findRuns(prose, maxGap, isCommentsMarker);
  if (runs.length === 0) return null;
  // A run that starts after a comments header which itself follows other prose is the
  // reader thread: its sentences are real prose, but never the story.
  const firstMarkerAfterProse = (() => {
    for (let i = runs[0].end + 1; i < prose.length; i++) if (isCommentsMarker(i)) return i;
    return Infinity;
  })();
  // A run whose short lines carry dates and times, one per few paragraphs ("Anna 3 May 2019
  // at 14:55", "(22 juin 2018 @11h29)"), is a reader thread even with no comments header in
  // any language, once a run before it holds prose.
  const stamped = (run: Run) => {
    let stamps = 0;
    for (let i = run.start; i <= run.end; i++) if (isStamp(i)) stamps++;
    return stamps >= T.threadMinStamps && stamps * T.threadStampEvery >= run.proseBlocks;
  };
  const thread = (run: Run, k: number) => run.start > firstMarkerAfterProse || (k > 0 && stamped(run));
  const scores = runs.map((run, k) => runScore(run) * (thread(run, k) ? T.commentThreadWeight : 1));
  const score = (run: Run) => scores[runs.indexOf(run)];
  let bi = 0;
  runs.forEach((run, i) => {
    if (score(run) > score(runs[bi])) bi = i;
  });
  const best = { ...runs[bi] };
  const mergeable = (a: Run, b: Run) => {
    const density = b.proseBlocks / (b.end - b.start + 1);
    if (density < T.mergeMinDensity || b.proseChars < best.proseChars * T.mergeMinShare) return false;
    const [from, to] = a.end < b.start ? [a.end + 1, b.start - 1] : [b.end + 1, a.start - 1];
    if (to - from + 1 > T.mergeMaxGapBlocks) return false;
    // A headline box ("More from UK" and its few headlines) inside a story does not end it.
    const box = to - from + 1 <= T.markedListMaxBlocks + 1;
    // So does a box every line of which a rule has named (share bar, newsletter sign-up).
    let named = box;
    for (let i = from; i <= to && named; i++) named = isNamedChrome(i);
    for (let i = from; i <= to; i++) if (isBoundary(i) && !(box && isBoxHeading(i)) && !named) return false;
    return true;
  };
  for (let i = bi + 1; i < runs.length && mergeable(best, runs[i]); i++) {
    best.end = runs[i].end;
    best.proseChars += runs[i].proseChars;
    best.proseBlocks += runs[i].proseBlocks;
  }
  for (let i = bi - 1; i >= 0 && mergeable(best, runs[i]); i--) {
    best.start = runs[i].start;
    best.proseChars += runs[i].proseChars;
    best.proseBlocks += runs[i].proseBlocks;
  }
  return best;
}

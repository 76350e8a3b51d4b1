/**
 * Sections that end a story: once a "Related stories" / newsletter / comments marker or a
 * cluster of headlines starts near the end, everything after it is that section, even
 * teaser sentences that read like prose. Guarded by the share of prose after the cut, so a
 * marker early in a story never costs the story.
 */
import { STRUCTURE_THRESHOLDS as T, ruleOpens } from '../rules';
import type { BlockState } from './block-state';
import { endsSentence, isHeadingLike } from './text-signals';

export const isSectionMarker = (s: BlockState) => ruleOpens(s.match?.rule, 'section');

const isLive = (s: BlockState) => s.verdict !== 'remove';
/** HTML keeps its link markup, so there a headline of a list must also be a link. */
const isHeadline = (s: BlockState, isHtml: boolean) =>
  isLive(s) &&
  !s.prose &&
  !s.listItem &&
  (s.block.kind === 'heading' || isHeadingLike(s.norm)) &&
  !endsSentence(s.norm) &&
  (!isHtml || s.block.linkDensity >= T.linkDenseShare);

/**
 * A "Don't miss" / "More from" box inside the story: a few headline lines under the marker,
 * then the story resumes with several prose blocks in a row (a teaser list after a story
 * alternates headlines and teasers instead).
 */
function isInlineBox(states: readonly BlockState[], marker: number, end: number): boolean {
  // Only section markers get here: those that also open a box may be inline.
  if (!ruleOpens(states[marker].match?.rule, 'box')) return false;
  let j = marker + 1;
  let headlines = 0;
  for (; j <= end && headlines <= T.markedListMaxBlocks; j++) {
    const s = states[j];
    if (s.prose && isLive(s)) break;
    if (isLive(s)) headlines++;
  }
  let prose = 0;
  for (; j <= end && prose < T.inlineBoxResumeProse; j++) {
    const s = states[j];
    if (!isLive(s)) continue;
    if (!s.prose) return false;
    prose++;
  }
  return prose >= T.inlineBoxResumeProse;
}

/** Index of the first block of the end section inside [start, end], or -1. */
export function findTailCut(states: readonly BlockState[], start: number, end: number, isHtml: boolean): number {
  let total = 0;
  for (let i = start; i <= end; i++) if (isLive(states[i]) && states[i].prose) total += states[i].norm.length;
  if (total === 0) return -1;
  // Prose characters from i to the end, filled backwards.
  const after = new Array<number>(end + 2).fill(0);
  const headlinesAfter = new Array<number>(end + 2).fill(0);
  const proseBlocksAfter = new Array<number>(end + 2).fill(0);
  for (let i = end; i >= start; i--) {
    const s = states[i];
    const prose = isLive(s) && s.prose;
    after[i] = after[i + 1] + (prose ? s.norm.length : 0);
    proseBlocksAfter[i] = proseBlocksAfter[i + 1] + (prose ? 1 : 0);
    headlinesAfter[i] = headlinesAfter[i + 1] + (isHeadline(s, isHtml) ? 1 : 0);
  }
  let seenProse = 0;
  for (let i = start; i <= end; i++) {
    const s = states[i];
    if (isLive(s) && s.prose) seenProse += s.norm.length;
    if (seenProse === 0 || after[i] > total * T.tailMaxProseShare) continue;
    const marker = isSectionMarker(s) && !isInlineBox(states, i, end);
    const headlineCluster = isHeadline(s, isHtml) && headlinesAfter[i] >= T.tailMinHeadlines && headlinesAfter[i] >= proseBlocksAfter[i];
    if (marker || headlineCluster) return i;
  }
  return -1;
}

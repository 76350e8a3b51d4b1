/**
 * Sections that end a story: once a "Related stories" / newsletter / comments marker or a
 * cluster of headlines starts near the end, everything after it is that section, even
 * teaser sentences that read like prose. Guarded by the share of prose after the cut, so a
 * marker early in a story never costs the story.
 */
import { STRUCTURE_THRESHOLDS as T } from '../rules';
import type { BlockState } from './block-state';
import { endsSentence, isHeadingLike } from './text-signals';

/** Rules whose match opens an end-of-story section. */
const SECTION_MARKERS = new Set(['related.heading', 'related.heading-intl', 'comments.join', 'comments.join-intl', 'comments.count', 'comments.author-said', 'newsletter.title', 'newsletter.sign-up', 'newsletter.we-send', 'agency.about-author', 'tags.label', 'tags.label-list']);

export const isSectionMarker = (s: BlockState) => s.match !== null && SECTION_MARKERS.has(s.match.rule.id);

const isLive = (s: BlockState) => s.verdict !== 'remove';
/** HTML keeps its link markup, so there a headline of a list must also be a link. */
const isHeadline = (s: BlockState, isHtml: boolean) =>
  isLive(s) && !s.prose && !s.listItem && (s.block.kind === 'heading' || isHeadingLike(s.norm)) && !endsSentence(s.norm) && (!isHtml || s.block.linkDensity >= T.linkDenseShare);

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
    const marker = isSectionMarker(s);
    const headlineCluster = isHeadline(s, isHtml) && headlinesAfter[i] >= T.tailMinHeadlines && headlinesAfter[i] >= proseBlocksAfter[i];
    if (marker || headlineCluster) return i;
  }
  return -1;
}

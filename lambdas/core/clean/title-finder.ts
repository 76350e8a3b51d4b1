/**
 * Headline and standfirst of a text dump: the unclaimed lines just above the story.
 * The nearest one is the headline, unless it is a long summary sitting right under a
 * shorter line, in which case that line is the headline and the summary the standfirst.
 */
import { STRUCTURE_THRESHOLDS as T, TEXT_PATTERNS as P } from '../rules';
import type { BlockState } from './block-state';
import { endsSentence } from './text-signals';

export interface TitleFinding {
  title: BlockState | null;
  standfirst: BlockState | null;
}

const isCandidate = (s: BlockState) =>
  s.verdict === 'undecided' && !s.match && s.words >= T.titleMinWords && s.words <= T.titleMaxWords && s.block.linkDensity < T.linkDenseShare;
/** A prose sentence ending in a full stop: a story's opening cut off by a gap more often than a headline. */
const isFullSentence = (s: BlockState) => s.prose && P.fullStopEnd.test(s.norm);

function firstOfGroup(states: readonly BlockState[], s: BlockState): BlockState {
  return states.find((o) => o.key === s.key && o.verdict === 'undecided') ?? s;
}

export function findTitle(states: readonly BlockState[], storyStart: number): TitleFinding {
  const from = Math.max(0, storyStart - T.titleWindowBlocks);
  let window: BlockState[] = [];
  for (let i = storyStart - 1; i >= from; i--) if (isCandidate(states[i])) window.push(states[i]);
  // Headlines rarely end in a full stop: with a headline-shaped line in reach, full sentences
  // above the story are its opening, not its title.
  if (window.some((s) => !isFullSentence(s))) window = window.filter((s) => !isFullSentence(s));
  if (window.length === 0) return { title: null, standfirst: null };
  const nearest = window[0];
  const echoed = states.filter((s) => s.key === nearest.key).length > 1;
  const previous = window.find((s) => s.key !== nearest.key);
  const summaryLike = nearest.words >= T.standfirstMinWords && !echoed;
  if (
    summaryLike &&
    previous &&
    previous.words >= T.titleAboveStandfirstMinWords &&
    nearest.block.index - previous.block.index <= T.titleToStandfirstMaxBlocks
  ) {
    return { title: firstOfGroup(states, previous), standfirst: nearest };
  }
  return { title: firstOfGroup(states, nearest), standfirst: null };
}

/**
 * A story run that opens with an unpunctuated summary followed by a byline or dateline has
 * its standfirst as first block (it is long enough to look like prose).
 */
export function leadingStandfirst(states: readonly BlockState[], start: number, end: number): BlockState | null {
  const first = states[start];
  if (!first || endsSentence(first.norm) || first.match) return null;
  for (let i = start + 1; i <= Math.min(end, start + T.leadingStandfirstBylineBlocks); i++) {
    if (states[i].match?.category === 'byline') return first;
  }
  return null;
}

/**
 * Per-block working state while the cleaner decides what each block is.
 */
import type { Block } from '../types';
import type { RuleMatch } from './match-rules';
import { collapseSpace, comparable, effectiveWords, isProse } from './text-signals';

export type Verdict = 'undecided' | 'keep' | 'remove';

export interface BlockState {
  block: Block;
  /** Whitespace-collapsed text: what rules see. */
  norm: string;
  /** Case/quote-folded text: what repeat and echo checks compare. */
  key: string;
  words: number;
  prose: boolean;
  match: RuleMatch | null;
  /** Item of a list that belongs to the story (numbered, or announced by a colon): counts as story text. */
  listItem: boolean;
  verdict: Verdict;
  role: 'paragraph' | 'heading';
  rule: string | null;
  category: string | null;
}

export function initialState(block: Block): BlockState {
  const norm = collapseSpace(block.text);
  return {
    block,
    norm,
    key: comparable(norm),
    words: effectiveWords(norm),
    prose: isProse(norm),
    match: null,
    listItem: false,
    verdict: 'undecided',
    role: block.kind === 'heading' ? 'heading' : 'paragraph',
    rule: null,
    category: null,
  };
}

export function remove(state: BlockState, rule: string, category: string): void {
  state.verdict = 'remove';
  state.rule = rule;
  state.category = category;
}

export function removeByMatch(state: BlockState): void {
  if (state.match) remove(state, state.match.rule.id, state.match.category);
}

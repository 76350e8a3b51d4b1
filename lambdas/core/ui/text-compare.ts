import { splitSentences } from '../dedupe/sentences';
import { normaliseText, tokenize } from '../dedupe/normalise';

/**
 * Sentence-level comparison of a story member with its canonical copy, for reading side by
 * side: which sentences both carry (same words, house style aside), which one reworded, and
 * what each side has alone (the copy's additions, its cuts). Uses the dedupe's own sentence
 * splitter and normalisation, so "shared" means what the matcher would see as shared.
 */

export type SentenceMark = 'shared' | 'similar' | 'only';

export interface MarkedSentence {
  text: string;
  mark: SentenceMark;
  /** Pairs a sentence with its counterpart on the other side (null when it has none). */
  pair: number | null;
}

export interface TextComparison {
  /** Per paragraph, its sentences; `left` is the canonical copy, `right` the member. */
  left: MarkedSentence[][];
  right: MarkedSentence[][];
  shared: number;
  similar: number;
  /** Sentences only the canonical copy has (the member cut or lacks them). */
  leftOnly: number;
  /** Sentences only the member has (what it added). */
  rightOnly: number;
}

/** Share of the smaller sentence's distinct words found in the other: at or above this, a reworded counterpart. */
export const SIMILAR_MIN_OVERLAP = 0.6;
/** Shorter sentences carry too few words for overlap to mean anything. */
const SIMILAR_MIN_WORDS = 5;

interface Sentence {
  para: number;
  text: string;
  key: string;
  words: Set<string>;
}

function sentencesOf(paragraphs: readonly string[]): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((p, para) => {
    for (const text of splitSentences(p)) {
      const key = normaliseText(text);
      out.push({ para, text, key, words: new Set(tokenize(key)) });
    }
  });
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size < SIMILAR_MIN_WORDS) return 0;
  let n = 0;
  for (const w of small) if (big.has(w)) n++;
  return n / small.size;
}

export function compareTexts(leftParagraphs: readonly string[], rightParagraphs: readonly string[]): TextComparison {
  const left = sentencesOf(leftParagraphs);
  const right = sentencesOf(rightParagraphs);
  const leftMarks: { mark: SentenceMark; pair: number | null }[] = left.map(() => ({ mark: 'only', pair: null }));
  const rightMarks: { mark: SentenceMark; pair: number | null }[] = right.map(() => ({ mark: 'only', pair: null }));
  let pairs = 0;

  // Exact (normalised) matches first, each sentence used once.
  const byKey = new Map<string, number[]>();
  right.forEach((s, i) => byKey.set(s.key, [...(byKey.get(s.key) ?? []), i]));
  left.forEach((s, i) => {
    const j = byKey.get(s.key)?.shift();
    if (j === undefined) return;
    leftMarks[i] = { mark: 'shared', pair: pairs };
    rightMarks[j] = { mark: 'shared', pair: pairs++ };
  });
  // Then reworded counterparts: the best remaining sentence by word overlap.
  left.forEach((s, i) => {
    if (leftMarks[i].mark !== 'only') return;
    let best = -1;
    let bestScore = SIMILAR_MIN_OVERLAP;
    right.forEach((r, j) => {
      if (rightMarks[j].mark !== 'only') return;
      const score = overlap(s.words, r.words);
      if (score >= bestScore) [best, bestScore] = [j, score];
    });
    if (best < 0) return;
    leftMarks[i] = { mark: 'similar', pair: pairs };
    rightMarks[best] = { mark: 'similar', pair: pairs++ };
  });

  const group = (sentences: Sentence[], marks: typeof leftMarks, paragraphs: number): MarkedSentence[][] => {
    const out: MarkedSentence[][] = Array.from({ length: paragraphs }, () => []);
    sentences.forEach((s, i) => out[s.para].push({ text: s.text, ...marks[i] }));
    return out;
  };
  const count = (marks: typeof leftMarks, m: SentenceMark) => marks.filter((x) => x.mark === m).length;
  return {
    left: group(left, leftMarks, leftParagraphs.length),
    right: group(right, rightMarks, rightParagraphs.length),
    shared: count(leftMarks, 'shared'),
    similar: count(leftMarks, 'similar'),
    leftOnly: count(leftMarks, 'only'),
    rightOnly: count(rightMarks, 'only'),
  };
}

import type { DedupeMatch, StoryRole } from '../types';

/** What dedupe needs to know about one cleaned article. */
export interface DedupeDoc {
  id: string;
  outlet: string;
  title: string | null;
  /** Cleaned body: paragraphs joined by blank lines. */
  body: string;
  /** ISO 8601, as the page shows it; null when unknown. */
  published: string | null;
  /** Wire agency codes whose copy this article is (e.g. ["AP"]). */
  syndication: string[];
  /**
   * A stored article assigned again because reprocessing changed its body: when it founds a
   * story, that story gets a new id, since its plain id may still name the story it left.
   */
  revised?: boolean;
}

/**
 * The stored, comparable form of an article. Plain numbers and strings only, so the
 * DynamoDB adapter can store it and the verifier can compare two of them without the texts.
 */
export interface Fingerprint {
  articleId: string;
  outlet: string;
  published: string | null;
  /** Wire origin: syndicated copy or published by a wire agency (first in the canonical rule). */
  wire: boolean;
  /** Digest of the normalised body: equal digests are exact duplicates. */
  bodyHash: string;
  wordCount: number;
  /** Hashes of the title's content words. */
  title: number[];
  /** Hash of every (stemmed) token of the body, stopwords included, in order. */
  tokens: number[];
  /** Exclusive end index into `tokens` of each sentence. */
  sentenceEnds: number[];
  /** Language whose stop list tells content words (ISO 639-1); absent means English. */
  lang?: string;
  /** Id of the story this article founds when it matches nothing; absent means `articleId`. */
  founds?: string;
}

export type Verdict = 'copy' | 'rewrite' | 'different';

export interface Verification {
  verdict: Verdict;
  scores: Record<string, number>;
  reason: string;
}

export interface Assignment {
  storyId: string;
  role: StoryRole;
  canonicalId: string;
  /** Best verified match among earlier articles; null when the article founded its story. */
  match: DedupeMatch | null;
  /** Stories folded into `storyId` by this assignment (recorded on the surviving story too). */
  mergedStoryIds: string[];
}

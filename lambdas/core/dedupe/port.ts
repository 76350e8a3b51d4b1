/**
 * The fingerprint index as the core sees it. One in-memory implementation (memory-index.ts,
 * tests and the benchmark) and one DynamoDB implementation (lambdas/adapters/fingerprint-index.ts)
 * with the same semantics; every method is one atomic operation or one batch read.
 */
import type { Assignment, Fingerprint } from './types';

/** A key's member set stops growing here: keys shared this widely are boilerplate anyway. */
export const KEY_MEMBER_CAP = 48;

export interface KeyMembers {
  key: string;
  /** Members before this call (the caller's own id excluded). */
  members: string[];
  /** The set was full, so the caller was not added. */
  saturated: boolean;
}

export interface StoredArticle {
  fingerprint: Fingerprint;
  storyId: string | null;
  /** The finished assignment; present once assignStory completed for this article. */
  assignment: Assignment | null;
}

export interface StoryState {
  storyId: string;
  /** Member article id → canonical rank (see canonical.ts); lower ranks first. */
  members: Record<string, string>;
  /** Set once this story was folded into another one. */
  mergedInto: string | null;
  /** Stories folded into this one. */
  mergedFrom: string[];
}

export interface FingerprintIndexPort {
  /** Stores the fingerprint unless the article is known; returns the earlier record if it was. */
  putArticle(fingerprint: Fingerprint): Promise<StoredArticle | null>;
  /**
   * Atomically adds `articleId` to each key's member set (at most KEY_MEMBER_CAP members) and
   * returns the members each set had before: of two racing writers, the later sees the earlier.
   */
  addToKeys(keys: readonly string[], articleId: string): Promise<KeyMembers[]>;
  /** Batch read; unknown ids are skipped. */
  getArticles(ids: readonly string[]): Promise<StoredArticle[]>;
  /** Sets the article's story unless it already has one; returns the story it has afterwards. */
  claimStory(articleId: string, storyId: string): Promise<string>;
  /** Adds members (id → rank) to a story, creating it if needed; returns the story afterwards. */
  joinStory(storyId: string, members: Record<string, string>): Promise<StoryState>;
  /** Batch read; unknown ids are skipped. */
  getStories(storyIds: readonly string[]): Promise<StoryState[]>;
  /**
   * Points `from` at `into` unless `from` already points elsewhere, and records `from` in
   * `into.mergedFrom`; returns where `from` points afterwards.
   */
  mergeStory(from: string, into: string): Promise<string>;
  saveAssignment(articleId: string, assignment: Assignment): Promise<void>;

  // Leaving, for reprocessing that changed an article's body (see leave-story.ts).
  /** Removes `articleId` from each key's member set. */
  removeFromKeys(keys: readonly string[], articleId: string): Promise<void>;
  /** Removes the member from this one story item (merges are not followed); no-op when absent. */
  removeMember(storyId: string, articleId: string): Promise<void>;
  /** Deletes the stored fingerprint and assignment, so the article can be assigned afresh. */
  forgetArticle(articleId: string): Promise<void>;
}

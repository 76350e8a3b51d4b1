/**
 * Plain data shapes shared by the pure core, the adapters, the handlers and the CLI.
 * Field names follow the record contract in DESIGN.md ("CLI contract").
 */

export type InputFormat = 'html' | 'text' | 'json';

export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'caption' | 'quote' | 'title' | 'other';

/** One unit of page text, from either an HTML page or a text dump. */
export interface Block {
  text: string;
  kind: BlockKind;
  /** Share of the block's characters that sit inside links (0 for text dumps). */
  linkDensity: number;
  /** Position in the source, 0-based. */
  index: number;
}

export interface RemovedBlock {
  text: string;
  rule: string;
  category: string;
  /**
   * Where the block stood on the page: the number of kept paragraphs above it, so it sat just
   * before `paragraphs[position]` (at the end when equal to their count). Set by the record
   * build; absent on records stored before it was added.
   */
  position?: number;
}

export type ArticleStatus = 'clean' | 'rejected';

export type StoryRole = 'original' | 'copy' | 'rewrite';

/** What the cleaner produces for one page: story text, metadata and the audit trail. */
export interface CleanResult {
  status: ArticleStatus;
  reason: string | null;
  title: string | null;
  standfirst: string | null;
  byline: string | null;
  /** ISO 8601 of the wall-clock time the page shows; offset only when the page states one. */
  published: string | null;
  syndication: string[];
  credits: string[];
  paragraphs: string[];
  headings: string[];
  language: string | null;
  sourceUrl: string | null;
  removed: RemovedBlock[];
}

/** Everything the cleaner may be told about the page besides its text. */
export interface CleanInput {
  content: string;
  format: 'html' | 'text';
  /** File or key name, used only as a fallback hint (never to pick rules). */
  sourceName?: string;
  outlet?: string;
  url?: string | null;
}

export interface CleanOptions {
  /**
   * How many earlier articles of the same outlet contained each block (keyed by
   * `templateLineKey(text)`), so outlet templates are chrome even when no rule names them.
   */
  templateCounts?: Record<string, number>;
  /** Extra rule tables appended to the shipped ones (tests, experiments). */
  extraRules?: unknown[];
  /** Which DOM implementation parses HTML. */
  dom?: 'jsdom' | 'linkedom';
}

/** The stored record, one per uploaded object. */
export interface ArticleRecord extends CleanResult {
  id: string;
  outlet: string;
  sourceKey: string;
  sourceBucket: string;
  sourceVersion: string | null;
  format: InputFormat | 'unknown';
  body: string;
  wordCount: number;
  storyId: string;
  role: StoryRole;
  canonicalId: string;
  /** Similarity to the best-matching story member, when the article joined an existing story. */
  match: DedupeMatch | null;
  rulesVersion: string;
  ingestedAt: string;
  /** Set when the body was too large for the item and lives in S3 instead. */
  bodyRef?: string | null;
  /** Byte size of the raw object. */
  rawBytes: number;
}

export interface DedupeMatch {
  articleId: string;
  verdict: 'copy' | 'rewrite';
  scores: Record<string, number>;
  reason: string;
}

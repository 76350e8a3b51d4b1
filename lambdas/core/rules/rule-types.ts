/**
 * Shapes of the chrome rule tables. Rules are data so that adding one is a single table
 * entry (plus its examples), and so that RULES_VERSION can hash them.
 */

/** Metadata a matching block carries instead of being thrown away. */
export type MetadataField = 'byline' | 'published' | 'syndication' | 'credits';

/** Categories of keyword rules: written to `removed[].category` and the prefix of every id in the table. */
export type ChromeCategory =
  | 'newsletter'
  | 'byline'
  | 'syndication'
  | 'agency-boilerplate'
  | 'author-bio'
  | 'caption'
  | 'related-list'
  | 'reader-poll'
  | 'video-embed'
  | 'share-bar'
  | 'navigation'
  | 'cookie-consent'
  | 'correction-box'
  | 'tag-list'
  | 'ad-marker'
  | 'widget'
  | 'comments'
  | 'image-placeholder';

/** Categories only structure assigns (the structural rules also reuse chrome categories). */
export type RuleCategory = ChromeCategory | 'structure' | 'template' | 'metadata';

/**
 * What a matching block opens, beyond itself:
 * - `section`: an end-of-story section (related list, comments, newsletter box); near the end
 *   of the story everything from it on is chrome.
 * - `box`: a box of headlines; the short unpunctuated lines after it belong to it, and a
 *   story that resumes after it is not ended by it.
 * - `tag-values`: the tag values on the lines after a bare "Tags" label.
 * - `byline-value`: the name on the line after a bare "By" label, when label and name read
 *   together as a byline (text dumps put the label and the linked name on lines of their own).
 */
export type Opens = 'section' | 'box' | 'tag-values' | 'byline-value';

/** What the matcher reads of a rule: shipped rules and rules injected by configuration alike. */
export interface BaseRule {
  /** Stable id, recorded on every block the rule removes. */
  id: string;
  /** Tested against the whitespace-collapsed block text. Must be safe-regex. */
  pattern: RegExp;
  /**
   * Longest block (characters) the rule may remove. Keyword rules are only trusted on
   * short blocks, so a keyword inside real story prose never costs a paragraph.
   */
  maxChars: number;
  /** Metadata the block is mined for before it is removed. */
  extract?: MetadataField;
  /**
   * `edge`: only outside the story run or within a few blocks of its ends (bylines,
   * captions under the headline); default `any`.
   */
  where?: 'any' | 'edge';
  /** What the block opens besides itself (see Opens). */
  opens?: readonly Opens[];
  examples?: readonly string[];
  nearMisses?: readonly string[];
}

/** A shipped rule: its id carries its table's category, and it comes with its proof. */
export interface PatternRule<C extends ChromeCategory = ChromeCategory> extends BaseRule {
  id: `${C}.${string}`;
  /**
   * Blocks this rule must be the one to name (first match over all tables), as the cleaner
   * sees them. At least one: they are the rule's proof, run by test/unit/rules/rules.test.ts.
   */
  examples: readonly string[];
  /** Blocks that look alike but must not match this rule (story sentences, other chrome). */
  nearMisses?: readonly string[];
}

export interface RuleTable<C extends ChromeCategory = ChromeCategory> {
  /** Category name written to `removed[].category`. */
  category: C;
  rules: readonly PatternRule<C>[];
}

/** Rule tables injected by configuration (`extraRules`: experiments, tests): any category and id. */
export interface BaseRuleTable {
  category: string;
  rules: readonly BaseRule[];
}

/** Whether a matched rule opens `what` (see Opens). */
export function ruleOpens(rule: BaseRule | null | undefined, what: Opens): boolean {
  return rule?.opens?.includes(what) ?? false;
}

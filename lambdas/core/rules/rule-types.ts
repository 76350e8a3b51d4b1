/**
 * Shapes of the chrome rule tables. Rules are data so that adding one is a single table
 * line (plus a fixture), and so that RULES_VERSION can hash them.
 */

/** Metadata a matching block carries instead of being thrown away. */
export type MetadataField = 'byline' | 'published' | 'syndication' | 'credits';

export interface PatternRule {
  /** Stable id, recorded on every block the rule removes (`<category>.<name>`). */
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
}

export interface RuleTable {
  /** Category name written to `removed[].category`. */
  category: string;
  rules: readonly PatternRule[];
}

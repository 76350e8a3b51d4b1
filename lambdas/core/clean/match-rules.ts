/**
 * Finds the first keyword rule that names a block. Length is checked before the regex, so
 * a pathological megabyte line never reaches a pattern.
 */
import { CHROME_TABLES, type PatternRule, type RuleTable } from '../rules';

export interface RuleMatch {
  rule: PatternRule;
  category: string;
}

function isRuleTable(value: unknown): value is RuleTable {
  if (!value || typeof value !== 'object') return false;
  const t = value as Partial<RuleTable>;
  return typeof t.category === 'string' && Array.isArray(t.rules) && t.rules.every((r) => r && typeof r.id === 'string' && r.pattern instanceof RegExp && typeof r.maxChars === 'number');
}

/** Shipped tables plus valid caller-supplied ones; malformed extras are ignored, not fatal. */
export function activeTables(extra: readonly unknown[] | undefined): readonly RuleTable[] {
  const valid = (extra ?? []).filter(isRuleTable);
  return valid.length ? [...CHROME_TABLES, ...valid] : CHROME_TABLES;
}

export function matchRule(text: string, tables: readonly RuleTable[]): RuleMatch | null {
  for (const table of tables) {
    for (const rule of table.rules) {
      if (text.length > rule.maxChars) continue;
      rule.pattern.lastIndex = 0;
      if (rule.pattern.test(text)) return { rule, category: table.category };
    }
  }
  return null;
}

/**
 * Finds the first keyword rule that names a block. Length is checked before the regex, so
 * a pathological megabyte line never reaches a pattern.
 */
import { CHROME_TABLES, type BaseRule, type BaseRuleTable } from '../rules';

export interface RuleMatch {
  rule: BaseRule;
  category: string;
}

function isRuleTable(value: unknown): value is BaseRuleTable {
  if (!value || typeof value !== 'object') return false;
  const t = value as Partial<BaseRuleTable>;
  return (
    typeof t.category === 'string' &&
    Array.isArray(t.rules) &&
    t.rules.every((r) => r && typeof r.id === 'string' && r.pattern instanceof RegExp && typeof r.maxChars === 'number')
  );
}

/** Shipped tables plus valid caller-supplied ones; malformed extras are ignored, not fatal. */
export function activeTables(extra: readonly unknown[] | undefined): readonly BaseRuleTable[] {
  const valid = (extra ?? []).filter(isRuleTable);
  return valid.length ? [...CHROME_TABLES, ...valid] : CHROME_TABLES;
}

/** Whether one rule names a whitespace-collapsed block: within its length limit, and its pattern matches. */
export function matchesRule(text: string, rule: BaseRule): boolean {
  if (text.length > rule.maxChars) return false;
  rule.pattern.lastIndex = 0;
  return rule.pattern.test(text);
}

export function matchRule(text: string, tables: readonly BaseRuleTable[]): RuleMatch | null {
  for (const table of tables) {
    for (const rule of table.rules) if (matchesRule(text, rule)) return { rule, category: table.category };
  }
  return null;
}

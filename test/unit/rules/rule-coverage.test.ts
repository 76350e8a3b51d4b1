/**
 * No rule without proof: every rule id is exercised by one of its examples (keyword rules,
 * see rules.test.ts) or removes a block in some golden case (structural rules, and keyword
 * rules in context). A rule nothing exercises can break unnoticed.
 */
import { CHROME_TABLES, STRUCTURAL_RULES } from '../../../lambdas/core/rules';
import { matchRule } from '../../../lambdas/core/clean/match-rules';
import { collapseSpace } from '../../../lambdas/core/clean/text-signals';
import { discoverCases, runCase } from '../../golden/golden-cases';

const namedByExample = new Set(
  CHROME_TABLES.flatMap((t) => t.rules)
    .filter((r) => r.examples.some((e) => matchRule(collapseSpace(e), CHROME_TABLES)?.rule.id === r.id))
    .map((r) => r.id as string),
);
const firedInGolden = new Set(discoverCases().flatMap((c) => runCase(c).removed.map((r) => r.rule)));

test('every rule id is exercised by an example or a golden case', () => {
  const ids = [...CHROME_TABLES.flatMap((t) => t.rules.map((r) => r.id as string)), ...Object.values(STRUCTURAL_RULES).map((r) => r.id)];
  expect(ids.filter((id) => !namedByExample.has(id) && !firedInGolden.has(id))).toEqual([]);
});

/**
 * Every keyword rule proves itself: its id carries its table's category, each example is
 * named by it (first match over all tables, through the cleaner's own matcher, on the text
 * as the cleaner sees it), and no near-miss matches it.
 */
import { CHROME_TABLES } from '../../../lambdas/core/rules';
import { matchesRule, matchRule } from '../../../lambdas/core/clean/match-rules';
import { collapseSpace } from '../../../lambdas/core/clean/text-signals';

const rules = CHROME_TABLES.flatMap((t) => t.rules.map((r) => [r.id, t.category, r] as const));

describe.each(rules)('%s', (id, category, rule) => {
  test('id is <category>.<name>', () => {
    expect(id.startsWith(`${category}.`)).toBe(true);
  });

  test('has examples', () => {
    expect(rule.examples.length).toBeGreaterThan(0);
  });

  test.each(rule.examples)('names %j', (example) => {
    expect(matchRule(collapseSpace(example), CHROME_TABLES)?.rule.id).toBe(id);
  });

  if (rule.nearMisses?.length) {
    test.each(rule.nearMisses)('leaves %j', (nearMiss) => {
      expect(matchesRule(collapseSpace(nearMiss), rule)).toBe(false);
    });
  }
});

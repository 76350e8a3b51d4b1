/**
 * Every rule regex must be free of catastrophic backtracking (safe-regex2 star-height
 * check), and hostile input must clean in bounded time.
 */
import safeRegex from 'safe-regex2';
import { CHROME_TABLES, RULE_SET } from '../../../lambdas/core/rules';
import { cleanArticle } from '../../../lambdas/core/clean';

/**
 * What safe-regex2 is shown of a pattern. It cannot parse lookbehind and rejects any pattern
 * holding one; a lookbehind over one character class cannot backtrack, so it is left out. It
 * also counts an optional group `(…)?` as a loop, so `(?:de\s+)?` reads as nested repetition;
 * an optional group runs at most once, so the check sees the group without its `?` and still
 * catches every real loop inside a loop.
 */
function checkable(pattern: RegExp): RegExp {
  const source = pattern.source.replace(/\(\?<[!=]\[[^\]]*\]\)/g, '').replace(/(?<!\\)\)\?(?![?+*{])/g, ')');
  return new RegExp(source, pattern.flags);
}

const rules = CHROME_TABLES.flatMap((t) => t.rules.map((r) => [r.id, r.pattern] as const));

test('rule ids are unique and namespaced', () => {
  const ids = rules.map(([id]) => id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^[a-z-]+\.[a-z-]+$/);
});

/**
 * Every regex inside the rule set, wherever it sits, named by its path (a keyword rule by its
 * id): what RULES_VERSION hashes is exactly what this test checks, so no pattern can be
 * versioned without being checked.
 */
function regexesIn(value: unknown, path: string): (readonly [string, RegExp])[] {
  if (value instanceof RegExp) return [[path, value]];
  if (!value || typeof value !== 'object') return [];
  const id = (value as { id?: unknown }).id;
  const base = typeof id === 'string' ? id : path;
  return Object.entries(value).flatMap(([key, inner]) => regexesIn(inner, `${base}.${key}`));
}
const ruleSetPatterns = regexesIn(RULE_SET, 'RULE_SET');

test('an optional group is not a loop, a loop inside a loop still is', () => {
  expect(safeRegex(checkable(/(?:de\s+)?x/u))).toBe(true);
  expect(safeRegex(checkable(/(?:a+)+b/))).toBe(false);
  expect(safeRegex(checkable(/(?:(?:a+)?)+b/))).toBe(false);
});

test('the walk finds the regexes of every part of the rule set', () => {
  const names = ruleSetPatterns.map(([name]) => name);
  expect(names).toContain('RULE_SET.WIRE_DATELINE');
  expect(names).toContain('RULE_SET.TEXT_PATTERNS.stamp');
  expect(names).toContain('RULE_SET.DATE_PATTERNS.time');
  expect(names).toContain('RULE_SET.HTML_CHROME_CONTAINER.names');
  expect(names).toContain('RULE_SET.HTML_METADATA.jsonLdArticleTypes');
  expect(names).toContain('RULE_SET.WIRE_AGENCY_PATTERNS.0.acronyms');
  for (const [id] of rules) expect(names).toContain(`${id}.pattern`);
});

test.each(ruleSetPatterns)('%s is safe-regex', (_name, pattern) => {
  expect(safeRegex(checkable(pattern))).toBe(true);
});

describe('adversarial input', () => {
  // One 1 MB line built from fragments that tempt the rules (dates, "by", photo credits,
  // separators) without ever forming a match, and without line breaks to split it.
  const fragment = 'By Photo: 19 March 2021 - 13:46 , , | » ';
  const line = fragment.repeat(Math.ceil(1_000_000 / fragment.length)).slice(0, 1_000_000);

  test('a 1 MB text line cleans and finishes', () => {
    const result = cleanArticle({ content: `Headline\n\n${line}\n`, format: 'text' });
    expect(['clean', 'rejected']).toContain(result.status);
  });

  test('a 1 MB HTML paragraph cleans and finishes', () => {
    const result = cleanArticle({ content: `<html><body><article><p>${line}</p></article></body></html>`, format: 'html' }, { dom: 'linkedom' });
    expect(['clean', 'rejected']).toContain(result.status);
  });
});

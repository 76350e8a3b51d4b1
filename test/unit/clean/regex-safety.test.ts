/**
 * Every rule regex must be free of catastrophic backtracking (safe-regex2 star-height
 * check), and hostile input must clean in bounded time.
 */
import safeRegex from 'safe-regex2';
import { CHROME_TABLES, HTML_CHROME_CONTAINER, WIRE_DATELINE } from '../../../lambdas/core/rules';
import { cleanArticle } from '../../../lambdas/core/clean';

const rules = CHROME_TABLES.flatMap((t) => t.rules.map((r) => [r.id, r.pattern] as const));

test('rule ids are unique and namespaced', () => {
  const ids = rules.map(([id]) => id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^[a-z-]+\.[a-z-]+$/);
});

test.each([...rules, ['WIRE_DATELINE', WIRE_DATELINE] as const, ...(['names', 'storyNames', 'chromeWords', 'hiddenStyle'] as const).map((k) => [`HTML_CHROME_CONTAINER.${k}`, HTML_CHROME_CONTAINER[k]] as const)])('%s is safe-regex', (_id, pattern) => {
  expect(safeRegex(pattern)).toBe(true);
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
    const result = cleanArticle({ content: `<html><body><article><p>${line}</p></article></body></html>`, format: 'html', }, { dom: 'linkedom' });
    expect(['clean', 'rejected']).toContain(result.status);
  });
});

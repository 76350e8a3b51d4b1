import { anyOf, nameOfWords, NAME_WORD } from '../../../lambdas/core/rules/pattern-pieces';

describe('anyOf', () => {
  test('joins pieces into an alternation', () => {
    expect(anyOf(['a', 'b(c)?'])).toBe('a|b(c)?');
  });

  test('refuses an empty list: the group around it would match everywhere', () => {
    expect(() => anyOf([])).toThrow(/empty alternation/);
  });

  test('refuses an empty piece', () => {
    expect(() => anyOf(['a', ''])).toThrow(/empty piece/);
  });
});

test('a name of n words is n name words separated by spaces', () => {
  const two = new RegExp(`^${nameOfWords(2)}$`, 'u');
  expect(two.test('Ana Duarte')).toBe(true);
  expect(two.test('Ana')).toBe(false);
  expect(new RegExp(`^${NAME_WORD}$`, 'u').test('O’Neill')).toBe(true);
});

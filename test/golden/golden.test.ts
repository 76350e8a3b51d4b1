/**
 * Runs every golden case (see golden-cases.ts). HTML cases run on both DOM engines and
 * must give the same record on each.
 */
import fs from 'node:fs';
import { discoverCases, isSeedGold, runCase, seedProblems } from './golden-cases';

const cases = discoverCases();

test('golden cases are present', () => {
  expect(cases.length).toBeGreaterThanOrEqual(35);
});

describe.each(cases.map((c) => [c.slug, c] as const))('%s', (_slug, c) => {
  const expected: unknown = JSON.parse(fs.readFileSync(c.expectedFile, 'utf8'));

  if (isSeedGold(expected)) {
    test('matches the hand-labelled seed gold', () => {
      expect(seedProblems(expected, runCase(c))).toEqual([]);
    });
    return;
  }

  test('matches expected.json', () => {
    expect(runCase(c)).toEqual(expected);
  });

  if (c.format === 'html') {
    test('jsdom and linkedom agree', () => {
      expect(runCase(c, { dom: 'jsdom' })).toEqual(runCase(c, { dom: 'linkedom' }));
    });
  }
});

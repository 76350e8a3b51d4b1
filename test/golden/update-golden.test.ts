import { lineDiff } from '../../scripts/update-golden';

test('the golden diff shows a changed line as removed then added, nothing else', () => {
  const before = '{\n  "rule": "nav.skip-links",\n  "text": "Menu"\n}\n';
  const after = '{\n  "rule": "navigation.skip-links",\n  "text": "Menu"\n}\n';
  expect(lineDiff(before, after)).toEqual(['    2 -   "rule": "nav.skip-links",', '    2 +   "rule": "navigation.skip-links",']);
});

test('a new case is all additions', () => {
  expect(lineDiff('', 'a\nb')).toEqual(['    1 + a', '    2 + b']);
});

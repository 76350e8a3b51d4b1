/**
 * Issue 16: every regex the cleaner judges text with lives in the rules, inside RULES_VERSION
 * and the regex-safety test. What stays in lambdas/core/clean is mechanics that decide nothing
 * about chrome, story or metadata; it is listed here, so a new regex there is a decision.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const CLEAN_DIR = path.resolve(__dirname, '../../../lambdas/core/clean');

const MECHANICS = [
  // HTML: the heading elements, class-list tokens, and repairs before the DOM parser reads the page.
  'html-blocks.ts /^H[1-6]$/',
  'html-blocks.ts /\\s+/',
  'html-dom.ts /<!doctype[^>]{0,200}>/gi',
  'html-dom.ts /\\S/',
  'html-dom.ts /<!--[^]*?-->/g',
  'html-dom.ts /<head(?:\\s[^>]{0,500}|)>/i',
  'html-dom.ts /<html[\\s>]/gi',
  // Whitespace runs folded before parsing, for speed: blocks collapse whitespace anyway.
  'html-prepare.ts /(?:[ \\t\\r\\n\\u00a0]|&nbsp;|&#160;|&#xa0;){32,}/gi',
  // The language subtag of a BCP 47 tag ("pt-BR" → "pt").
  'language.ts /^([a-z]{2,3})(?![a-z])/i',
  // Line breaks of a text dump.
  'text-blocks.ts /\\r\\n|\\r|\\n/',
  // franc's own text normalisation, repeated so the indexed scoring gives franc's answers.
  'trigram-detect.ts /[\\u0021-\\u0040]+/g',
  'trigram-detect.ts /\\s+/g',
];

/** Regex literals and `RegExp(...)` constructions in a source text, as "/source/flags" or "RegExp(args)". */
function regexesIn(name: string, text: string): string[] {
  const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isRegularExpressionLiteral(node)) found.push(node.text);
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText(source) === 'RegExp')
      found.push(`RegExp(${(node.arguments ?? []).map((a) => a.getText(source)).join(', ')})`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('the finder sees regex literals and constructed regexes', () => {
  expect(regexesIn('s.ts', 'const a = /x+/g; const b = new RegExp(`y${z}`, "u"); const c = RegExp(s);')).toEqual([
    '/x+/g',
    'RegExp(`y${z}`, "u")',
    'RegExp(s)',
  ]);
});

test('the cleaner holds no regex but the listed mechanics', () => {
  const files = fs.readdirSync(CLEAN_DIR).filter((f) => f.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(10);
  const found = files.flatMap((f) => regexesIn(f, fs.readFileSync(path.join(CLEAN_DIR, f), 'utf8')).map((r) => `${f} ${r}`));
  expect(found.sort()).toEqual([...MECHANICS].sort());
});

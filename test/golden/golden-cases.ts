/**
 * Golden cases: every directory under test/golden holding `source.html` or `source.txt`
 * plus `expected.json`, and optionally `options.json` (`templateLines`: lines the outlet's
 * earlier articles are taken to have carried, for the outlet-template rule). Shared by the jest test (golden.test.ts) and
 * `npm run golden:update` (scripts/update-golden.ts), so adding a case needs no code.
 *
 * Two kinds of expected.json:
 * - generated: the CleanResult the cleaner produced when the case was last reviewed
 *   (compared field by field; regenerate with `npm run golden:update`, then review the diff);
 * - hand-labelled seed gold (has a `chrome` field): checked with the seeds README rules and
 *   never overwritten.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CleanOptions, CleanResult } from '../../lambdas/core/types';
import { cleanArticle, templateLineKey } from '../../lambdas/core/clean';
import { STRUCTURE_THRESHOLDS } from '../../lambdas/core/rules';

export const GOLDEN_DIR = __dirname;

export interface GoldenCase {
  slug: string;
  dir: string;
  format: 'html' | 'text';
  source: string;
  sourceFile: string;
  expectedFile: string;
  options: CleanOptions;
}

/** A case's options.json: what the cleaner is told besides the page. */
interface CaseOptions {
  templateLines?: string[];
}

function caseOptions(dir: string): CleanOptions {
  const file = path.join(dir, 'options.json');
  if (!fs.existsSync(file)) return {};
  const { templateLines } = JSON.parse(fs.readFileSync(file, 'utf8')) as CaseOptions;
  // Seen in as many earlier articles as it takes to be template chrome.
  return templateLines ? { templateCounts: Object.fromEntries(templateLines.map((l) => [templateLineKey(l), STRUCTURE_THRESHOLDS.templateMinCount])) } : {};
}

/** A hand-labelled seed: the cleaner's fields, plus the chrome lines by category. */
export type SeedGold = Pick<CleanResult, 'title' | 'standfirst' | 'byline' | 'published' | 'syndication' | 'credits' | 'paragraphs' | 'headings'> & {
  chrome: Record<string, string[]>;
};

export function discoverCases(root: string = GOLDEN_DIR): GoldenCase[] {
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .flatMap((slug) => {
      const dir = path.join(root, slug);
      const html = path.join(dir, 'source.html');
      const text = path.join(dir, 'source.txt');
      const sourceFile = fs.existsSync(html) ? html : fs.existsSync(text) ? text : null;
      if (!sourceFile) return [];
      return [{ slug, dir, format: sourceFile === html ? 'html' : 'text', source: fs.readFileSync(sourceFile, 'utf8'), sourceFile, expectedFile: path.join(dir, 'expected.json'), options: caseOptions(dir) } as GoldenCase];
    });
}

export function runCase(c: GoldenCase, options: CleanOptions = {}): CleanResult {
  return cleanArticle({ content: c.source, format: c.format, sourceName: path.basename(c.sourceFile) }, { ...c.options, ...options });
}

export function isSeedGold(expected: unknown): expected is SeedGold {
  return !!expected && typeof expected === 'object' && 'chrome' in expected && 'paragraphs' in expected;
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * The seeds README rules: every gold paragraph verbatim (up to whitespace) and in order, no
 * other paragraph, no chrome line left in the body, metadata equal (title, standfirst,
 * byline up to case; published as a prefix), status clean. Returns the problems found.
 */
export function seedProblems(gold: SeedGold, got: CleanResult): string[] {
  const errs: string[] = [];
  const paras = got.paragraphs.map(norm);
  const body = paras.join(' ');
  let at = 0;
  for (const p of gold.paragraphs.map(norm)) {
    const j = paras.indexOf(p, at);
    if (j < 0) errs.push(`missing/changed paragraph: "${p.slice(0, 60)}"`);
    else at = j + 1;
  }
  const want = new Map<string, number>();
  for (const p of gold.paragraphs.map(norm)) want.set(p, (want.get(p) ?? 0) + 1);
  for (const p of paras) {
    const n = want.get(p) ?? 0;
    want.set(p, n - 1);
    if (n <= 0) errs.push(`extra or repeated paragraph: "${p.slice(0, 60)}"`);
  }
  if (got.status !== 'clean') errs.push(`status ${got.status}`);
  const goldBody = gold.paragraphs.map(norm).join(' ');
  for (const c of Object.values(gold.chrome).flat().map(norm)) {
    // Chrome that also occurs inside a real paragraph can only be checked as a whole paragraph.
    if (c.length > 3 && (goldBody.includes(c) ? paras.includes(c) : body.includes(c))) errs.push(`chrome left: "${c.slice(0, 60)}"`);
  }
  for (const k of ['title', 'standfirst', 'byline'] as const) {
    if (norm(gold[k]).toLowerCase() !== norm(got[k]).toLowerCase()) errs.push(`${k}: got "${got[k]}" want "${gold[k]}"`);
  }
  if (gold.published ? !String(got.published ?? '').startsWith(gold.published) : got.published) errs.push(`published: got ${got.published} want ${gold.published}`);
  for (const k of ['syndication', 'credits', 'headings'] as const) {
    const a = JSON.stringify([...got[k]].map(norm).sort());
    const b = JSON.stringify([...(gold[k] ?? [])].map(norm).sort());
    if (a !== b) errs.push(`${k}: got ${a} want ${b}`);
  }
  return errs;
}

/**
 * Rule coverage counter (`npx tsx test/eval/rule-hits.ts`).
 *
 * For every keyword rule id: on how many pages it removed a block ("fired") and on how many
 * pages its pattern matched some block within its length limit, whether or not an earlier
 * rule took the block ("matched"), over the news dev split (html + text), the snippet dev
 * split (html + text) and the seeds. A rule that fires on one page or none is fitted to a
 * document, not to a kind of chrome: generalise it or drop it.
 *
 *   --sets news,snippets,seeds   which collections (default: all three)
 *   --max <n>                    list rules firing on at most n pages (default 1)
 *   --json <file>                write the full table
 *   --preds <dir>                also write predictions {id: {articleBody, language}} per set and mode
 */
import fs from 'node:fs';
import path from 'node:path';
import { cleanDetailed } from '../../lambdas/core/clean';
import { matchesRule } from '../../lambdas/core/clean/match-rules';
import { collapseSpace } from '../../lambdas/core/clean/text-signals';
import { CHROME_TABLES } from '../../lambdas/core/rules';
import { flags } from '../support/flags';
import { predictionBody, readPage, type Mode } from './run-eval';

const REPO_ROOT = path.resolve(__dirname, '../..');
const SHARED = process.env.NEWS_INGEST_SHARED ?? path.resolve(REPO_ROOT, '../shared');

interface Page {
  set: string;
  mode: Mode;
  id: string;
  content: string;
}

function* pages(sets: readonly string[]): Generator<Page> {
  const splits: Record<string, string> = { news: 'bench/extraction/dev', snippets: 'bench/snippets/dev' };
  for (const set of sets) {
    if (set === 'seeds') {
      const dir = path.join(SHARED, 'seeds/raw');
      for (const f of fs
        .readdirSync(dir)
        .filter((n) => n.endsWith('.txt'))
        .sort()) {
        yield { set, mode: 'text', id: f.replace(/\.txt$/, ''), content: fs.readFileSync(path.join(dir, f), 'utf8') };
      }
      continue;
    }
    const dir = path.join(SHARED, splits[set]);
    const ids = Object.keys(JSON.parse(fs.readFileSync(path.join(dir, 'ground-truth.json'), 'utf8')) as Record<string, unknown>).sort();
    for (const mode of ['html', 'text'] as const) for (const id of ids) yield { set, mode, id, content: readPage(dir, id, mode) };
  }
}

interface Count {
  fired: Set<string>;
  matched: Set<string>;
}

function main(): void {
  let sets = ['news', 'snippets', 'seeds'];
  let max = 1;
  let jsonOut: string | null = null;
  let predDir: string | null = null;
  for (const f of flags(process.argv.slice(2))) {
    if (f.name === '--sets') sets = f.value().split(',');
    else if (f.name === '--max') max = Number(f.value());
    else if (f.name === '--json') jsonOut = path.resolve(f.value());
    else if (f.name === '--preds') predDir = path.resolve(f.value());
    else throw new Error(`unknown argument ${f.name}`);
  }
  const rules = CHROME_TABLES.flatMap((t) => t.rules);
  const counts = new Map<string, Count>(rules.map((r) => [r.id, { fired: new Set(), matched: new Set() }]));
  const preds = new Map<string, Record<string, { articleBody: string; language: string | null }>>();
  for (const page of pages(sets)) {
    // A page counts once per rule, whichever of its forms (html, text) the rule hit.
    const pageKey = `${page.set}/${page.id}`;
    const { result, kept, trace } = cleanDetailed({ content: page.content, format: page.mode });
    for (const r of result.removed) counts.get(r.rule)?.fired.add(pageKey);
    for (const t of trace) {
      const norm = collapseSpace(t.text);
      for (const rule of rules) if (matchesRule(norm, rule)) counts.get(rule.id)?.matched.add(pageKey);
    }
    const key = `${page.set}.${page.mode}`;
    if (!preds.has(key)) preds.set(key, {});
    preds.get(key)![page.id] = { articleBody: predictionBody(kept), language: result.language };
  }
  if (predDir) {
    fs.mkdirSync(predDir, { recursive: true });
    for (const [key, p] of preds) fs.writeFileSync(path.join(predDir, `${key}.json`), JSON.stringify(p));
  }
  const bySet = (s: Set<string>) => sets.map((set) => [...s].filter((k) => k.startsWith(`${set}/`)).length);
  const table = rules.map((r) => {
    const c = counts.get(r.id)!;
    return { id: r.id, fired: c.fired.size, matched: c.matched.size, firedBySet: Object.fromEntries(sets.map((s, i) => [s, bySet(c.fired)[i]])) };
  });
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(table, null, 2) + '\n');
  const low = table.filter((t) => t.fired <= max);
  console.log(`rules: ${table.length}; firing on ≤${max} page(s): ${low.length}; on none: ${table.filter((t) => t.fired === 0).length}`);
  console.log(`pages fired / matched  (${sets.join(' ')})`);
  for (const t of table.sort((a, b) => a.fired - b.fired || a.id.localeCompare(b.id))) {
    console.log(
      `${String(t.fired).padStart(4)} ${String(t.matched).padStart(4)}  ${t.id.padEnd(36)} ${sets.map((s) => t.firedBySet[s]).join(' ')}${t.fired <= max ? '  ◀' : ''}`,
    );
  }
}

if (require.main === module) main();

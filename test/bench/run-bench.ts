/**
 * `npm run bench`: cleaning throughput and quality, memory, end to end, dedupe scale and
 * Lambda shape; prints the table and writes the results as JSON.
 *
 *   --quick                 CI sizes (a few pages, 20 articles): checks the code, not the numbers
 *   --out <file>            results file (default bench/results.json, git-ignored)
 *   --sections a,b          any of lambda,cleaning,memory,pipeline (default all)
 *   --articles <n>          end-to-end articles (default 1000)
 *   --dedupe-sizes a,b      stored counts for the dedupe windows (default 1000,10000)
 *   --preload-budget <s>    stop the dedupe pre-load after s seconds and measure at what is stored
 *   --passes <n>            timed cleaning passes (default 1)
 *   --dedupe-window <n>     new articles per dedupe window (default 200)
 *   --dynamo <server>       dynalite (default, in process) or dynamodb-local (its own JVM)
 *   --merge a.json,b.json   no run: merge results of separate runs into --out and print the table
 */
import fs from 'node:fs';
import path from 'node:path';
import { FULL, QUICK, SECTIONS, mergeResults, renderTable, runBench, type BenchConfig, type BenchResult, type Section } from './bench';
import { REPO_ROOT } from './common';
import { flags } from '../support/flags';

function parseArgs(argv: string[]): { config: BenchConfig; out: string; merge: string[] } {
  let quick = false;
  let merge: string[] = [];
  let out = path.join(REPO_ROOT, 'bench/results.json');
  const overrides: ((c: BenchConfig) => void)[] = [];
  for (const flag of flags(argv)) {
    const a = flag.name;
    const next = flag.value;
    const num = (v: string) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${a}: not a positive number: ${v}`);
      return n;
    };
    if (a === '--quick') quick = true;
    else if (a === '--out') out = path.resolve(next());
    else if (a === '--sections') {
      const list = next().split(',') as Section[];
      for (const s of list) if (!SECTIONS.includes(s)) throw new Error(`unknown section ${s} (${SECTIONS.join(', ')})`);
      overrides.push((c) => (c.sections = list));
    } else if (a === '--articles') {
      const n = num(next());
      overrides.push((c) => (c.pipeline.articles = n));
    } else if (a === '--dedupe-sizes') {
      const sizes = next().split(',').map(num);
      overrides.push((c) => (c.pipeline.dedupeSizes = sizes));
    } else if (a === '--preload-budget') {
      const s = num(next());
      overrides.push((c) => (c.pipeline.preloadBudgetSeconds = s));
    } else if (a === '--passes') {
      const n = num(next());
      overrides.push((c) => (c.cleaning.passes = n));
    } else if (a === '--dedupe-window') {
      const n = num(next());
      overrides.push((c) => (c.pipeline.dedupeWindow = n));
    } else if (a === '--dynamo') {
      const d = next();
      if (d !== 'dynalite' && d !== 'dynamodb-local') throw new Error(`--dynamo: dynalite or dynamodb-local, not ${d}`);
      overrides.push((c) => (c.pipeline.dynamo = d));
    } else if (a === '--merge') merge = next().split(',').map((f) => path.resolve(f));
    else throw new Error(`unknown argument ${a}`);
  }
  const config = structuredClone(quick ? QUICK : FULL);
  for (const o of overrides) o(config);
  return { config, out, merge };
}

async function main(): Promise<void> {
  const { config, out, merge } = parseArgs(process.argv.slice(2));
  const result = merge.length ? mergeResults(merge.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as BenchResult)) : await runBench(config);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  console.log(renderTable(result));
  console.log(`\nresults: ${path.relative(process.cwd(), out) || out}`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}

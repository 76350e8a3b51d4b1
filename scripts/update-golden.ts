/**
 * Shows how the cleaner's current output differs from each generated golden case's
 * expected.json, and writes the new expectation only when told to (`npm run golden:update`).
 * Hand-labelled seed gold is never overwritten; its check result is printed instead.
 *
 *   npm run golden:update                        print the diff of every case that changed
 *   npm run golden:update -- --accept            ...and write them (review the diff first)
 *   npm run golden:update -- [--accept] <slug>…  only the named cases
 *
 * Exits 1 while a difference is left unaccepted, so a stale expectation cannot pass unseen.
 */
import fs from 'node:fs';
import { discoverCases, isSeedGold, runCase, seedProblems } from '../test/golden/golden-cases';

/** Lines removed from `before` (with their line number there) and added in `after` (numbered there), by longest common subsequence. */
export function lineDiff(before: string, after: string): string[] {
  const a = before ? before.split('\n') : [];
  const b = after.split('\n');
  // lcs[i][j]: common lines of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
      out.push(`${String(i + 1).padStart(5)} - ${a[i++]}`);
    } else {
      out.push(`${String(j + 1).padStart(5)} + ${b[j++]}`);
    }
  }
  return out;
}

function main(argv: readonly string[]): number {
  const accept = argv.includes('--accept');
  const only = new Set(argv.filter((a) => a !== '--accept'));
  let differ = 0;
  for (const c of discoverCases()) {
    if (only.size && !only.has(c.slug)) continue;
    const result = runCase(c);
    const before = fs.existsSync(c.expectedFile) ? fs.readFileSync(c.expectedFile, 'utf8') : '';
    const existing: unknown = before ? JSON.parse(before) : null;
    if (isSeedGold(existing)) {
      const problems = seedProblems(existing, result);
      console.log(`${c.slug}: seed gold kept (${problems.length ? problems.join('; ') : 'matches'})`);
      continue;
    }
    const next = JSON.stringify(result, null, 2) + '\n';
    if (next === before) continue;
    differ++;
    console.log(`\n${c.slug}: ${before ? 'changed' : 'new case'}${accept ? ' (written)' : ''}`);
    for (const line of lineDiff(before, next)) console.log(line);
    if (accept) fs.writeFileSync(c.expectedFile, next);
  }
  if (differ === 0) console.log('golden cases match the cleaner');
  else if (accept) console.log(`\n${differ} expected.json file(s) written; commit them with the change that caused them`);
  else console.log(`\n${differ} case(s) differ; review every line above, then run npm run golden:update -- --accept`);
  return differ && !accept ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

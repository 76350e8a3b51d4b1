/**
 * Regenerates expected.json of every generated golden case from the cleaner's current
 * output (`npm run golden:update`), for review in the diff. Hand-labelled seed gold is never
 * overwritten; its check result is printed instead.
 *
 *   npm run golden:update            all cases
 *   npm run golden:update -- <slug>  only the named cases
 */
import fs from 'node:fs';
import { discoverCases, isSeedGold, runCase, seedProblems } from '../test/golden/golden-cases';

const only = new Set(process.argv.slice(2));
let written = 0;
for (const c of discoverCases()) {
  if (only.size && !only.has(c.slug)) continue;
  const result = runCase(c);
  const existing: unknown = fs.existsSync(c.expectedFile) ? JSON.parse(fs.readFileSync(c.expectedFile, 'utf8')) : null;
  if (isSeedGold(existing)) {
    const problems = seedProblems(existing, result);
    console.log(`${c.slug}: seed gold kept (${problems.length ? problems.join('; ') : 'matches'})`);
    continue;
  }
  const next = JSON.stringify(result, null, 2) + '\n';
  const before = fs.existsSync(c.expectedFile) ? fs.readFileSync(c.expectedFile, 'utf8') : '';
  if (next !== before) {
    fs.writeFileSync(c.expectedFile, next);
    written++;
    console.log(`${c.slug}: updated`);
  }
}
console.log(`${written} expected.json file(s) written; review with git diff test/golden`);

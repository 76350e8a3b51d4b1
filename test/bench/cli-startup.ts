/**
 * CLI start-up: wall time of `node dist/lambdas/local/cli.js` for `--help`, `--version` and
 * `clean` of one text page and one HTML page (median of N runs after a warm-up, warm disk cache),
 * with each command's CPU time and the modules it loaded (count and bytes, which do not depend
 * on machine load). Prints a table and writes JSON.
 *
 *   npx tsx test/bench/cli-startup.ts [--runs 10] [--cli path/to/cli.js] [--out file.json]
 *
 * `--cli` times another build (e.g. an older commit compiled elsewhere) with the same inputs.
 * The census hook comes from this build's dist/, so `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, REPO_ROOT } from './common';
import type { ModuleCensus } from '../support/module-census';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const RUNS = Number(arg('--runs') ?? 10);
const CLI = path.resolve(arg('--cli') ?? path.join(REPO_ROOT, 'dist', 'lambdas', 'local', 'cli.js'));
const OUT = path.resolve(arg('--out') ?? path.join(REPO_ROOT, 'test-output', 'bench', 'cli-startup.json'));
const HOOK = path.join(REPO_ROOT, 'dist', 'test', 'support', 'module-census.js');

const CASES: { name: string; args: string[] }[] = [
  { name: '--help', args: ['--help'] },
  { name: '--version', args: ['--version'] },
  { name: 'clean one text page', args: ['clean', path.join(REPO_ROOT, 'test', 'fixtures', 'seeds', 'connect-news', '004_40c3cd73cfebb816.txt'), '--format', 'json'] },
  { name: 'clean one HTML page', args: ['clean', path.join(REPO_ROOT, 'test', 'fixtures', 'hostile', 'hostile-news', 'harbour-vote.html'), '--format', 'json'] },
];

/** Wall ms and exit code (an older build may reject a newer flag; its start-up still counts). */
function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}, pre: string[] = []): { ms: number; code: number | null } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...pre, CLI, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 2) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
  return { ms, code: r.status };
}

function main(): void {
  if (!fs.existsSync(HOOK)) throw new Error('dist/ is missing: run `npm run build` first.');
  const censusFile = path.join(os.tmpdir(), `news-ingest-census-${process.pid}.json`);
  const results = CASES.map((c) => {
    const { code } = spawnCli(c.args); // warm-up: disk cache
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      wall.push(spawnCli(c.args).ms);
      spawnCli(c.args, { NEWS_INGEST_MODULE_CENSUS: censusFile }, ['--require', HOOK]);
      cpu.push((JSON.parse(fs.readFileSync(censusFile, 'utf8')) as ModuleCensus).cpuMs);
    }
    const census = JSON.parse(fs.readFileSync(censusFile, 'utf8')) as ModuleCensus;
    return {
      name: c.name,
      exitCode: code,
      runs: RUNS,
      wallMedianMs: Math.round(median(wall)),
      wallMinMs: Math.round(Math.min(...wall)),
      wallMaxMs: Math.round(Math.max(...wall)),
      cpuMedianMs: Math.round(median(cpu)),
      modules: census.modules,
      moduleBytes: census.bytes,
    };
  });
  fs.rmSync(censusFile, { force: true });
  // A bare `node -e 0` shows how much of each figure is Node itself, and how loaded the machine is.
  spawnCli(['--version']);
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    bare.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const report = { cli: path.relative(REPO_ROOT, CLI) || CLI, node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10), bareNodeMedianMs: Math.round(median(bare)), results };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify(report, null, 2) + '\n');
  console.log(`CLI start-up: ${report.cli}, node ${report.node}, ${report.cpus} cores, load ${report.loadAverage.join(' ')}, bare node ${report.bareNodeMedianMs} ms (median of ${RUNS})`);
  console.log('| command | wall median ms | wall min–max ms | CPU median ms | modules | module KB |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of results) console.log(`| ${r.name}${r.exitCode ? ` (exit ${r.exitCode})` : ''} | ${r.wallMedianMs} | ${r.wallMinMs}–${r.wallMaxMs} | ${r.cpuMedianMs} | ${r.modules} | ${Math.round(r.moduleBytes / 1024)} |`);
  console.log(`JSON: ${OUT}`);
}

main();

/**
 * Section 5, Lambda shape: the ingest function bundled the way CDK's NodejsFunction bundles
 * it (esbuild, the construct's bundling options), the size of the node_modules it ships
 * beside the bundle, and module init time in fresh Node processes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ENV } from '../../lambdas/core/schema';
import { REPO_ROOT, median, round, toMB } from './common';

export interface LambdaShapeResult {
  entry: string;
  esbuild: { target: string; platform: 'node'; format: 'cjs'; minify: boolean; sourcemap: boolean; sourcesContent: boolean; external: string[] };
  bundleMB: number;
  sourceMapMB: number;
  /** Everything the asset holds: bundle, source map and shipped node_modules. */
  assetMB: number;
  /** node_modules shipped beside the bundle (the construct's nodeModules and their dependencies; externals that are not shipped stay out). */
  nodeModules: { roots: string[]; packages: number; MB: number };
  /** Bundle + shipped node_modules, source map excluded. */
  deployedMB: number;
  init: {
    spawns: number;
    /** require() of the bundle, measured inside the process. */
    requireMedianMs: number;
    requireMaxMs: number;
    /** CPU time (user + system) of that require: on a loaded machine wall time mostly measures waiting for a core. */
    requireCpuMedianMs: number;
    /** Whole process (spawn → exit after require), as seen by the parent. */
    processMedianMs: number;
  };
}

/** The construct's bundling options, read from the CDK code (loads aws-cdk-lib). */
function constructSettings(): { entry: string; target: string; minify: boolean; sourcemap: boolean; sourcesContent: boolean; external: string[]; shipped: string[] } {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { INGEST_BUNDLING, INGEST_ENTRY } = require('../../lib/constructs/ingest-function') as typeof import('../../lib/constructs/ingest-function');
  const { NODE_FUNCTION_DEFAULTS } = require('../../lib/shared/node-function') as typeof import('../../lib/shared/node-function');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const bundling = INGEST_BUNDLING as { nodeModules?: readonly string[]; externalModules?: readonly string[]; bundleAwsSDK?: boolean; minify?: boolean; sourceMap?: boolean; sourcesContent?: boolean };
  // As NodejsFunction does: node<major> from the runtime; externals = externalModules, else the
  // SDK unless bundleAwsSDK; nodeModules are external too (installed into the asset).
  const major = /nodejs(\d+)/.exec(NODE_FUNCTION_DEFAULTS.runtime.name)?.[1] ?? '20';
  const external = [...(bundling.externalModules ?? (bundling.bundleAwsSDK ? [] : ['@aws-sdk/*'])), ...(bundling.nodeModules ?? [])];
  return {
    entry: INGEST_ENTRY,
    target: `node${major}`,
    minify: bundling.minify ?? false,
    sourcemap: bundling.sourceMap ?? false,
    sourcesContent: bundling.sourcesContent ?? true,
    external,
    shipped: [...(bundling.nodeModules ?? [])],
  };
}

function dirBytes(dir: string, skipNodeModules: boolean): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (skipNodeModules && e.name === 'node_modules') continue;
      total += dirBytes(p, skipNodeModules);
    } else if (e.isFile()) total += fs.statSync(p).size;
  }
  return total;
}

/** The production dependency closure of `roots`, resolved from the repo as npm laid it out. */
function shippedPackages(roots: string[]): { dirs: string[]; bytes: number } {
  const seen = new Set<string>();
  const visit = (name: string, from: string) => {
    let dir: string | null = null;
    for (let d = from; ; d = path.dirname(d)) {
      const candidate = path.join(d, 'node_modules', name);
      if (fs.existsSync(path.join(candidate, 'package.json'))) {
        dir = fs.realpathSync(candidate);
        break;
      }
      if (path.dirname(d) === d) break;
    }
    if (!dir || seen.has(dir)) return;
    seen.add(dir);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dep, dir);
  };
  for (const r of roots) visit(r, REPO_ROOT);
  // Nested node_modules are counted as packages of their own, not twice.
  const dirs = [...seen];
  return { dirs, bytes: dirs.reduce((a, d) => a + dirBytes(d, true), 0) };
}

export function runLambdaShape(opts: { spawns?: number } = {}): LambdaShapeResult {
  const spawns = opts.spawns ?? 10;
  const cfg = constructSettings();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'news-ingest-bundle-'));
  try {
    const outfile = path.join(out, 'index.js');
    // The esbuild CLI with the arguments NodejsFunction passes (it runs the CLI too).
    const args = [
      '--bundle',
      path.join(REPO_ROOT, cfg.entry),
      `--target=${cfg.target}`,
      '--platform=node',
      `--outfile=${outfile}`,
      ...(cfg.minify ? ['--minify'] : []),
      ...(cfg.sourcemap ? ['--sourcemap'] : []),
      ...(cfg.sourcesContent ? [] : ['--sources-content=false']),
      ...cfg.external.map((e) => `--external:${e}`),
      '--log-level=error',
    ];
    const built = spawnSync(require.resolve('esbuild/bin/esbuild'), args, { cwd: REPO_ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`esbuild failed: ${built.stderr}`);
    const bundleBytes = fs.statSync(outfile).size;
    const mapFile = `${outfile}.map`;
    const mapBytes = fs.existsSync(mapFile) ? fs.statSync(mapFile).size : 0;
    const roots = cfg.shipped;
    const shipped = shippedPackages(roots);

    // Dummy values for what the handler reads at init; node_modules of the repo stand in for the asset's shipped ones, if any.
    const env = {
      PATH: process.env.PATH ?? '',
      ...(roots.length ? { NODE_PATH: path.join(REPO_ROOT, 'node_modules') } : {}),
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      [ENV.articlesTable]: 'bench-articles',
      [ENV.fingerprintTable]: 'bench-fingerprints',
      [ENV.bodyBucket]: 'bench-bucket',
      [ENV.maxObjectBytes]: String(20 * 1024 * 1024),
      [ENV.logLevel]: 'info',
    };
    const script =
      `const t=performance.now(),c=process.cpuUsage();const m=require(${JSON.stringify(outfile)});if(typeof m.handler!=='function')throw new Error('no handler export');` +
      `const u=process.cpuUsage(c);process.stdout.write(JSON.stringify([performance.now()-t,(u.user+u.system)/1000]));`;
    const requireMs: number[] = [];
    const cpuMs: number[] = [];
    const processMs: number[] = [];
    for (let i = 0; i < spawns; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['-e', script], { env, encoding: 'utf8' });
      processMs.push(performance.now() - t0);
      if (r.status !== 0) throw new Error(`bundle init failed: ${r.stderr}`);
      const [wall, cpu] = JSON.parse(r.stdout) as [number, number];
      requireMs.push(wall);
      cpuMs.push(cpu);
    }
    return {
      entry: cfg.entry,
      esbuild: { target: cfg.target, platform: 'node', format: 'cjs', minify: cfg.minify, sourcemap: cfg.sourcemap, sourcesContent: cfg.sourcesContent, external: cfg.external },
      bundleMB: round(toMB(bundleBytes), 2),
      sourceMapMB: round(toMB(mapBytes), 2),
      assetMB: round(toMB(bundleBytes + mapBytes + shipped.bytes), 2),
      nodeModules: { roots, packages: shipped.dirs.length, MB: round(toMB(shipped.bytes), 2) },
      deployedMB: round(toMB(bundleBytes + shipped.bytes), 2),
      init: { spawns, requireMedianMs: round(median(requireMs), 1), requireMaxMs: round(Math.max(...requireMs), 1), requireCpuMedianMs: round(median(cpuMs), 1), processMedianMs: round(median(processMs), 1) },
    };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

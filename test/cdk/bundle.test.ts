import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ENV } from '../../lambdas/core/schema';
import { INGEST_BUNDLING } from '../../lib/constructs/ingest-function';
import { resourcesOf, synthesize } from './synth';

// The one synthesis in the suite that really bundles (esbuild).
const { app, template } = synthesize({ bundle: true });
const assemblyDir = app.synth().directory;

/** The staged asset directory of the function whose description matches. */
function assetDirOf(description: RegExp): string {
  const fns = resourcesOf(template, 'AWS::Lambda::Function').filter(([, f]) => description.test(f.Properties.Description ?? ''));
  expect(fns).toHaveLength(1);
  const key: string = fns[0][1].Properties.Code.S3Key;
  return path.join(assemblyDir, `asset.${key.replace(/\.zip$/, '')}`);
}

/** Files esbuild inlined, from the bundle's source map. */
function bundledSources(dir: string): string[] {
  return JSON.parse(readFileSync(path.join(dir, 'index.js.map'), 'utf8')).sources;
}

const ingestDir = assetDirOf(/clean, fingerprint/);
const queryDir = assetDirOf(/query API/);

/** Bytes of every file in the staged asset (what the zip holds, before compression). */
function assetBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(path.join(e.parentPath, e.name)).size, 0);
}

/** Budget for the deployed ingest asset (issue 18: at most 5 MB unless jsdom is needed, and it is not). */
const MAX_ASSET_BYTES = 5 * 1024 * 1024;

describe('ingest bundle', () => {
  test('jsdom is external and not installed: the asset holds the bundle and its source map only', () => {
    expect(INGEST_BUNDLING.externalModules).toEqual(['jsdom']);
    expect(INGEST_BUNDLING).not.toHaveProperty('nodeModules');
    expect(existsSync(path.join(ingestDir, 'node_modules'))).toBe(false);
    expect(readdirSync(ingestDir).sort()).toEqual(['index.js', 'index.js.map']);
  });

  test(`the asset is at most ${MAX_ASSET_BYTES / 1024 / 1024} MB`, () => {
    expect(assetBytes(ingestDir)).toBeLessThanOrEqual(MAX_ASSET_BYTES);
  });

  test('no jsdom file was inlined into index.js; linkedom was', () => {
    const sources = bundledSources(ingestDir);
    expect(sources.some((s) => s.includes('lambdas/handlers/ingest'))).toBe(true);
    expect(sources.filter((s) => /node_modules\/jsdom\//.test(s))).toEqual([]);
    expect(sources.some((s) => /node_modules\/linkedom\//.test(s))).toBe(true);
  });

  test('the bundle loads and exports the handler where no jsdom can be resolved', () => {
    // The assembly lives outside the repository, so no parent node_modules can supply jsdom.
    const probe =
      `require(${JSON.stringify(path.join(ingestDir, 'index.js'))});` +
      `let jsdom='missing';try{require.resolve('jsdom',{paths:[${JSON.stringify(ingestDir)}]});jsdom='found'}catch{}` +
      `process.stdout.write(jsdom)`;
    const env = { PATH: process.env.PATH ?? '', AWS_REGION: 'us-east-1', [ENV.articlesTable]: 'a', [ENV.fingerprintTable]: 'f', [ENV.bodyBucket]: 'b' };
    const r = spawnSync(process.execPath, ['-e', probe], { env, encoding: 'utf8', cwd: ingestDir });
    expect({ status: r.status, jsdom: r.stdout }).toEqual({ status: 0, jsdom: 'missing' });
  });
});

test('query bundle needs no jsdom at all', () => {
  expect(bundledSources(queryDir).filter((s) => /node_modules\/jsdom\//.test(s))).toEqual([]);
  expect(readFileSync(path.join(queryDir, 'index.js'), 'utf8')).not.toMatch(/require\("jsdom"\)/);
});

/** Asset hashes depend on the machine (npm, esbuild output): replace them so the snapshot is stable. */
function normalise(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value).replace(/[0-9a-f]{64}/g, '<asset-hash>'));
}

test('template snapshot', () => {
  expect(normalise(template.toJSON())).toMatchSnapshot();
});

import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { INGEST_BUNDLING } from '../../lib/constructs/ingest-function';
import { resourcesOf, synthesize } from './synth';

// The one synthesis in the suite that really bundles (esbuild + npm install of jsdom).
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

describe('ingest bundle', () => {
  test('jsdom is declared as a node module, not bundled', () => {
    expect(INGEST_BUNDLING.nodeModules).toContain('jsdom');
  });

  test('the asset ships node_modules/jsdom and the bundle requires it', () => {
    expect(existsSync(path.join(ingestDir, 'node_modules', 'jsdom', 'package.json'))).toBe(true);
    expect(readFileSync(path.join(ingestDir, 'index.js'), 'utf8')).toMatch(/require\("jsdom"\)/);
  });

  test('no jsdom file was inlined into index.js', () => {
    const sources = bundledSources(ingestDir);
    expect(sources.some((s) => s.includes('lambdas/handlers/ingest'))).toBe(true);
    expect(sources.filter((s) => /node_modules\/jsdom\//.test(s))).toEqual([]);
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

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, SEED_FIXTURES, SHARED_DIR } from '../support/shared';
import type { ArticleRecord } from '../../lambdas/core/types';

/** The built CLI, spawned as a user runs it (npm test builds dist/ first). */
const CLI = join(REPO_ROOT, 'dist', 'lambdas', 'local', 'cli.js');

function run(args: string[], dataDir: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NEWS_INGEST_DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('news-ingest CLI (built, spawned)', () => {
  let dataDir: string;

  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error('dist/ is missing: run `npm run build` (npm test does it first).');
    dataDir = mkdtempSync(join(tmpdir(), 'news-ingest-cli-'));
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('ingest then a separate list sees the records (state persists in the data dir)', () => {
    const ingest = run(['ingest', SEED_FIXTURES, '--format', 'json'], dataDir);
    expect(ingest.stderr).not.toMatch(/Error/);
    expect(ingest.code).toBe(0);
    const ingested = JSON.parse(ingest.stdout) as ArticleRecord[];
    expect(ingested).toHaveLength(5);

    const list = run(['list', '--format', 'json'], dataDir);
    expect(list.code).toBe(0);
    const listed = JSON.parse(list.stdout) as ArticleRecord[];
    expect(listed.map((r) => r.id).sort()).toEqual(ingested.map((r) => r.id).sort());
    expect(listed.every((r) => r.status === 'clean')).toBe(true);

    const byOutlet = run(['list', '--outlet', 'rferl', '--format', 'jsonl'], dataDir);
    const lines = byOutlet.stdout.trim().split('\n').map((l) => JSON.parse(l) as ArticleRecord);
    expect(lines.map((r) => r.outlet)).toEqual(['rferl']);

    const one = run(['get', ingested[0].id, '--format', 'json'], dataDir);
    expect(one.code).toBe(0);
    expect((JSON.parse(one.stdout) as ArticleRecord).body).toBe(ingested[0].body);

    const table = run(['list', '--format', 'table'], dataDir);
    expect(table.stdout).toMatch(/│ id\s+│ outlet/);
    expect(table.stdout).toContain('rferl');

    // Ingesting the same files again changes nothing.
    const again = run(['ingest', SEED_FIXTURES, '--format', 'table'], dataDir);
    expect(again.stderr).toMatch(/0 clean, 0 rejected, 5 duplicate/);
  });

  it('clean prints records the seed checker accepts as records', () => {
    const r = run(['clean', join(SHARED_DIR, 'seeds', 'raw'), '--format', 'json'], dataDir);
    expect(r.code).toBe(0);
    const recs = JSON.parse(r.stdout) as ArticleRecord[];
    expect(recs).toHaveLength(5);
    expect(recs.every((x) => x.paragraphs.length > 3)).toBe(true);
  });

  it('exits 1 for an unknown id and 2 for usage errors, with one clear sentence on stderr', () => {
    const missing = run(['get', 'a_doesnotexist'], dataDir);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('No article with id a_doesnotexist.');
    const usage = run(['list', '--from', 'yesterday'], dataDir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/expected an ISO date/);
    const unknown = run(['frobnicate'], dataDir);
    expect(unknown.code).toBe(2);
    const badFormat = run(['list', '--format', 'xml'], dataDir);
    expect(badFormat.code).toBe(2);
  });
});

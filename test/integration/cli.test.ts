import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { s3EventMessage } from '../../lambdas/core/ingest/s3-event';
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
    const lines = byOutlet.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ArticleRecord);
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

  it('story, stories, explain and stats in json and table form', () => {
    const listed = JSON.parse(run(['list', '--format', 'json'], dataDir).stdout) as ArticleRecord[];
    const byStem = (stem: string) => listed.find((r) => r.sourceKey.includes(stem)) as ArticleRecord;
    const clusters = JSON.parse(readFileSync(join(SHARED_DIR, 'seeds', 'expected', 'clusters.json'), 'utf8')) as {
      same_story: string[][];
      reworded_copy_of: Record<string, string[]>;
      distinct_stories: string[];
    };
    const [a, b] = clusters.same_story[0].map(byStem);
    const rewrite = byStem(Object.keys(clusters.reworded_copy_of)[0]);

    const story = run(['story', a.id, '--format', 'json'], dataDir);
    expect(story.code).toBe(0);
    const s = JSON.parse(story.stdout) as { storyId: string; canonicalId: string; members: { id: string; role: string; canonical: boolean }[] };
    expect(s.members.map((m) => m.id).sort()).toEqual([a.id, b.id, rewrite.id].sort());
    expect(s.members[0].canonical).toBe(true);
    expect(s.members.find((m) => m.id === rewrite.id)?.role).toBe('rewrite');
    // Asking by any member's id gives the same story.
    expect((JSON.parse(run(['story', rewrite.id, '--format', 'json'], dataDir).stdout) as { storyId: string }).storyId).toBe(s.storyId);
    const storyTable = run(['story', a.id, '--format', 'table'], dataDir).stdout;
    expect(storyTable).toMatch(/3 article\(s\); canonical/);
    expect(storyTable).toContain('rewrite');

    const stories = JSON.parse(run(['stories', '--format', 'json'], dataDir).stdout) as { storyId: string; members: number }[];
    expect(stories.map((x) => x.members).sort()).toEqual([1, 1, 3]);
    expect(run(['stories', '--format', 'table'], dataDir).stdout).toMatch(/│ story\s+│ members/);

    for (const distinct of clusters.distinct_stories.map(byStem)) {
      const d = JSON.parse(run(['story', distinct.id, '--format', 'json'], dataDir).stdout) as { members: unknown[] };
      expect(d.members).toHaveLength(1);
    }

    const explained = JSON.parse(run(['explain', a.id, '--format', 'json'], dataDir).stdout) as {
      kept: string[];
      removed: { rule: string; category: string; text: string }[];
    };
    expect(explained.kept.length).toBeGreaterThan(5);
    expect(explained.removed.length).toBeGreaterThan(0);
    for (const r of explained.removed) expect(r.rule).toMatch(/\S/);
    const explainTable = run(['explain', a.id], dataDir).stdout;
    expect(explainTable).toMatch(/KEPT \(\d+ paragraphs/);
    expect(explainTable).toMatch(/REMOVED \(\d+ blocks\)/);

    const stats = JSON.parse(run(['stats', '--format', 'json'], dataDir).stdout) as { rulesVersion: string; records: number; current: boolean }[];
    expect(stats).toEqual([{ rulesVersion: listed[0].rulesVersion, records: 5, current: true }]);
    const dry = JSON.parse(run(['reprocess', '--dry-run', '--format', 'json'], dataDir).stdout) as { scanned: number; selected: number };
    expect(dry).toMatchObject({ scanned: 5, selected: 0 });
  });

  it('redrive replays the dead-letter queue kept in the data dir', () => {
    const listed = JSON.parse(run(['list', '--format', 'json'], dataDir).stdout) as ArticleRecord[];
    const body = s3EventMessage({ bucket: listed[0].sourceBucket, key: listed[0].sourceKey, versionId: null, eTag: null, size: null });
    const dlq = join(dataDir, 'dead-letters.json');
    writeFileSync(dlq, JSON.stringify([{ messageId: 'm1', body, receiveCount: 5, visibleAt: 0 }]));
    const r = run(['redrive'], dataDir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Redrove 1 dead-lettered message\(s\); 0 dead-lettered again\./);
    expect(JSON.parse(readFileSync(dlq, 'utf8'))).toEqual([]);
    // The replayed article was already stored: nothing changed.
    expect(JSON.parse(run(['list', '--format', 'json'], dataDir).stdout)).toEqual(listed);
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

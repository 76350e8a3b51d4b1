import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectFiles, keySegment, MAX_KEY_SEGMENT_BYTES, outletName } from '../../../lambdas/local/files';

describe('local files → upload keys', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'news-ingest-files-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('maps over-long file names to a short, distinct key segment and keeps the original name', () => {
    const long = 'a'.repeat(236) + '.txt';
    const long2 = 'a'.repeat(236) + '.htm';
    const cjk = '長'.repeat(80) + '.html';
    mkdirSync(join(dir, 'coast-times'));
    for (const n of [long, long2, cjk, 'short.txt']) writeFileSync(join(dir, 'coast-times', n), 'text');
    const files = collectFiles([dir]);
    expect(files.map((f) => f.key.split('/').every((s) => Buffer.byteLength(s) <= MAX_KEY_SEGMENT_BYTES))).toEqual([true, true, true, true]);
    expect(new Set(files.map((f) => f.key)).size).toBe(4);
    const byName = new Map(files.map((f) => [f.originalName ?? f.key.split('/').pop(), f]));
    expect(byName.get(long)?.key).toMatch(/^raw\/coast-times\/a+~[0-9a-f]{12}\.txt$/);
    expect(byName.get(long2)?.key).toMatch(/\.htm$/);
    expect(byName.get(cjk)?.key).toMatch(/^raw\/coast-times\/長+~[0-9a-f]{12}\.html$/);
    expect(byName.get('short.txt')).toEqual(expect.objectContaining({ key: 'raw/coast-times/short.txt' }));
    expect(byName.get('short.txt')?.originalName).toBeUndefined();
  });

  it('never makes a "." or ".." key segment from an outlet', () => {
    for (const o of ['..', '.', '../..', ' .. ']) expect(outletName(o)).not.toMatch(/^\.+$/);
    expect(outletName('日本-news')).toBe('日本-news');
    expect(Buffer.byteLength(keySegment('o'.repeat(3000)))).toBeLessThanOrEqual(MAX_KEY_SEGMENT_BYTES);
  });
});

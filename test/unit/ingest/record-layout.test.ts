import { decodeCursor, encodeCursor, fromStoredItem, InvalidCursorError, MAX_INLINE_ITEM_BYTES, toStoredItem } from '../../../lambdas/core/store/record-layout';
import type { ArticleRecord } from '../../../lambdas/core/types';

function record(over: Partial<ArticleRecord> = {}): ArticleRecord {
  const paragraphs = over.paragraphs ?? ['First paragraph.', 'Second paragraph.'];
  return {
    id: 'a_1',
    outlet: 'o',
    sourceKey: 'raw/o/a.txt',
    sourceBucket: 'b',
    sourceVersion: 'e',
    format: 'text',
    status: 'clean',
    reason: null,
    title: 'T',
    standfirst: null,
    byline: null,
    published: '2021-03-22T10:00',
    syndication: ['AP'],
    credits: [],
    paragraphs,
    headings: [],
    language: 'en',
    sourceUrl: null,
    removed: [{ text: 'Share this', rule: 'share.x', category: 'share bar' }],
    body: paragraphs.join('\n\n'),
    wordCount: 4,
    storyId: 'a_1',
    role: 'original',
    canonicalId: 'a_1',
    match: null,
    rulesVersion: 'r1',
    ingestedAt: '2026-01-01T00:00:00.000Z',
    rawBytes: 100,
    ...over,
  };
}

describe('record layout', () => {
  it('derives GSI keys and never stores body', () => {
    const { item, offload } = toStoredItem(record(), 'bodies/');
    expect(offload).toBeNull();
    expect(item).not.toHaveProperty('body');
    expect(item.publishedSort).toBe('2021-03-22T10:00#a_1');
    expect(item.storySort).toBe('2021-03-22T10:00#a_1');
    expect(item.agency).toBe('AP');
    expect(fromStoredItem(item, null)).toEqual({ ...record(), bodyRef: null });
  });

  it('keeps rejected records out of the story index and falls back to ingest time', () => {
    const { item } = toStoredItem(record({ status: 'rejected', published: null, syndication: [] }), 'bodies/');
    expect(item.storySort).toBeUndefined();
    expect(item.agency).toBeUndefined();
    expect(item.publishedSort).toBe('2026-01-01T00:00:00.000Z#a_1');
  });

  it('offloads text that would not fit in an item, and restores it', () => {
    const big = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} ` + 'word '.repeat(200));
    const r = record({ paragraphs: big, body: big.join('\n\n') });
    const { item, offload } = toStoredItem(r, 'bodies/');
    expect(offload).not.toBeNull();
    expect(item.bodyRef).toMatch(/^bodies\/a_1\/[0-9a-f]{16}\.json$/);
    // Same text, same key (a retried write finds it); other text, another key (never overwritten).
    expect(toStoredItem(r, 'bodies/').item.bodyRef).toBe(item.bodyRef);
    const changed = [...big.slice(0, -1), 'A new last paragraph.'];
    expect(toStoredItem(record({ paragraphs: changed, body: changed.join('\n\n') }), 'bodies/').item.bodyRef).not.toBe(item.bodyRef);
    expect(item.paragraphs).toEqual([]);
    expect(JSON.stringify(item).length).toBeLessThan(MAX_INLINE_ITEM_BYTES);
    const back = fromStoredItem(item, offload);
    expect(back.body).toBe(r.body);
    expect(back.removed).toEqual(r.removed);
  });

  it('round-trips cursors and rejects forged ones', () => {
    const key = { id: { S: 'a_1' }, outlet: { S: 'o' } };
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
    expect(encodeCursor(undefined)).toBeNull();
    expect(() => decodeCursor('not-a-cursor!!')).toThrow(InvalidCursorError);
  });
});

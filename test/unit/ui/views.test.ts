import { pageOrder } from '../../../lambdas/core/ui/page-order';
import { compareTexts } from '../../../lambdas/core/ui/text-compare';
import { uiRoute } from '../../../lambdas/core/ui/ui-routes';
import { titleMatches } from '../../../lambdas/core/ui/story-filter';
import { QueryParameterError } from '../../../lambdas/core/query/plan';
import { rawView } from '../../../lambdas/core/ui/raw-page';
import { addToStats, emptyStats } from '../../../lambdas/core/ui/review-stats';
import type { ArticleRecord } from '../../../lambdas/core/types';

describe('pageOrder', () => {
  const cut = (text: string, position?: number) => ({ text, rule: 'r', category: 'c', ...(position === undefined ? {} : { position }) });

  it('puts each removed block back before the paragraph it preceded', () => {
    const { items, positioned } = pageOrder(['p1', 'p2'], [cut('top', 0), cut('mid', 1), cut('end', 2)]);
    expect(positioned).toBe(true);
    expect(items.map((i) => (i.kind === 'kept' ? i.text : i.block.text))).toEqual(['top', 'p1', 'mid', 'p2', 'end']);
  });

  it('records without positions list their removed blocks after the text', () => {
    const { items, positioned } = pageOrder(['p1'], [cut('a'), cut('b')]);
    expect(positioned).toBe(false);
    expect(items.map((i) => (i.kind === 'kept' ? i.text : i.block.text))).toEqual(['p1', 'a', 'b']);
  });
});

describe('compareTexts', () => {
  it('marks shared, reworded and one-sided sentences and pairs the counterparts', () => {
    const canonical = ['The ministry said the offer was rejected by Washington on Monday. Officials declined to comment further.'];
    const copy = [
      'The ministry said the offer was rejected by Washington on Monday. Moscow officials said the offer was rejected on Monday by Washington again. A local reaction followed.',
    ];
    const c = compareTexts(canonical, copy);
    expect(c.shared).toBe(1);
    expect(c.left[0][0]).toMatchObject({ mark: 'shared', pair: 0 });
    expect(c.right[0][0]).toMatchObject({ mark: 'shared', pair: 0 });
    expect(c.left[0][1].mark).toBe('only');
    expect(c.rightOnly).toBe(c.right[0].filter((s) => s.mark === 'only').length);
    expect(c.leftOnly + c.shared + c.similar).toBe(2);
  });

  it('ignores house style (curly quotes, case) when deciding a sentence is shared', () => {
    const c = compareTexts(['He said “no deal” today.'], ['he said "No deal" today.']);
    expect(c.shared).toBe(1);
  });
});

describe('uiRoute', () => {
  it('maps paths to views and validates ids and parameters', () => {
    expect(uiRoute('/ui/', {})).toMatchObject({ view: 'stories', filter: { limit: 25, copiesOnly: false } });
    expect(uiRoute('/ui/stories/a_1', { member: 'a_2' })).toEqual({ view: 'story', id: 'a_1', member: 'a_2' });
    expect(uiRoute('/ui/articles/a_1', { category: 'newsletter' })).toEqual({ view: 'article', id: 'a_1', category: 'newsletter' });
    expect(uiRoute('/ui/raw/a_1', {})).toEqual({ view: 'raw', id: 'a_1' });
    expect(uiRoute('/ui/stats', {})).toEqual({ view: 'stats' });
    expect(uiRoute('/ui/elsewhere/x', {})).toEqual({ view: 'notFound' });
    expect(() => uiRoute('/ui/articles/%3Cscript%3E', {})).toThrow(QueryParameterError);
    expect(() => uiRoute('/ui/', { from: 'yesterday' })).toThrow(QueryParameterError);
    expect(() => uiRoute('/ui/', { outlet: 'a', agency: 'AP' })).toThrow(QueryParameterError);
  });
});

describe('titleMatches', () => {
  it('needs every word, ignoring case and accents', () => {
    expect(titleMatches('Kremlin says Putin wants a call', 'putin KREMLIN')).toBe(true);
    expect(titleMatches('Café owners protest', 'cafe')).toBe(true);
    expect(titleMatches('Kremlin says', 'biden')).toBe(false);
    expect(titleMatches(null, null)).toBe(true);
  });
});

describe('rawView', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('serves HTML as HTML without refresh redirects, text dumps as plain text, envelopes as their page', () => {
    const h = rawView(bytes('<html><meta http-equiv="refresh" content="0;url=http://example.invalid/"><p>Hi</p></html>'), 'raw/o/a.html');
    expect(h.contentType).toMatch(/^text\/html/);
    expect(h.body).not.toMatch(/refresh/i);
    expect(rawView(bytes('<p>a dump</p>'), 'raw/o/a.txt').contentType).toMatch(/^text\/plain/);
    expect(rawView(bytes(JSON.stringify({ html: '<p>x</p>' })), 'raw/o/a.json')).toEqual({ contentType: 'text/html; charset=utf-8', body: '<p>x</p>' });
    expect(rawView(new Uint8Array(), 'raw/o/a.html').body).toMatch(/empty/);
  });
});

describe('review stats', () => {
  it('counts records per rules version and status, removed blocks per category, and rejection reasons', () => {
    const rec = (status: 'clean' | 'rejected', rulesVersion: string, categories: string[], reason: string | null = null) =>
      ({
        id: `a_${Math.random()}`,
        outlet: 'o',
        sourceKey: 'k',
        status,
        reason,
        rulesVersion,
        removed: categories.map((category) => ({ text: '', rule: 'r', category })),
      }) as unknown as ArticleRecord;
    const s = addToStats(emptyStats(), [rec('clean', 'v1', ['ad', 'ad']), rec('rejected', 'v1', [], 'empty'), rec('clean', 'v2', ['nav'])]);
    expect(s.records).toBe(3);
    expect(s.versions.get('v1')).toEqual({ clean: 1, rejected: 1 });
    expect(Object.fromEntries(s.categories)).toEqual({ ad: 2, nav: 1 });
    expect(Object.fromEntries(s.reasons)).toEqual({ empty: 1 });
    expect(s.rejected).toHaveLength(1);
  });
});

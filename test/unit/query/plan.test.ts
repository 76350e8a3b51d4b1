import { planArticle, planArticleList, planExport, planStories, planStory, QueryParameterError } from '../../../lambdas/core/query/plan';
import { route } from '../../../lambdas/core/query/routes';

describe('query planner', () => {
  it('uses the table key for one article and the story index for a story', () => {
    expect(planArticle('a_123')).toEqual({ op: 'article', index: 'table', id: 'a_123' });
    expect(planStory('a_123')).toEqual({ op: 'story', index: 'byStory', id: 'a_123', cursor: null });
  });

  it('uses the outlet+published index for an outlet, with range, unique and paging', () => {
    expect(planArticleList({ outlet: 'rferl', from: '2021-03-22', to: '2021-03-23', unique: 'true', limit: '20', cursor: 'abc' })).toEqual({
      op: 'byOutlet',
      index: 'byOutletPublished',
      outlet: 'rferl',
      from: '2021-03-22',
      to: '2021-03-23',
      unique: true,
      cursor: 'abc',
      limit: 20,
    });
  });

  it('uses the agency index, normalising the agency code', () => {
    expect(planArticleList({ agency: 'reuters' })).toMatchObject({ op: 'byAgency', index: 'byAgency', agency: 'Reuters', unique: false, limit: 50 });
  });

  it('lists stories from the sparse stories index', () => {
    expect(planStories({})).toMatchObject({ op: 'stories', index: 'stories', newestFirst: false });
  });

  it('lists stories newest first on order=newest, and rejects other orders', () => {
    expect(planStories({ order: 'newest' })).toMatchObject({ newestFirst: true });
    expect(planStories({ order: 'oldest' })).toMatchObject({ newestFirst: false });
    expect(() => planStories({ order: 'random' })).toThrow(QueryParameterError);
  });

  it('never plans a scan except for an explicit export', () => {
    const plans = [
      planArticle('a'),
      planStory('a'),
      planArticleList({ outlet: 'o' }),
      planArticleList({ agency: 'AP' }),
      planStories({}),
      ...(['GET /articles/a', 'GET /stories/a', 'GET /stories'] as const).map((r) => {
        const res = route('GET', r.split(' ')[1], {});
        if (!('plan' in res)) throw new Error('no plan');
        return res.plan;
      }),
    ];
    expect(plans.map((p) => p.index)).not.toContain('scan');
    expect(planExport({}).index).toBe('scan');
  });

  it.each([
    [{}, /needs "outlet" or "agency"/],
    [{ outlet: 'o', agency: 'AP' }, /either "outlet" or "agency"/],
    [{ agency: 'Pravda' }, /Unknown wire agency "Pravda"/],
    [{ outlet: 'o', from: 'yesterday' }, /"from" must be an ISO 8601 date/],
    [{ outlet: 'o', from: '2021-03-23', to: '2021-03-22' }, /is after "to"/],
    [{ outlet: 'o', unique: 'maybe' }, /"unique" must be true or false/],
    [{ outlet: 'o', limit: '0' }, /"limit" must be a whole number from 1 to 500/],
    [{ outlet: 'o', limit: '9999' }, /"limit" must be a whole number/],
    [{ outlet: 'o', colour: 'red' }, /Unknown parameter "colour"/],
  ])('rejects %j with a clear sentence', (params, message) => {
    expect(() => planArticleList(params)).toThrow(QueryParameterError);
    expect(() => planArticleList(params)).toThrow(message);
  });

  it('rejects malformed ids', () => {
    expect(() => planArticle('')).toThrow(QueryParameterError);
    expect(() => planStory('a b/c')).toThrow(/not valid/);
  });
});

describe('routes', () => {
  it('maps the four routes and refuses others', () => {
    expect(route('GET', '/articles/a_1', {})).toEqual({ plan: planArticle('a_1') });
    expect(route('GET', '/articles', { outlet: 'x' })).toEqual({ plan: planArticleList({ outlet: 'x' }) });
    expect(route('GET', '/stories/a_1/', {})).toEqual({ plan: planStory('a_1') });
    expect(route('GET', '/stories', {})).toEqual({ plan: planStories({}) });
    expect(route('GET', '/nope', {})).toMatchObject({ status: 404 });
    expect(route('GET', '/articles/a/b', {})).toMatchObject({ status: 404 });
    expect(route('POST', '/articles/a_1', {})).toMatchObject({ status: 405 });
  });
});

describe('strict parameters', () => {
  it.each(['1e2', '0x10', ' 10x', '10.0', '+5', '-1', '0', '501', '1'.repeat(20)])('rejects limit=%j: decimal whole numbers only', (limit) => {
    expect(() => planArticleList({ outlet: 'o', limit })).toThrow(/"limit" must be a whole number from 1 to 500/);
    expect(() => planStories({ limit })).toThrow(QueryParameterError);
  });

  it('accepts decimal limits in range', () => {
    expect(planStories({ limit: '500' })).toMatchObject({ limit: 500 });
    expect(planArticleList({ outlet: 'o', limit: '7' })).toMatchObject({ limit: 7 });
  });

  it.each([
    '2021-13-45',
    '2021-00-10',
    '2021-02-29',
    '2021-04-31',
    '2021-03-22T24:00',
    '2021-03-22T10:60',
    '2021-03-22T10:00:61',
    '2021-03-22T10:00+15:00',
    '2021-3-2',
  ])('rejects from=%j: a date that does not exist', (from) => {
    expect(() => planArticleList({ outlet: 'o', from })).toThrow(/"from" must be an ISO 8601 date that exists/);
    expect(() => planStories({ to: from })).toThrow(/"to" must be an ISO 8601 date/);
  });

  it.each(['2020-02-29', '2000-02-29', '2021-12-31T23:59:59.999Z', '2021-03-22T10:00+05:30', '2021-03-22T10', '2021-03-22T10:00:00-0800'])(
    'accepts from=%j',
    (from) => {
      expect(planArticleList({ outlet: 'o', from })).toMatchObject({ from });
    },
  );

  it('bounds string lengths, without echoing the whole value', () => {
    expect(planArticleList({ outlet: 'o'.repeat(256) })).toMatchObject({ outlet: 'o'.repeat(256) });
    expect(() => planArticleList({ outlet: 'o'.repeat(257) })).toThrow('Parameter "outlet" is longer than 256 characters.');
    expect(() => planStories({ cursor: 'c'.repeat(2049) })).toThrow(/"cursor" is longer than 2048/);
    expect(() => planStories({ order: 'n'.repeat(65) })).toThrow(/"order" is longer than 64/);
    expect(() => planArticle('a'.repeat(5000))).toThrow(QueryParameterError);
    try {
      planArticle('a'.repeat(5000));
    } catch (err) {
      expect((err as Error).message.length).toBeLessThan(200);
    }
  });

  it('rejects unknown parameters on every route', () => {
    expect(() => planStories({ colour: 'red' })).toThrow('Unknown parameter "colour"; use from, to, order, cursor, limit.');
    expect(() => route('GET', '/stories', { outlet: 'x' })).toThrow(/Unknown parameter "outlet"/);
    expect(() => route('GET', '/articles/a_1', { limit: '5' })).toThrow('Unknown parameter "limit"; this route takes no parameters.');
    expect(() => route('GET', '/stories/a_1', { limit: '5' })).toThrow('Unknown parameter "limit"; use cursor.');
    expect(route('GET', '/stories/a_1', { cursor: 'abc' })).toEqual({ plan: { op: 'story', index: 'byStory', id: 'a_1', cursor: 'abc' } });
  });
});

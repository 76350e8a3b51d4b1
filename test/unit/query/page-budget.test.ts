import { PageBudget, RESPONSE_BUDGET_BYTES, responseBytes } from '../../../lambdas/core/query/page-budget';
import { startKeyAfter } from '../../../lambdas/core/store/record-layout';

describe('page byte budget', () => {
  it('counts an item as the Lambda response carries it: JSON escaped again inside the body string', () => {
    expect(responseBytes({ a: 'x' })).toBe(JSON.stringify(JSON.stringify({ a: 'x' })).length - 1);
    const quoted = { text: '"\n"\n'.repeat(1000) };
    expect(responseBytes(quoted)).toBeGreaterThan(1.7 * JSON.stringify(quoted).length);
    expect(responseBytes({ t: 'é' })).toBe(Buffer.byteLength(JSON.stringify(JSON.stringify({ t: 'é' }))) - 1);
  });

  it('admits items until the next would pass the budget, then none', () => {
    const b = new PageBudget(100);
    expect([b.admit(40), b.admit(40), b.admit(30), b.admit(1)]).toEqual([true, true, false, false]);
    expect(b.full).toBe(true);
  });

  it('always admits the first item, so paging moves on past an oversized one', () => {
    const b = new PageBudget(100);
    expect(b.admit(500)).toBe(true);
    expect(b.admit(1)).toBe(false);
  });

  it('stays under the 6 MB Lambda response limit with room for the envelope', () => {
    expect(RESPONSE_BUDGET_BYTES).toBeLessThanOrEqual(6 * 1024 * 1024 - 1_000_000);
  });

  it('resumes a query after an item from the table key and the index keys', () => {
    const item = { id: 'a_1', outlet: 'o', publishedSort: 'p#a_1', storyId: 's', storySort: 'q', title: 't' };
    expect(startKeyAfter(item, 'byOutletPublished')).toEqual({ id: 'a_1', outlet: 'o', publishedSort: 'p#a_1' });
    expect(startKeyAfter(item, 'byStory')).toEqual({ id: 'a_1', storyId: 's', storySort: 'q' });
    expect(startKeyAfter(item, null)).toEqual({ id: 'a_1' });
    expect(() => startKeyAfter(item, 'nope')).toThrow(/Unknown index/);
  });
});

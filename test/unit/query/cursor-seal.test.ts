import { randomBytes } from 'node:crypto';
import { cursorBinding, openCursor, openPlanCursor, sealCursor } from '../../../lambdas/core/query/cursor-seal';
import { planArticleList, planStories, planStory } from '../../../lambdas/core/query/plan';
import { encodeCursor, InvalidCursorError } from '../../../lambdas/core/store/record-layout';

const key = randomBytes(32);
const raw = encodeCursor({ id: { S: 'a_1' }, outlet: { S: 'rferl' }, publishedSort: { S: '2021-03-22#a_1' } }) as string;
const query = planArticleList({ outlet: 'rferl', from: '2021-03-01' });

describe('sealed cursors', () => {
  it('round-trips the store cursor for the query it came from, whatever the limit', () => {
    const sealed = sealCursor(key, cursorBinding(query), raw) as string;
    expect(sealed).not.toBe(raw);
    expect(openPlanCursor(key, planArticleList({ outlet: 'rferl', from: '2021-03-01', limit: '7', cursor: sealed }))).toMatchObject({ cursor: raw, limit: 7 });
    expect(sealCursor(key, cursorBinding(query), null)).toBeNull();
  });

  it('refuses an unsigned store cursor, a tampered one, and one signed with another key', () => {
    const sealed = sealCursor(key, cursorBinding(query), raw) as string;
    const flipped = (sealed[0] === 'e' ? 'f' : 'e') + sealed.slice(1);
    for (const bad of [raw, flipped, `${raw}.`, '.abc', sealed.slice(0, -2), sealCursor(randomBytes(32), cursorBinding(query), raw) as string]) {
      expect(() => openCursor(key, cursorBinding(query), bad)).toThrow(InvalidCursorError);
    }
  });

  it('refuses a cursor reused on another query or route', () => {
    const sealed = sealCursor(key, cursorBinding(query), raw) as string;
    for (const other of [
      planArticleList({ outlet: 'other', from: '2021-03-01', cursor: sealed }),
      planArticleList({ outlet: 'rferl', cursor: sealed }),
      planArticleList({ outlet: 'rferl', from: '2021-03-01', unique: 'true', cursor: sealed }),
      planStories({ from: '2021-03-01', cursor: sealed }),
      planStory('a_1', { cursor: sealed }),
    ]) {
      expect(() => openPlanCursor(key, other)).toThrow('The cursor is not valid; pass the cursor value from a previous page unchanged.');
    }
  });

  it('will not sign with a short key', () => {
    expect(() => sealCursor(Buffer.from('short'), 'q', raw)).toThrow(/at least 32 bytes/);
  });
});

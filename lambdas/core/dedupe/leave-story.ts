/**
 * An article whose cleaned body changed on reprocessing leaves everything its old body put in
 * the index: its key memberships, its story (the root and every folded story that lists it)
 * and its fingerprint. Assigning it again afterwards (with `revised: true`) places the new
 * body as if it had just arrived; the members it left keep their story.
 *
 * Safe to repeat: every step removes what may or may not still be there.
 */
import { indexKeys } from './fingerprint';
import type { FingerprintIndexPort } from './port';
import { storyTree } from './story-view';

export interface LeftStory {
  /** Live id of the story the article left; null when it was in none. */
  storyId: string | null;
  /** Members still in that story: zero means the story is gone. */
  remaining: number;
}

export async function leaveStory(articleId: string, port: FingerprintIndexPort): Promise<LeftStory> {
  const [stored] = await port.getArticles([articleId]);
  if (!stored) return { storyId: null, remaining: 0 };
  await port.removeFromKeys(indexKeys(stored.fingerprint), articleId);
  const storyId = stored.storyId ?? stored.assignment?.storyId ?? null;
  let left: LeftStory = { storyId: null, remaining: 0 };
  if (storyId) {
    const tree = await storyTree(storyId, port);
    for (const s of [tree.root, ...tree.folded]) if (articleId in s.members) await port.removeMember(s.storyId, articleId);
    left = { storyId: tree.root.storyId, remaining: Object.keys(tree.members).filter((id) => id !== articleId).length };
  }
  await port.forgetArticle(articleId);
  return left;
}

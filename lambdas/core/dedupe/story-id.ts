/**
 * Story ids. A story is named after the article that founded it; an article whose body changed
 * on reprocessing founds under `<articleId>~<body digest>` instead, because the story it left
 * may live on under its plain id.
 */
import type { Fingerprint } from './types';

const REVISION_SEPARATOR = '~';

export function revisedStoryId(articleId: string, bodyHash: string): string {
  return `${articleId}${REVISION_SEPARATOR}${bodyHash.slice(0, 12)}`;
}

/** The story this article founds when it matches nothing it can join. */
export function foundedStoryId(fp: Fingerprint): string {
  return fp.founds ?? fp.articleId;
}

/** The article that founded a story (whose fingerprint dates it). */
export function founderOf(storyId: string): string {
  const i = storyId.indexOf(REVISION_SEPARATOR);
  return i < 0 ? storyId : storyId.slice(0, i);
}

/**
 * The current state of a story for callers that must refresh other articles' records after a
 * join changed the canonical copy or merged stories: pass any story id an article was ever
 * given (merged ids are followed) and get the live story id, its canonical member and every
 * member's role. Reads the story items and the members' fingerprints (batch reads).
 */
import type { StoryRole } from '../types';
import { bestRanked } from './canonical';
import { resolveStory, roleOf } from './assign-story';
import type { FingerprintIndexPort, StoryState } from './port';

export interface StoryView {
  storyId: string;
  canonicalId: string;
  /** Canonical first, then by canonical rank. */
  members: { articleId: string; role: StoryRole }[];
  /** Every story folded into this one, directly or indirectly. */
  mergedStoryIds: string[];
}

/** Folded stories are followed this deep; merges form shallow trees in practice. */
const MAX_FOLDED = 256;

export interface StoryTree {
  root: StoryState;
  /** Stories folded into the root, directly or indirectly. */
  folded: StoryState[];
  /** Members of the root and of every folded story (a racing join may land on a folded one). */
  members: Record<string, string>;
}

/** The live story of any id it was ever given, with everything folded into it. */
export async function storyTree(storyId: string, port: FingerprintIndexPort): Promise<StoryTree> {
  const root = await resolveStory(storyId, port);
  const members: Record<string, string> = { ...root.members };
  const folded: StoryState[] = [];
  const seen = new Set([root.storyId]);
  let frontier = root.mergedFrom.filter((id) => !seen.has(id));
  while (frontier.length && folded.length < MAX_FOLDED) {
    frontier.forEach((id) => seen.add(id));
    const stories: StoryState[] = await port.getStories(frontier);
    folded.push(...stories);
    for (const s of stories) Object.assign(members, s.members);
    frontier = stories.flatMap((s) => s.mergedFrom).filter((id) => !seen.has(id));
  }
  return { root, folded, members };
}

export async function storyView(storyId: string, port: FingerprintIndexPort): Promise<StoryView> {
  const view = await liveStoryView(storyId, port);
  if (!view) throw new Error(`storyView: story ${storyId} has no members`);
  return view;
}

/**
 * The story as it stands, or null while it has no members yet: a racing writer can have
 * claimed an article into it (or merged it) without having added its member entry.
 */
export async function liveStoryView(storyId: string, port: FingerprintIndexPort): Promise<StoryView | null> {
  const { root, folded, members } = await storyTree(storyId, port);
  if (Object.keys(members).length === 0) return null;
  const canonicalId = bestRanked(members);
  const ids = Object.keys(members).sort((a, b) => (members[a] < members[b] ? -1 : 1));
  const articles = new Map((await port.getArticles(ids)).map((a) => [a.fingerprint.articleId, a]));
  const references = ids.flatMap((id) => {
    const a = articles.get(id);
    return a ? [a.fingerprint] : [];
  });
  return {
    storyId: root.storyId,
    canonicalId,
    members: ids.map((articleId) => {
      const a = articles.get(articleId);
      const role: StoryRole = a ? roleOf(a.fingerprint, canonicalId, references, a.assignment?.match ?? null) : 'copy';
      return { articleId, role };
    }),
    mergedStoryIds: folded.map((s) => s.storyId),
  };
}

import { assignStory, leaveStory, liveStoryView, storyTree, type FingerprintIndexPort, type LeftStory, type StoryView } from '../core/dedupe';
import { bestRanked } from '../core/dedupe/canonical';
import type { ArticleRecord } from '../core/types';
import type { ArticleStore } from '../adapters/article-store';

/**
 * Keeps the story fields on article records (storyId, role, canonicalId) in line with the
 * dedupe index, which is the source of truth for story membership.
 */

/** Reads of a story caught between a racing merge's two writes, and the first pause between them. */
const EMPTY_STORY_READS = 7;
const EMPTY_STORY_PAUSE_MS = 25;

/**
 * The live story, waiting out the short window in which a racing writer has pointed the story
 * at its merge root but not yet written the root's members or merged-from list (seen as an
 * empty story). Skipping the sync there would leave members on a stale canonical copy; failing
 * the message costs a receive. Still empty after ~3 s: fail, and the message is retried.
 */
async function settledStoryView(storyId: string, port: FingerprintIndexPort) {
  for (let attempt = 1; ; attempt++) {
    const view = await liveStoryView(storyId, port);
    if (view) return view;
    if (attempt >= EMPTY_STORY_READS) throw new Error(`story ${storyId} still has no members after ${attempt} reads`);
    await new Promise((resolve) => setTimeout(resolve, EMPTY_STORY_PAUSE_MS * 2 ** (attempt - 1)));
  }
}

/**
 * Passes over the members at most. Each pass after the first follows a change racing writers
 * made meanwhile; they settle within a few, and every writer that changed the story syncs too.
 */
const SYNC_PASSES = 8;

/**
 * Rewrites every member's story fields from the live story, and its member count (`exact`
 * after a member left; otherwise it only grows, see ArticleStore.setMemberCount).
 *
 * Writes are plain overwrites, so a writer holding an older view can land after one holding a
 * newer view and put a stale canonical copy back. The story is therefore read again after each
 * pass: when it is unchanged, nothing this pass wrote was stale; otherwise the next pass writes
 * the newer view. Of racing writers, the last to finish reads the final story and writes it.
 */
async function syncMembers(
  storyId: string,
  port: FingerprintIndexPort,
  articles: ArticleStore,
  self: ArticleRecord | null,
  count: 'grow' | 'exact',
): Promise<void> {
  let view = await settledStoryView(storyId, port);
  for (let pass = 1; ; pass++) {
    await writeStoryFields(view, articles, self);
    const after = await settledStoryView(view.storyId, port);
    if (sameStoryFields(view, after) || pass >= SYNC_PASSES) break;
    view = after;
  }
  await articles.setMemberCount(view.canonicalId, view.storyId, view.members.length, count);
}

async function writeStoryFields(view: StoryView, articles: ArticleStore, self: ArticleRecord | null): Promise<void> {
  for (const m of view.members) {
    const fields = { storyId: view.storyId, role: m.role, canonicalId: view.canonicalId };
    if (self && m.articleId === self.id) {
      Object.assign(self, fields);
      continue;
    }
    // 'absent': a member still being written by a racing invocation has no record yet; it
    // confirms its own after writing.
    await articles.setStory(m.articleId, fields);
  }
}

function sameStoryFields(a: StoryView, b: StoryView): boolean {
  const roles = (v: StoryView) => v.members.map((m) => `${m.articleId}:${m.role}`).join(',');
  return a.storyId === b.storyId && a.canonicalId === b.canonicalId && roles(a) === roles(b);
}

/** Before the record is written: assign its story, and update other members when it changed the canonical copy or merged stories. */
export async function assignStoryFields(record: ArticleRecord, port: FingerprintIndexPort, articles: ArticleStore, revised = false): Promise<void> {
  const a = await assignStory(
    { id: record.id, outlet: record.outlet, title: record.title, body: record.body, published: record.published, syndication: record.syndication, revised },
    port,
  );
  Object.assign(record, { storyId: a.storyId, role: a.role, canonicalId: a.canonicalId, match: a.match });
  if (a.mergedStoryIds.length > 0 || (a.match && a.canonicalId === record.id)) await syncMembers(a.storyId, port, articles, record, 'grow');
}

/**
 * After the record is written: a racing member may have become canonical while this record
 * did not exist yet (its update of this record then failed). One story read tells; the rare
 * mismatch is repaired from the live story.
 */
export async function confirmStoryFields(record: ArticleRecord, port: FingerprintIndexPort, articles: ArticleStore): Promise<void> {
  // The whole tree, as the sync reads it: members of a story folded in moments ago may not be
  // on the root yet, and judging by the root alone missed a changed canonical copy.
  const { root, members } = await storyTree(record.storyId, port);
  const canonical = Object.keys(members).length ? bestRanked(members) : record.canonicalId;
  if (root.storyId !== record.storyId || canonical !== record.canonicalId) {
    const before = { storyId: record.storyId, role: record.role, canonicalId: record.canonicalId };
    await syncMembers(root.storyId, port, articles, record, 'grow');
    if (before.storyId !== record.storyId || before.role !== record.role || before.canonicalId !== record.canonicalId) {
      await articles.setStory(record.id, { storyId: record.storyId, role: record.role, canonicalId: record.canonicalId });
    }
  }
  // Every join counts here, after its own write: of racing joiners, the last to add itself to
  // the index reads a tree holding them all, and counts only grow, so that count stands.
  await articles.setMemberCount(record.canonicalId, record.storyId, Object.keys(members).length, 'grow');
}

/**
 * Before a reprocessed record whose body changed (or that is now rejected) is written: it
 * leaves the story its old body was in and, when clean, is assigned afresh.
 */
export async function reassignStoryFields(record: ArticleRecord, port: FingerprintIndexPort, articles: ArticleStore): Promise<LeftStory> {
  const left = await leaveStory(record.id, port);
  if (record.status === 'clean') await assignStoryFields(record, port, articles, true);
  return left;
}

/**
 * After that record is written: the members it left get their canonical copy and roles
 * recomputed. A story nobody is left in needs nothing: no record names it any more.
 */
export async function refreshLeftStory(left: LeftStory, port: FingerprintIndexPort, articles: ArticleStore): Promise<void> {
  if (left.storyId && left.remaining > 0) await syncMembers(left.storyId, port, articles, null, 'exact');
}

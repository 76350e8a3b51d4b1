/**
 * In-memory FingerprintIndexPort with the DynamoDB adapter's semantics. Each method awaits
 * `yieldPoint` before touching state, so tests can interleave concurrent assignments the way
 * separate Lambda invocations interleave their DynamoDB calls.
 */
import { KEY_MEMBER_CAP, type FingerprintIndexPort, type KeyMembers, type StoredArticle, type StoryState } from './port';
import type { Assignment, Fingerprint } from './types';

/** An index's whole content; key members in the order they joined. */
export interface IndexSnapshot {
  articles: StoredArticle[];
  keys: { key: string; members: string[] }[];
  stories: StoryState[];
}

export interface MemoryIndexOptions {
  /** Awaited before every operation (default: none, fully synchronous in effect). */
  yieldPoint?: () => Promise<void>;
}

export class InMemoryFingerprintIndex implements FingerprintIndexPort {
  private readonly keys = new Map<string, Set<string>>();
  private readonly articles = new Map<string, Readonly<StoredArticle>>();
  private readonly stories = new Map<string, StoryState>();
  /** Operation counts by method, for call-budget tests. */
  readonly calls: Record<string, number> = {};

  constructor(private readonly options: MemoryIndexOptions = {}) {}

  /** Counts the call; returns the yield to await, if any (awaiting nothing would still cost a microtask per call). */
  private op(name: string): Promise<void> | undefined {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
    return this.options.yieldPoint?.();
  }

  async putArticle(fingerprint: Fingerprint): Promise<StoredArticle | null> {
    await this.op('putArticle');
    const known = this.articles.get(fingerprint.articleId);
    if (known) return clone(known);
    this.articles.set(fingerprint.articleId, Object.freeze({ fingerprint: Object.freeze(fingerprint), storyId: null, assignment: null }));
    return null;
  }

  async addToKeys(keys: readonly string[], articleId: string): Promise<KeyMembers[]> {
    const out: KeyMembers[] = [];
    // One atomic step per key, with a yield in between, like parallel UpdateItem calls.
    for (const key of keys) {
      const pause = this.op('addToKeys');
      if (pause) await pause;
      let set = this.keys.get(key);
      if (!set) this.keys.set(key, (set = new Set()));
      const members = set.has(articleId) ? [...set].filter((m) => m !== articleId) : [...set];
      const saturated = !set.has(articleId) && set.size >= KEY_MEMBER_CAP;
      if (!saturated) set.add(articleId);
      out.push({ key, members, saturated });
    }
    return out;
  }

  async getArticles(ids: readonly string[]): Promise<StoredArticle[]> {
    await this.op('getArticles');
    return ids.flatMap((id) => {
      const a = this.articles.get(id);
      return a ? [clone(a)] : [];
    });
  }

  async claimStory(articleId: string, storyId: string): Promise<string> {
    await this.op('claimStory');
    const a = this.articles.get(articleId);
    if (!a) throw new Error(`claimStory: unknown article ${articleId}`);
    if (a.storyId !== null) return a.storyId;
    this.articles.set(articleId, Object.freeze({ ...a, storyId }));
    return storyId;
  }

  async joinStory(storyId: string, members: Record<string, string>): Promise<StoryState> {
    await this.op('joinStory');
    const s = this.story(storyId);
    Object.assign(s.members, members);
    return cloneStory(s);
  }

  async getStories(storyIds: readonly string[]): Promise<StoryState[]> {
    await this.op('getStories');
    return storyIds.flatMap((id) => {
      const s = this.stories.get(id);
      return s ? [cloneStory(s)] : [];
    });
  }

  async mergeStory(from: string, into: string): Promise<string> {
    await this.op('mergeStory');
    const s = this.story(from);
    s.mergedInto ??= into;
    const target = this.story(s.mergedInto);
    if (!target.mergedFrom.includes(from)) target.mergedFrom.push(from);
    return s.mergedInto;
  }

  async saveAssignment(articleId: string, assignment: Assignment): Promise<void> {
    await this.op('saveAssignment');
    const a = this.articles.get(articleId);
    if (a) this.articles.set(articleId, Object.freeze({ ...a, assignment: deepFreeze(copyAssignment(assignment)) }));
  }

  async removeFromKeys(keys: readonly string[], articleId: string): Promise<void> {
    for (const key of keys) {
      await this.op('removeFromKeys');
      this.keys.get(key)?.delete(articleId);
    }
  }

  async removeMember(storyId: string, articleId: string): Promise<void> {
    await this.op('removeMember');
    delete this.stories.get(storyId)?.members[articleId];
  }

  async forgetArticle(articleId: string): Promise<void> {
    await this.op('forgetArticle');
    this.articles.delete(articleId);
  }

  /**
   * Everything stored, as plain data: lets a corpus assigned here be loaded into another index
   * in bulk (the benchmark fills DynamoDB this way instead of assigning thousands of articles there).
   */
  snapshot(): IndexSnapshot {
    return {
      articles: [...this.articles.values()],
      keys: [...this.keys.entries()].filter(([, set]) => set.size > 0).map(([key, set]) => ({ key, members: [...set] })),
      stories: [...this.stories.values()].map(cloneStory),
    };
  }

  private story(id: string): StoryState {
    let s = this.stories.get(id);
    if (!s) this.stories.set(id, (s = { storyId: id, members: {}, mergedInto: null, mergedFrom: [] }));
    return s;
  }
}

// Stored articles are frozen snapshots (replaced, never mutated), so callers can share them
// without copying and cannot corrupt the index by accident.
function clone(a: StoredArticle): StoredArticle {
  return a;
}

function copyAssignment(a: Assignment): Assignment {
  return { ...a, match: a.match && { ...a.match, scores: { ...a.match.scores } }, mergedStoryIds: [...a.mergedStoryIds] };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function cloneStory(s: StoryState): StoryState {
  return { storyId: s.storyId, members: { ...s.members }, mergedInto: s.mergedInto, mergedFrom: [...s.mergedFrom] };
}

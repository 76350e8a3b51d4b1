import type { ArticleRecord, DedupeMatch, StoryRole } from '../core/types';
import type { QueryPlan } from '../core/query/plan';
import { collectPages } from '../core/query/pages';
import type { ArticleStore, Page, StoryMemberFields } from './article-store';

/** Executes query plans against the article store; the CLI and the HTTP API both call this. */

export interface StoryMember {
  id: string;
  outlet: string;
  title: string | null;
  published: string | null;
  role: StoryRole;
  canonical: boolean;
  syndication: string[];
  wordCount: number;
  match: DedupeMatch | null;
  sourceKey: string;
}

export interface StoryResult {
  storyId: string;
  canonicalId: string;
  title: string | null;
  members: StoryMember[];
}

export interface StorySummary {
  storyId: string;
  canonicalId: string;
  title: string | null;
  outlet: string;
  published: string | null;
  members: number;
}

export type QueryResult =
  | { kind: 'article'; article: ArticleRecord | null }
  | { kind: 'story'; story: StoryResult | null }
  | { kind: 'articles'; items: ArticleRecord[]; cursor: string | null }
  | { kind: 'stories'; items: StorySummary[]; cursor: string | null };

/** Stories larger than this are listed up to it (syndicated AP stories reach hundreds). */
const MAX_STORY_MEMBERS = 2000;

export function memberOf(r: StoryMemberFields): StoryMember {
  return {
    id: r.id,
    outlet: r.outlet,
    title: r.title,
    published: r.published,
    role: r.role,
    canonical: r.id === r.canonicalId,
    syndication: r.syndication,
    wordCount: r.wordCount,
    match: r.match,
    sourceKey: r.sourceKey,
  };
}

/** Keep one record per story, the canonical one when the page has it. */
export function uniqueByStory(records: ArticleRecord[]): ArticleRecord[] {
  const best = new Map<string, ArticleRecord>();
  for (const r of records) {
    const key = r.status === 'clean' ? r.storyId : r.id;
    const seen = best.get(key);
    if (!seen || (r.id === r.canonicalId && seen.id !== seen.canonicalId)) best.set(key, r);
  }
  const keep = new Set([...best.values()].map((r) => r.id));
  return records.filter((r) => keep.has(r.id));
}

export class QueryService {
  constructor(private readonly articles: ArticleStore) {}

  async run(plan: QueryPlan): Promise<QueryResult> {
    switch (plan.op) {
      case 'article':
        return { kind: 'article', article: await this.articles.get(plan.id) };
      case 'story':
        return { kind: 'story', story: await this.story(plan.id) };
      case 'byOutlet':
        return this.list(await this.articles.byOutlet(plan.outlet, plan), plan.unique);
      case 'byAgency':
        return this.list(await this.articles.byAgency(plan.agency, plan), plan.unique);
      case 'stories':
        return this.stories(await this.articles.storyHeads(plan));
      case 'export':
        return this.list(await this.articles.scanAll(plan), false);
    }
  }

  private list(page: Page<ArticleRecord>, unique: boolean): QueryResult {
    return { kind: 'articles', items: unique ? uniqueByStory(page.items) : page.items, cursor: page.cursor };
  }

  private async stories(page: Page<ArticleRecord>): Promise<QueryResult> {
    const items = await Promise.all(
      page.items.map(async (r) => ({
        storyId: r.storyId,
        canonicalId: r.id,
        title: r.title,
        outlet: r.outlet,
        published: r.published,
        members: await this.articles.countStory(r.storyId),
      })),
    );
    return { kind: 'stories', items, cursor: page.cursor };
  }

  /** `id` may be the story id or any member's article id (story ids are article ids). */
  private async story(id: string): Promise<StoryResult | null> {
    const article = await this.articles.get(id);
    if (!article || article.status !== 'clean') return null;
    // Members without their text: a story can have hundreds of copies, and none of their text is shown here.
    const members: StoryMemberFields[] = await collectPages((cursor) => this.articles.storyMembers(article.storyId, { cursor, limit: 500 }), MAX_STORY_MEMBERS);
    if (members.length === 0) members.push(article);
    const canonicalId = members.find((m) => m.id === m.canonicalId)?.id ?? article.canonicalId;
    // Canonical first, then the copies in the order they were published.
    members.sort((a, b) => Number(b.id === canonicalId) - Number(a.id === canonicalId));
    const canonical = members[0];
    return { storyId: article.storyId, canonicalId, title: canonical.title, members: members.map(memberOf) };
  }
}

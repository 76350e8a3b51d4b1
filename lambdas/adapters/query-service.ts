import type { ArticleRecord, DedupeMatch, StoryRole } from '../core/types';
import type { QueryPlan } from '../core/query/plan';
import { PageBudget, responseBytes } from '../core/query/page-budget';
import type { ArticleStore, Page, StoryHead, StoryMemberFields } from './article-store';

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
  /** Canonical first on the first page; later pages (from `cursor`) hold the remaining copies. */
  members: StoryMember[];
  /** More members than one response holds: pass this back to read on; null when this is all. */
  cursor: string | null;
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

/** Members per story response at most (syndicated AP stories reach hundreds); the cursor reads on. */
export const MAX_STORY_MEMBERS = 2000;

/** Member counts read live at once, for story heads stored before counts were kept. */
const LIVE_COUNTS_AT_ONCE = 8;

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
        return { kind: 'story', story: await this.story(plan.id, plan.cursor) };
      case 'byOutlet':
        return this.list(await this.articles.byOutlet(plan.outlet, { ...plan, budget: new PageBudget() }), plan.unique);
      case 'byAgency':
        return this.list(await this.articles.byAgency(plan.agency, { ...plan, budget: new PageBudget() }), plan.unique);
      case 'stories':
        return this.stories(await this.articles.storyHeads({ ...plan, budget: new PageBudget() }));
      case 'export':
        return this.list(await this.articles.scanAll({ ...plan, budget: new PageBudget() }), false);
    }
  }

  private list(page: Page<ArticleRecord>, unique: boolean): QueryResult {
    return { kind: 'articles', items: unique ? uniqueByStory(page.items) : page.items, cursor: page.cursor };
  }

  private async stories(page: Page<StoryHead>): Promise<QueryResult> {
    const items: StorySummary[] = [];
    for (let i = 0; i < page.items.length; i += LIVE_COUNTS_AT_ONCE) {
      const batch = page.items.slice(i, i + LIVE_COUNTS_AT_ONCE);
      items.push(
        ...(await Promise.all(
          batch.map(async (r) => ({
            storyId: r.storyId,
            canonicalId: r.id,
            title: r.title,
            outlet: r.outlet,
            published: r.published,
            members: r.memberCount ?? (await this.articles.countStory(r.storyId)),
          })),
        )),
      );
    }
    return { kind: 'stories', items, cursor: page.cursor };
  }

  /** `id` may be the story id or any member's article id (story ids are article ids). Members are read without their text. */
  private async story(id: string, cursor: string | null): Promise<StoryResult | null> {
    const article = await this.articles.getMember(id);
    if (!article || article.status !== 'clean') return null;
    const canonical = article.id === article.canonicalId ? article : ((await this.articles.getMember(article.canonicalId)) ?? article);
    const budget = new PageBudget();
    const members: StoryMemberFields[] = [];
    // Canonical first, on the first page only; the index then gives the copies in published order.
    if (cursor === null) {
      budget.admit(responseBytes(memberOf(canonical)));
      members.push(canonical);
    }
    let next: string | null = cursor;
    do {
      const page = await this.articles.storyMembers(article.storyId, { cursor: next, limit: Math.min(500, MAX_STORY_MEMBERS - members.length), budget });
      members.push(...page.items.filter((m) => m.id !== canonical.id));
      next = page.cursor;
    } while (next && !budget.full && members.length < MAX_STORY_MEMBERS);
    return { storyId: article.storyId, canonicalId: canonical.id, title: canonical.title, members: members.map(memberOf), cursor: next };
  }
}

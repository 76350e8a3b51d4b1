import type { ArticleRecord } from '../core/types';
import { planStory } from '../core/query/plan';
import { fillPage, type CursorPage } from '../core/query/pages';
import type { StoryFilter } from '../core/ui/story-filter';
import { titleMatches } from '../core/ui/story-filter';
import type { StoryRow } from '../core/ui/stories-page';
import type { StoryView } from '../core/ui/story-page';
import { addToStats, emptyStats, type ReviewStats } from '../core/ui/review-stats';
import type { ArticleStore, StoryHead } from './article-store';
import type { S3ObjectStore } from './object-store';
import { QueryService, uniqueByStory } from './query-service';
import { NewsIngestError } from '../core/errors';

/** Story heads read for one filtered page of the review UI, at most (bounds a search that rarely matches). */
export const MAX_HEADS_PER_PAGE = 2000;

/** A member id that is not in the story asked for. */
export class NotInStoryError extends NewsIngestError {}

/**
 * What the review UI reads, over the same store and query service as the CLI and the API:
 * locally or against a deployed stack alike.
 */
export class ReviewSource {
  private readonly query: QueryService;

  constructor(
    private readonly articles: ArticleStore,
    private readonly objects: S3ObjectStore,
  ) {
    this.query = new QueryService(articles);
  }

  /** Stories newest first, filtered; paging uses the store's own cursors. */
  stories(f: StoryFilter): Promise<CursorPage<StoryRow>> {
    return fillPage(
      f.cursor,
      (cursor) => this.heads(f, cursor),
      (heads) => this.rows(heads, f),
      f.limit,
      MAX_HEADS_PER_PAGE,
    );
  }

  /** One record per story: the canonical records, or an outlet's / agency's articles reduced to one per story. */
  private async heads(f: StoryFilter, cursor: string | null): Promise<CursorPage<StoryHead>> {
    const range = { from: f.from, to: f.to, cursor, limit: f.limit, newestFirst: true };
    if (!f.outlet && !f.agency) return this.articles.storyHeads(range);
    const page = f.outlet ? await this.articles.byOutlet(f.outlet, range) : await this.articles.byAgency(f.agency as string, range);
    return { items: uniqueByStory(page.items).filter((r) => r.status === 'clean'), cursor: page.cursor };
  }

  private async rows(heads: StoryHead[], f: StoryFilter): Promise<StoryRow[]> {
    const rows = await Promise.all(
      heads.map(async (head): Promise<StoryRow | null> => {
        const canonical = head.id === head.canonicalId ? head : ((await this.articles.get(head.canonicalId)) ?? head);
        if (!titleMatches(canonical.title, f.q)) return null;
        const brief = await this.articles.storyOutlets(head.storyId);
        if (f.copiesOnly && brief.members < 2) return null;
        return {
          storyId: head.storyId,
          canonicalId: canonical.id,
          title: canonical.title,
          outlet: canonical.outlet,
          published: canonical.published,
          members: brief.members,
          outlets: brief.outlets,
          agency: canonical.syndication[0] ?? null,
        };
      }),
    );
    return rows.filter((r): r is StoryRow => r !== null);
  }

  /** A story with its members, and the chosen member (default: the first that is not canonical) beside the canonical copy. */
  async story(id: string, memberId: string | null): Promise<StoryView | null> {
    const r = await this.query.run(planStory(id));
    if (r.kind !== 'story' || !r.story) return null;
    const s = r.story;
    const chosen = memberId ?? s.members.find((m) => !m.canonical)?.id ?? null;
    if (chosen && !s.members.some((m) => m.id === chosen)) throw new NotInStoryError(`Article ${chosen} is not a member of story ${s.storyId}.`);
    const [canonical, member] = chosen ? await Promise.all([this.articles.get(s.canonicalId), this.articles.get(chosen)]) : [null, null];
    return { ...s, compare: canonical && member ? { canonical, member } : null };
  }

  article(id: string): Promise<ArticleRecord | null> {
    return this.articles.get(id);
  }

  /** The uploaded object behind a record (the raw bucket always keeps it). */
  rawObject(record: ArticleRecord): Promise<Uint8Array> {
    return this.objects.getBytes(record.sourceBucket, record.sourceKey);
  }

  /** Every record folded into the stats, one store page at a time (a full scan: the stats page is an explicit whole-table view). */
  async stats(): Promise<ReviewStats> {
    const stats = emptyStats();
    let cursor: string | null = null;
    for (let i = 0; i < 1_000_000; i++) {
      const page = await this.articles.scanAll({ cursor, limit: 500 });
      addToStats(stats, page.items);
      cursor = page.cursor;
      if (!cursor) break;
    }
    return stats;
  }
}

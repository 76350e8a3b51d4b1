/** Shared test inputs for dedupe: the seed articles (from the shared data) and seeded randomness. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DedupeDoc } from '../../../lambdas/core/dedupe';
import { seededRandom } from '../../support/random';

const REPO = path.resolve(__dirname, '../../..');
export const SHARED = process.env.NEWS_INGEST_SHARED ?? path.resolve(REPO, '../shared');

interface ExpectedSeed {
  title: string | null;
  published: string | null;
  syndication: string[];
  paragraphs: string[];
}

/** The five seeds as dedupe input: hand-labelled title and paragraphs of each page. */
export function loadSeedDocs(): DedupeDoc[] {
  const dir = path.join(SHARED, 'seeds/expected');
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[0-9a-f]+\.json$/.test(f))
    .sort()
    .map((f) => {
      const e = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as ExpectedSeed;
      const id = f.replace(/\.json$/, '');
      return {
        id,
        outlet: `seed-outlet-${id.slice(0, 3)}`,
        title: e.title,
        body: e.paragraphs.join('\n\n'),
        published: e.published,
        syndication: e.syndication,
      };
    });
}

export interface SeedClusters {
  same_story: string[][];
  reworded_copy_of: Record<string, string[]>;
  distinct_stories: string[];
}

export function loadSeedClusters(): SeedClusters {
  return JSON.parse(readFileSync(path.join(SHARED, 'seeds/expected/clusters.json'), 'utf8')) as SeedClusters;
}

export { seededRandom };

export function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

/** A yield point that lets other pending assignments run a random number of turns first. */
export function randomYield(rand: () => number): () => Promise<void> {
  return async () => {
    const turns = Math.floor(rand() * 4);
    for (let i = 0; i <= turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
  };
}

export interface SyntheticOptions {
  header?: string;
  footer?: string;
  /** Hours after 2024-05-01T00:00Z. */
  hour?: number;
  outlet?: string;
  /** Body paragraphs of two sentences each (default 4). */
  paragraphs?: number;
}

/**
 * A made-up article of pseudo-words (syllable soup with English glue words): every call draws
 * its own words, so two articles share nothing but the header and footer they are given.
 */
export function syntheticArticle(id: string, rand: () => number, options: SyntheticOptions = {}): DedupeDoc {
  const syllables = ['ka', 'lo', 'mer', 'tin', 'sa', 'ver', 'dun', 'pel', 'ri', 'gos', 'ban', 'tel', 'mu', 'dor', 'fen', 'ash'];
  const word = (): string => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => syllables[Math.floor(rand() * syllables.length)]).join('');
  const glue = ['the', 'of', 'and', 'in', 'to', 'a', 'said', 'with', 'for', 'on'];
  const sentence = (): string => {
    const words = Array.from({ length: 12 + Math.floor(rand() * 8) }, (_, k) => (k % 3 === 1 ? glue[Math.floor(rand() * glue.length)] : word()));
    return `${words[0][0].toUpperCase()}${words.join(' ').slice(1)}.`;
  };
  const paragraphs = Array.from({ length: options.paragraphs ?? 4 }, () => Array.from({ length: 2 }, sentence).join(' '));
  const minutes = Math.round((options.hour ?? 0) * 60);
  return {
    id,
    outlet: options.outlet ?? 'Riverside Gazette',
    title: sentence(),
    body: [options.header, ...paragraphs, options.footer].filter((p): p is string => Boolean(p)).join('\n\n'),
    published: new Date(Date.UTC(2024, 4, 1, 0, minutes)).toISOString(),
    syndication: [],
  };
}

/** Copies of one article by different outlets: some verbatim, some with the tail trimmed. */
export function copiesOf(base: DedupeDoc, n: number, prefix: string): DedupeDoc[] {
  const paragraphs = base.body.split('\n\n');
  return Array.from({ length: n }, (_, i) => ({
    ...base,
    id: `${prefix}-${String(i).padStart(2, '0')}`,
    outlet: `Outlet ${i}`,
    body: paragraphs.slice(0, Math.max(1, paragraphs.length - (i % 4))).join('\n\n'),
    syndication: [],
  }));
}

/** Shared test inputs for dedupe: the seed articles (from the shared data) and seeded randomness. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DedupeDoc } from '../../../lambdas/core/dedupe';

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
      return { id, outlet: `seed-outlet-${id.slice(0, 3)}`, title: e.title, body: e.paragraphs.join('\n\n'), published: e.published, syndication: e.syndication };
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

/** mulberry32 */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared evaluation data sits beside the repo; NEWS_INGEST_SHARED overrides its location. */
export const SHARED_DIR = process.env.NEWS_INGEST_SHARED ?? resolve(__dirname, '..', '..', '..', 'shared');
export const REPO_ROOT = resolve(__dirname, '..', '..');
export const SEED_FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'seeds');

export interface SeedExpectation {
  stem: string;
  title: string | null;
  paragraphs: string[];
}

export function seedExpectations(): SeedExpectation[] {
  const dir = join(SHARED_DIR, 'seeds', 'expected');
  if (!existsSync(dir)) throw new Error(`Seed expectations not found in ${dir}; set NEWS_INGEST_SHARED.`);
  return readdirSync(dir)
    .filter((f) => /^\d{3}_.*\.json$/.test(f))
    .sort()
    .map((f) => {
      const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { title: string | null; paragraphs: string[] };
      return { stem: f.replace(/\.json$/, ''), title: gold.title, paragraphs: gold.paragraphs };
    });
}

export const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

import { createHash } from 'node:crypto';
import { RULES_VERSION, type BaseRuleTable } from '../rules';
import type { CleanResult } from '../types';

/** The rules an ingest runs with: the shipped tables plus any configured extra tables, and their version. */
export interface RulesConfig {
  extraRules: BaseRuleTable[];
  version: string;
}

/** Extra tables change the version, so records cleaned with them are told apart (and reprocessed). */
export function rulesConfig(extraRules: BaseRuleTable[] = []): RulesConfig {
  if (extraRules.length === 0) return { extraRules, version: RULES_VERSION };
  const serial = JSON.stringify(extraRules, (_k, v: unknown) => (v instanceof RegExp ? `/${v.source}/${v.flags}` : v));
  return { extraRules, version: `${RULES_VERSION}+${createHash('sha256').update(serial).digest('hex').slice(0, 8)}` };
}

/** The cleaner's output fields: what a rules change can alter. */
const OUTPUT_FIELDS = [
  'status',
  'reason',
  'title',
  'standfirst',
  'byline',
  'published',
  'syndication',
  'credits',
  'paragraphs',
  'headings',
  'language',
  'sourceUrl',
  'removed',
] as const;

export function sameCleanOutput(a: CleanResult, b: CleanResult): boolean {
  return OUTPUT_FIELDS.every((f) => JSON.stringify(a[f]) === JSON.stringify(b[f]));
}

/** Paragraph-level diff for dry-run previews: lines only in `before` (-) and only in `after` (+). */
export function paragraphDiff(before: string[], after: string[]): { removed: string[]; added: string[] } {
  const a = new Set(after);
  const b = new Set(before);
  return { removed: before.filter((p) => !a.has(p)), added: after.filter((p) => !b.has(p)) };
}

/**
 * Per-outlet template learning, pure side. The caller (ingest) keeps, per outlet, how many
 * articles contained each block key and passes the counts in `options.templateCounts`;
 * a block counted in `templateMinCount` or more earlier articles is outlet chrome.
 *
 * Safety (no story line is ever lost): kept sentences are never offered for counting
 * (`templateCandidates`), and a sentence inside the story run is never removed by the
 * template rule, so two outlet copies of one wire story cannot erase its paragraphs.
 * The price: a footer written as a full sentence is not learned (rules must catch it).
 */
import { createHash } from 'node:crypto';
import type { Block, CleanResult } from '../types';
import { STRUCTURE_THRESHOLDS as T, TEXT_PATTERNS as P } from '../rules';
import { comparable, effectiveWords, endsSentence } from './text-signals';

/** Stable 16-hex key of a block's normalised text (case, quotes, dashes, spacing, digits folded). */
export function templateLineKey(text: string): string {
  const normal = comparable(text).replace(P.digitRun, '0');
  return createHash('sha256').update(normal).digest('hex').slice(0, 16);
}

/** Whether a block is story-like enough that the template rule must never remove it. */
export function isTemplateSafeProse(text: string): boolean {
  return effectiveWords(text) >= T.templateSafeProseWords && endsSentence(text);
}

/**
 * Keys the caller should count for this article (each once): every removed block and
 * every kept block that is not full story prose. Pass the CleanResult of the article or its
 * blocks. Counting happens after cleaning, so an article never counts towards its own
 * template decision.
 */
export function templateCandidates(source: CleanResult | readonly Block[] | readonly string[]): string[] {
  let texts: string[];
  if (Array.isArray(source)) {
    texts = (source as readonly (Block | string)[]).map((b) => (typeof b === 'string' ? b : b.text));
  } else {
    const result = source as CleanResult;
    texts = [...result.removed.map((r) => r.text), ...result.headings, ...result.paragraphs];
  }
  const keys = new Set<string>();
  for (const text of texts) if (text.trim() && !isTemplateSafeProse(text)) keys.add(templateLineKey(text));
  return [...keys];
}

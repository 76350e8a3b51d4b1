/**
 * Public surface of the cleaning core (contract used by the ingest handler, the CLI,
 * the evaluation and the benchmark).
 *
 * - cleanArticle(input, options): the record fields for one page.
 * - templateLineKey(text): key under which callers count a block per outlet.
 * - templateCandidates(result | blocks): the keys to count for one article, each once:
 *   removed blocks and kept non-sentence blocks (headings, short lines), never kept story
 *   sentences. Feed the per-outlet totals back as `options.templateCounts`; a block seen in
 *   `STRUCTURE_THRESHOLDS.templateMinCount` (2) earlier articles is outlet chrome unless it
 *   is a sentence inside the story run.
 */
export { cleanArticle, cleanDetailed, DEFAULT_DOM, NO_TEXT_REASON } from './clean-article';
export type { CleanDetail, KeptBlock, TraceEntry } from './clean-article';
export { templateCandidates, templateLineKey } from './template';
export { textToBlocks } from './text-blocks';

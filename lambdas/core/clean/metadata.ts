/**
 * Metadata mined from chrome blocks before they are dropped: bylines, datelines,
 * syndication disclaimers and credit lines.
 */
import type { RuleMatch } from './match-rules';
import { agenciesIn, datelineAgency } from './agencies';
import { parseDateline, stripDate } from './dates';
import { STRUCTURE_THRESHOLDS as T, TEXT_PATTERNS as P } from '../rules';

export interface MinedMetadata {
  byline: string | null;
  published: string | null;
  syndication: string[];
  credits: string[];
}

export function emptyMetadata(): MinedMetadata {
  return { byline: null, published: null, syndication: [], credits: [] };
}

function pushUnique(list: string[], values: readonly string[]): void {
  for (const v of values) if (!list.includes(v)) list.push(v);
}

/** "By Jane Doe, Staff Writer" → "Jane Doe, Staff Writer"; "19 March 2021 - 13:46 Andrey Biryukov" → "Andrey Biryukov". */
export function bylineName(text: string): string | null {
  const name = stripDate(text).replace(P.bylineBrackets, '').replace(P.bylinePrefix, '').replace(P.bylineTail, '').trim();
  return P.twoLetters.test(name) && name.length <= T.bylineMaxChars ? name : null;
}

/** Folds one removed block into the metadata, by what its rule says it carries. */
export function mineBlock(text: string, match: RuleMatch, into: MinedMetadata): void {
  const extract = match.rule.extract;
  if (extract === 'byline' || extract === 'published') {
    if (!into.published) into.published = parseDateline(text);
    if (extract === 'byline' && !into.byline) into.byline = bylineName(text);
  } else if (extract === 'syndication') {
    pushUnique(into.syndication, agenciesIn(text));
  } else if (extract === 'credits') {
    pushUnique(into.credits, agenciesIn(text));
  }
}

/** Wire datelines at the top of the story ("MOSCOW (AP) —") name the copy's agency. */
export function mineParagraphs(paragraphs: readonly string[], into: MinedMetadata): void {
  for (const p of paragraphs.slice(0, T.wireDatelineParagraphs)) {
    const agency = datelineAgency(p);
    if (agency) pushUnique(into.syndication, [agency]);
  }
}

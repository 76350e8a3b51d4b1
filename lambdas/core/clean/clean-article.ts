/**
 * The cleaning pipeline: blocks → keyword rules → structure (story run, repeats, title,
 * templates) → record fields. Pure: strings in, plain objects out, never throws for content.
 */
import type { CleanInput, CleanOptions, CleanResult, RemovedBlock } from '../types';
import { STRUCTURAL_RULES as S, STRUCTURE_THRESHOLDS as T, TEXT_PATTERNS as P, ruleOpens } from '../rules';
import { initialState, remove, removeByMatch, type BlockState } from './block-state';
import { parseDateline } from './dates';
import { htmlToBlocks, type HtmlExtraction } from './html-blocks';
import type { DomEngine } from './html-dom';
import { recordLanguage } from './language';
import { activeTables, matchRule, type RuleMatch } from './match-rules';
import { bylineName, emptyMetadata, mineBlock, mineParagraphs } from './metadata';
import { bestRun, type Run } from './story-run';
import { isTemplateSafeProse, templateLineKey } from './template';
import { comparable, endsSentence, hasWordChars, isGluedTeaser, isHeadingLike, titleCaseShare } from './text-signals';
import { findTailCut, isSectionMarker } from './tail-cut';
import { textToBlocks } from './text-blocks';
import { findTitle, leadingStandfirst } from './title-finder';

/** linkedom: same output as jsdom on the dev split and golden cases, several times faster. */
export const DEFAULT_DOM: DomEngine = 'linkedom';
export const NO_TEXT_REASON = 'No article text found in the page.';

/** One kept block in page order; the evaluation scores these (headings included). */
export interface KeptBlock {
  text: string;
  role: 'paragraph' | 'heading';
}

/** Every block in page order with its fate: what `explain` shows and what tuning reads. */
export interface TraceEntry {
  text: string;
  kept: boolean;
  role: 'paragraph' | 'heading';
  rule: string | null;
  prose: boolean;
}

export interface CleanDetail {
  result: CleanResult;
  kept: KeptBlock[];
  trace: TraceEntry[];
}

/** A rejected result with nothing kept: the one empty shape every path that rejects uses. */
export function emptyResult(reason: string): CleanResult {
  return {
    status: 'rejected',
    reason,
    title: null,
    standfirst: null,
    byline: null,
    published: null,
    syndication: [],
    credits: [],
    paragraphs: [],
    headings: [],
    language: null,
    sourceUrl: null,
    removed: [],
  };
}

function applyRules(states: BlockState[], options: CleanOptions): void {
  const tables = activeTables(options.extraRules);
  for (const s of states) {
    if (!hasWordChars(s.norm)) {
      s.match = matchRule(s.norm, tables);
      if (s.match) removeByMatch(s);
      else remove(s, S.emptyText.id, S.emptyText.category);
      continue;
    }
    s.match = matchRule(s.norm, tables);
    // Edge rules (bylines, author boxes) wait until the story run is known.
    if (s.match && s.match.rule.where !== 'edge') removeByMatch(s);
  }
  joinBylineValues(states, tables);
}

/**
 * A bare "By" label opens its byline: the line after it is the name when the two read together
 * as a byline ("By" + "Sarah Lane"). The name line then carries that byline match, so it is
 * removed and mined as the byline instead of passing for a headline or a story line.
 */
function joinBylineValues(states: BlockState[], tables: ReturnType<typeof activeTables>): void {
  for (let i = 0; i + 1 < states.length; i++) {
    const label = states[i];
    const value = states[i + 1];
    if (!ruleOpens(label.match?.rule, 'byline-value') || value.match || value.verdict !== 'undecided') continue;
    const joined = matchRule(`${label.norm.replace(P.colonEnd, '')} ${value.norm}`, tables);
    if (joined?.rule.extract === 'byline') value.match = joined;
  }
}

/** A whole line that is a bracketed picture credit: "(Image credit: NASA/JPL)". */
const isBracketedCredit = (s: BlockState) => s.match?.category === 'caption' && P.bracketedCredit.test(s.norm);

function applyStructure(states: BlockState[], isHtml: boolean): void {
  // The line right above a bracketed picture credit is that picture's caption.
  for (let i = 1; i < states.length; i++) {
    const s = states[i - 1];
    if (s.verdict === 'undecided' && !s.match && s.block.kind !== 'heading' && s.words <= T.captionMaxWords && isBracketedCredit(states[i]))
      remove(s, S.creditedCaption.id, S.creditedCaption.category);
  }
  const counts = new Map<string, number>();
  for (const s of states) counts.set(s.key, (counts.get(s.key) ?? 0) + 1);
  // A slideshow page tells its story in the picture captions: with no prose outside figures, they stay.
  const gallery = isHtml && !states.some((s) => s.verdict === 'undecided' && s.prose && s.block.kind !== 'caption');
  for (const s of states) {
    if (s.verdict !== 'undecided') continue;
    if (isHtml && s.block.kind === 'caption' && !(gallery && s.prose)) remove(s, S.figureCaption.id, S.figureCaption.category);
    else if (isGluedTeaser(s.norm)) remove(s, S.gluedTeaser.id, S.gluedTeaser.category);
    // In HTML, Readability's container repeats content on purpose (recipes, tables, lists).
    else if (!isHtml && (counts.get(s.key) ?? 0) > 1 && s.words < T.repeatedMaxWords) remove(s, S.repeated.id, S.repeated.category);
  }
}

function htmlRun(states: readonly BlockState[]): Run | null {
  return states.length ? { start: 0, end: states.length - 1, proseChars: 0, proseBlocks: 0 } : null;
}

/**
 * Prose characters per block. Story-list items count with a small weight: enough to carry
 * the run across the list, never enough for a list alone (a form, a menu) to outweigh a story.
 */
function proseProfile(states: readonly BlockState[]): number[] {
  const seen = new Set<string>();
  return states.map((s) => {
    if (s.verdict !== 'undecided' || s.match) return 0;
    // A later copy of a prose line (a teaser printed twice, a repeated warning) adds no story text.
    if (s.prose) return seen.has(s.key) && s.words >= T.proseLongWords ? 0 : (seen.add(s.key), s.norm.length);
    return s.listItem ? s.norm.length * T.listItemWeight : 0;
  });
}

/** Removed by a keyword rule or as a page repeat: chrome that has been named. */
const isNamedChrome = (s: BlockState) => s.verdict === 'remove' && s.category !== 'comments' && (s.match !== null || s.rule === S.repeated.id);

/**
 * A "Related" / "More from" heading opens a box of headlines, inside or after a story. "Read
 * also" labels open one too, but only ever inside a story, so they open no section (tail-cut.ts).
 */
const isBoxHeading = (s: BlockState) => ruleOpens(s.match?.rule, 'box');

/** The keyword rule that removed a block, when one did (structure may have removed it instead). */
const removedByRule = (s: BlockState) => (s.match && s.rule === s.match.rule.id ? s.match.rule : null);

/** Chrome that sits inside a story (photo captions and credits, gallery counters), once a rule has named it. */
const INLINE_CHROME = new Set(['caption', 'image-placeholder']);

function isInlineChrome(s: BlockState): boolean {
  return s.verdict === 'remove' && s.match !== null && s.rule === s.match.rule.id && INLINE_CHROME.has(s.match.category);
}

/** A short line carrying a time or a year: a comment's author-and-date header, a post's date. */
const isStamp = (s: BlockState) => !s.prose && s.words <= T.stampMaxWords && P.stamp.test(s.norm);

/**
 * Text dumps: the story run, found over the blocks that are not inline chrome, so a photo
 * gallery (caption, credit, "Image 2 of 5" per picture) inside a story neither splits it
 * nor thins its density.
 */
function textRun(states: readonly BlockState[]): Run | null {
  const open = states.filter((s) => !isInlineChrome(s));
  const run = bestRun(
    proseProfile(open),
    T.maxGapBlocks,
    (i) => isSectionMarker(open[i]),
    (i) => open[i].match?.category === 'comments',
    (i) => isBoxHeading(open[i]),
    (i) => isNamedChrome(open[i]),
    (i) => isStamp(open[i]),
  );
  return run ? { ...run, start: states.indexOf(open[run.start]), end: states.indexOf(open[run.end]) } : null;
}

const isOpen = (s: BlockState) => s.verdict === 'undecided' && !s.match;
/** "1) …", "2. …", "3a etapa: …", "4th …": the number of a numbered list item, or -1. */
function itemNumber(s: BlockState): number {
  const m = P.listItemNumber.exec(s.norm);
  return m ? Number(m[1]) : -1;
}

/**
 * Text dumps: lists that belong to the story, marked so they count as story text (a list of
 * short lines is otherwise a gap that ends the story run): short lines announced by a
 * sentence ending in a colon ("The five companies are:"), and sequentially numbered items
 * ("1) …", "2) …") with at most a line or two between them. Menus are neither numbered in
 * sequence nor announced by a sentence.
 */
function markContentLists(states: BlockState[]): void {
  for (let i = 0; i < states.length; i++) {
    const s = states[i];
    if (!isOpen(s) || !P.colonEnd.test(s.norm) || s.words < T.listIntroMinWords) continue;
    let j = i + 1;
    while (j < states.length && j - i <= T.listMaxItems && isOpen(states[j]) && !states[j].prose) j++;
    const items = j - i - 1;
    if (items >= T.listMinItems && items <= T.listMaxItems) for (let k = i + 1; k < j; k++) states[k].listItem = true;
    i = j - 1;
  }
  for (let i = 0; i < states.length; i++) {
    if (!isOpen(states[i]) || itemNumber(states[i]) < 0) continue;
    const chain = [i];
    for (let j = i + 1; j < states.length && j - chain[chain.length - 1] <= T.listMaxBetween + 1; j++) {
      if (!isOpen(states[j])) break;
      if (itemNumber(states[j]) === itemNumber(states[chain[chain.length - 1]]) + 1) chain.push(j);
    }
    if (chain.length < T.listMinItems) continue;
    const last = chain[chain.length - 1];
    // The last item keeps as many following lines as the items before it had (a link, a price).
    const tail = Math.min(T.listMaxBetween, chain[1] - chain[0] - 1);
    let end = last;
    while (end < last + tail && end + 1 < states.length && isOpen(states[end + 1]) && itemNumber(states[end + 1]) < 0) end++;
    for (let k = i; k <= end; k++) if (isOpen(states[k])) states[k].listItem = true;
    i = end;
  }
}

function isStoryProse(s: BlockState): boolean {
  return s.verdict === 'undecided' && s.prose && !s.match;
}

/**
 * Edge rules (bylines, author boxes) apply before the first / after the last story sentence,
 * or a few blocks inside. Returns the matches set aside as too deep inside the story.
 */
function resolveEdgeRules(states: BlockState[], start: number, end: number): Map<BlockState, RuleMatch> {
  let first = start;
  while (first < end && !isStoryProse(states[first])) first++;
  let last = end;
  while (last > first && !isStoryProse(states[last])) last--;
  const deferred = new Map<BlockState, RuleMatch>();
  for (const [i, s] of states.entries()) {
    if (s.verdict !== 'undecided' || !s.match) continue;
    const nearEdge = i < first + T.edgeBlocks || i > last - T.edgeBlocks;
    // A byline block right under one already removed belongs to the same byline cluster.
    const clustered = i > 0 && states[i - 1].verdict === 'remove' && states[i - 1].category === 'byline' && s.match.category === 'byline';
    if (nearEdge || clustered) removeByMatch(s);
    else {
      deferred.set(s, s.match);
      s.match = null;
    }
  }
  return deferred;
}

/**
 * Once the end sections (headline boxes, tail lists) are cut, the story may end earlier than
 * it first seemed: an author bio that sat above a teaser box now stands at the edge.
 */
function resolveDeferredEdges(states: BlockState[], deferred: Map<BlockState, RuleMatch>): void {
  if (deferred.size === 0) return;
  let last = -1;
  for (let i = states.length - 1; i >= 0 && last < 0; i--) if (states[i].verdict !== 'remove' && states[i].prose) last = i;
  for (let i = Math.max(0, last - T.edgeBlocks + 1); i < states.length; i++) {
    const s = states[i];
    const match = deferred.get(s);
    if (!match || s.verdict === 'remove') continue;
    s.match = match;
    removeByMatch(s);
  }
}

function isPromoHeadline(s: BlockState): boolean {
  return s.words >= T.promoHeadlineMinWords && !endsSentence(s.norm) && titleCaseShare(s.norm) >= T.titleCaseShare;
}

/**
 * HTML: short labels above the first sentence (view counts, kickers, dates in odd formats)
 * are page furniture; a real story opens with a sentence or a subheading under one.
 */
function removeLeadingShort(states: BlockState[], start: number, end: number): void {
  for (let i = start; i <= end; i++) {
    const s = states[i];
    if (isStoryProse(s)) return;
    if (s.verdict === 'undecided' && !endsSentence(s.norm) && s.words < T.leadingShortMaxWords) remove(s, S.leadingShort.id, S.leadingShort.category);
  }
}

/**
 * A "Related" / "More from" heading inside the story opens a box of headlines: the short,
 * unpunctuated blocks right after it belong to the box, up to the next sentence.
 */
function removeMarkedLists(states: BlockState[]): void {
  for (const [i, s] of states.entries()) {
    if (s.verdict !== 'remove') continue;
    const rule = removedByRule(s);
    if (ruleOpens(rule, 'tag-values')) removeTagValues(states, i);
    if (!ruleOpens(rule, 'box')) continue;
    for (let j = i + 1; j < states.length && j <= i + T.markedListMaxBlocks; j++) {
      const b = states[j];
      if (b.verdict === 'remove') continue;
      if (b.prose || endsSentence(b.norm)) break;
      remove(b, S.headlineList.id, S.headlineList.category);
    }
  }
}

/**
 * A bare "Tags" / "Topics" label is followed by its values: one comma-separated line (which
 * can be long enough to pass for prose) or a few short tag lines, up to the next sentence.
 */
function removeTagValues(states: BlockState[], label: number): void {
  for (let j = label + 1; j < states.length && j <= label + T.markedListMaxBlocks; j++) {
    const b = states[j];
    if (b.verdict === 'remove') continue;
    if (endsSentence(b.norm) || (b.prose && (b.norm.match(P.commaSeparator)?.length ?? 0) < T.tagLineMinCommas)) break;
    remove(b, S.tagValues.id, S.tagValues.category);
  }
}

/**
 * HTML: headings stacked with no sentence between them are a headline box (a story's
 * subheadings have paragraphs under them): either several headings in a row, or a longer
 * run of headings and unpunctuated teaser lines (kicker / headline pairs).
 */
function removeHeadingStacks(states: BlockState[]): void {
  let stack: BlockState[] = [];
  const flush = () => {
    const headings = stack.filter((h) => h.block.kind === 'heading').length;
    const box =
      headings === stack.length ? headings >= T.headingStackMin : stack.length >= T.teaserStackMin && headings >= T.teaserStackMin * T.teaserStackHeadingShare;
    if (box) for (const h of stack) remove(h, S.headlineList.id, S.headlineList.category);
    stack = [];
  };
  for (const s of states) {
    if (s.verdict === 'remove') continue;
    const teaser = s.block.kind === 'paragraph' && !endsSentence(s.norm) && s.words <= T.teaserMaxWords;
    if ((s.block.kind === 'heading' || teaser) && !s.prose) stack.push(s);
    else flush();
  }
  flush();
}

/** All-capitals lines of several words that are not sentences: promoted headlines ("CLICK HERE TO GET THE APP"). */
function isCapsPromo(s: BlockState): boolean {
  if (s.words < T.capsPromoMinWords || endsSentence(s.norm)) return false;
  // A stray lower-case letter or two ("AMs", "McCARTHY") still reads as all capitals.
  const lower = s.norm.match(P.lowerLetter)?.length ?? 0;
  const upper = s.norm.match(P.upperLetter)?.length ?? 0;
  return upper > 0 && lower <= upper * T.capsPromoMaxLowerShare;
}

function cutTail(states: BlockState[], start: number, end: number, isHtml: boolean): void {
  const cut = findTailCut(states, start, end, isHtml);
  if (cut < 0) return;
  for (let i = cut; i <= end; i++) {
    const s = states[i];
    if (s.verdict === 'remove') continue;
    if (s.match) removeByMatch(s);
    else remove(s, S.headlineList.id, S.headlineList.category);
  }
}

function decideInsideRun(states: BlockState[], start: number, end: number, templateCounts: Record<string, number> | undefined, isHtml: boolean): void {
  const seenProse = new Set<string>();
  for (let i = start; i <= end; i++) {
    const s = states[i];
    if (s.verdict !== 'undecided') continue;
    if (templateCounts && (templateCounts[templateLineKey(s.norm)] ?? 0) >= T.templateMinCount && !isTemplateSafeProse(s.norm)) {
      remove(s, S.template.id, S.template.category);
    } else if (s.prose) {
      if (!isHtml && seenProse.has(s.key)) remove(s, S.repeated.id, S.repeated.category);
      else {
        seenProse.add(s.key);
        s.verdict = 'keep';
      }
    } else if (s.block.kind === 'heading' || s.listItem) {
      s.verdict = 'keep';
    } else if (isCapsPromo(s)) {
      remove(s, S.capsPromo.id, S.capsPromo.category);
    } else if (!isHtml && isPromoHeadline(s)) {
      remove(s, S.promoHeadline.id, S.promoHeadline.category);
    } else {
      s.verdict = 'keep';
      if (isHeadingLike(s.norm) && s.block.kind === 'paragraph') s.role = 'heading';
    }
  }
}

/**
 * Text dumps: short non-sentence lines kept after the last story paragraph are labels of
 * whatever follows the story ("Related articles", "Leave a comment", "More information:"):
 * a story ends on a sentence.
 */
function removeTrailingLabels(states: BlockState[]): void {
  for (let i = states.length - 1; i >= 0; i--) {
    const s = states[i];
    if (s.verdict !== 'keep') continue;
    const label = announcesList(s.norm) || (s.words < T.proseMinWords && !endsSentence(s.norm));
    if (s.prose || s.listItem || !label) return;
    remove(s, S.trailingShort.id, S.trailingShort.category);
  }
}

/**
 * Lines kept above a byline or dateline that opens the story are headline material (a
 * headline, a kicker, a standfirst): the story starts under its byline. Only one or two
 * kept lines, so a byline printed after the opening paragraphs never costs them.
 */
function removeAboveLeadingByline(states: BlockState[]): BlockState | null {
  const first = states.findIndex((s) => s.verdict === 'keep');
  if (first < 0) return null;
  const above: BlockState[] = [];
  for (let i = first; i < states.length && i <= first + T.edgeBlocks + 1; i++) {
    const s = states[i];
    if (s.verdict === 'keep') {
      if (above.length === T.leadingBylineMaxLines) return null;
      above.push(s);
    } else if (s.category === 'byline') {
      const lead = [...above].reverse().find((b) => b.role === 'paragraph') ?? null;
      for (const b of above) remove(b, S.standfirst.id, S.standfirst.category);
      return lead;
    }
  }
  return null;
}

/** Short lines that carry data rather than name a box: "VIP : 60,000₩", a date, a web address, "Art der Aufnahme: Digitalfoto". */
const isTrailingFact = (s: BlockState) => P.trailingFact.test(s.norm) || s.listItem;

/**
 * HTML: short unpunctuated lines after the last story sentence ("Weitere Informationen:",
 * "Auch interessant", "Community") are the labels of boxes whose contents are already cut.
 */

function removeTrailingShort(states: BlockState[]): void {
  let last = states.length - 1;
  while (last >= 0 && !(states[last].verdict === 'keep' && states[last].prose)) last--;
  if (last < 0) return;
  for (let i = states.length - 1; i > last; i--) {
    const s = states[i];
    if (s.verdict !== 'keep') continue;
    if (s.words > T.trailingShortMaxWords || (endsSentence(s.norm) && !P.colonEnd.test(s.norm)) || isTrailingFact(s)) return;
    remove(s, S.trailingShort.id, S.trailingShort.category);
  }
}

function removeOutside(states: BlockState[], start: number, end: number): void {
  for (const [i, s] of states.entries()) {
    if (s.verdict !== 'undecided' || (i >= start && i <= end)) continue;
    if (s.match) removeByMatch(s);
    else remove(s, S.outsideStory.id, S.outsideStory.category);
  }
}

/** "Lesen Sie auch:", "Das könnte dich auch interessieren …": a line that announces what follows it. */
const announcesList = (text: string) => P.announcesList.test(text.trim());

/** A story often ends on a short sentence ("He declined to comment.") too short to count as prose. */
function extendOverClosingSentences(states: readonly BlockState[], run: Run): void {
  for (let i = run.end + 1; i < states.length; i++) {
    const s = states[i];
    if (s.verdict !== 'undecided' || s.match || !endsSentence(s.norm) || s.words < T.closingSentenceMinWords || announcesList(s.norm)) break;
    run.end = i;
  }
}

/**
 * Text dumps: sentence-length lines between a byline/dateline and the first prose block are
 * the story's opening (a lede without a final full stop), not its headline or standfirst:
 * those stand above the byline.
 */
function extendUnderByline(states: readonly BlockState[], start: number): number {
  let i = start - 1;
  while (i >= 0 && start - i <= T.underBylineMaxLines && states[i].verdict === 'undecided' && !states[i].match && states[i].words >= T.proseMinWords) i--;
  if (i === start - 1 || i < 0) return start;
  const s = states[i];
  return s.verdict === 'remove' && s.category === 'byline' ? i + 1 : start;
}

function removeEchoes(states: BlockState[], title: string | null): void {
  if (!title) return;
  const key = comparable(title);
  for (const s of states) if (s.verdict !== 'remove' && s.key === key) remove(s, S.titleEcho.id, S.titleEcho.category);
}

/**
 * Pages often print the headline several times (og card, share card, page heading); those
 * copies read as prose and would open the story run. Echoed lines at the top of the run
 * are headline material, so the story starts after them.
 */
function skipEchoedLead(states: readonly BlockState[], start: number, end: number): number {
  const counts = new Map<string, number>();
  for (const s of states) counts.set(s.key, (counts.get(s.key) ?? 0) + 1);
  let i = start;
  while (i < end && (counts.get(states[i].key) ?? 0) > 1 && states[i].words <= T.echoedLeadMaxWords) {
    i++;
    while (i < end && !(states[i].verdict === 'undecided' && states[i].prose && !states[i].match)) i++;
  }
  return i;
}

export function cleanDetailed(input: CleanInput, options: CleanOptions = {}): CleanDetail {
  const isHtml = input.format === 'html';
  let html: HtmlExtraction | null = null;
  try {
    html = isHtml ? htmlToBlocks(input.content, options.dom ?? DEFAULT_DOM) : null;
  } catch {
    return { result: emptyResult('The HTML page could not be parsed.'), kept: [], trace: [] };
  }
  const blocks = html ? html.blocks : textToBlocks(input.content);
  const states = blocks.map(initialState);

  applyRules(states, options);
  applyStructure(states, isHtml);

  // Readability already chose the article container, so in HTML the whole container is the
  // run (rules and structure still apply); text dumps need the story run found.
  const run = isHtml ? htmlRun(states) : (markContentLists(states), textRun(states));
  let title: string | null = null;
  let standfirst: string | null = null;
  if (run) {
    const deferredEdges = resolveEdgeRules(states, run.start, run.end);
    if (html) {
      title = html.meta.title ?? html.readabilityTitle;
    } else {
      run.start = skipEchoedLead(states, run.start, run.end);
      extendOverClosingSentences(states, run);
      run.start = extendUnderByline(states, run.start);
      const found = findTitle(states, run.start);
      const lead = found.standfirst ? null : leadingStandfirst(states, run.start, run.end);
      const sf = found.standfirst ?? lead;
      if (found.title) {
        title = found.title.block.text;
        remove(found.title, S.title.id, S.title.category);
      }
      if (sf) {
        standfirst = sf.block.text;
        remove(sf, S.standfirst.id, S.standfirst.category);
      }
    }
    removeEchoes(states, title);
    removeMarkedLists(states);
    if (isHtml) removeHeadingStacks(states);
    removeOutside(states, run.start, run.end);
    if (isHtml) removeLeadingShort(states, run.start, run.end);
    cutTail(states, run.start, run.end, isHtml);
    resolveDeferredEdges(states, deferredEdges);
    decideInsideRun(states, run.start, run.end, options.templateCounts, isHtml);
    if (!isHtml) removeTrailingLabels(states);
    const aboveByline = removeAboveLeadingByline(states);
    if (aboveByline && !standfirst) standfirst = aboveByline.block.text;
    if (isHtml) removeTrailingShort(states);
  } else {
    removeOutside(states, 0, -1);
  }

  const kept: KeptBlock[] = states.filter((s) => s.verdict === 'keep').map((s) => ({ text: isHtml ? s.norm : s.block.text, role: s.role }));
  const paragraphs = kept.filter((k) => k.role === 'paragraph').map((k) => k.text);
  const headings = kept.filter((k) => k.role === 'heading').map((k) => k.text);
  const removed: RemovedBlock[] = states
    .filter((s) => s.verdict === 'remove')
    .map((s) => ({ text: s.block.text, rule: s.rule ?? S.outsideStory.id, category: s.category ?? S.outsideStory.category }));

  const mined = emptyMetadata();
  let lastKept = -1;
  states.forEach((s, i) => {
    if (s.verdict === 'keep') lastKept = i;
  });
  states.forEach((s, i) => {
    if (s.verdict !== 'remove' || !s.match || s.rule !== s.match.rule.id) return;
    const authorship = s.match.rule.extract === 'byline' || s.match.rule.extract === 'published';
    if (authorship && lastKept >= 0 && i > lastKept + T.metadataTailBlocks) return;
    mineBlock(s.norm, s.match, mined);
  });
  mineParagraphs(paragraphs, mined);

  const storyWords = states.filter((s) => s.verdict === 'keep' && s.role === 'paragraph').reduce((n, s) => n + s.words, 0);
  const body = paragraphs.join('\n\n');
  const result: CleanResult = {
    status: storyWords >= T.minStoryWords ? 'clean' : 'rejected',
    reason: storyWords >= T.minStoryWords ? null : NO_TEXT_REASON,
    title: title?.trim() || null,
    standfirst: standfirst?.trim() || null,
    byline: htmlByline(html) ?? mined.byline,
    published: (html?.meta.published ? parseDateline(html.meta.published) : null) ?? mined.published,
    syndication: mined.syndication,
    credits: mined.credits,
    paragraphs,
    headings,
    language: recordLanguage(html?.meta.language ?? null, body),
    sourceUrl: html?.meta.canonicalUrl ?? input.url ?? null,
    removed,
  };
  const trace = states.map((s) => ({ text: s.block.text, kept: s.verdict === 'keep', role: s.role, rule: s.rule, prose: s.prose }));
  return { result, kept, trace };
}

/** The page's own byline (meta tags, else Readability's pick), read as the text path reads one: "By Ann Lee" → "Ann Lee". */
function htmlByline(html: HtmlExtraction | null): string | null {
  const raw = html ? (html.meta.byline ?? html.readabilityByline) : null;
  return raw ? bylineName(raw) : null;
}

export function cleanArticle(input: CleanInput, options: CleanOptions = {}): CleanResult {
  return cleanDetailed(input, options).result;
}

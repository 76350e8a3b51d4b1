/**
 * Small text measurements shared by the story finder, the rules and the metadata code.
 * Kept in one place so "what counts as prose" has a single definition.
 */
import { STRUCTURE_THRESHOLDS as T, TEXT_PATTERNS as P } from '../rules';

export function collapseSpace(text: string): string {
  return text.replace(P.space, ' ').trim();
}

/** Quote- and case-insensitive form used to compare lines (title echoes, repeats, templates). */
export function comparable(text: string): string {
  return collapseSpace(text).toLowerCase().replace(P.singleQuotes, "'").replace(P.doubleQuotes, '"').replace(P.dashes, '-');
}

export function countWords(text: string): number {
  const m = text.match(P.word);
  return m ? m.length : 0;
}

export function hasWordChars(text: string): boolean {
  return P.wordChar.test(text);
}

/**
 * Ends like a sentence: terminal punctuation, optionally followed by closing quotes/brackets.
 * Invisible format characters after it (zero-width space, bidi marks, BOM: \p{Cf}) are what
 * editors and CMSs leave behind, not text, so they do not hide the full stop.
 */
export function endsSentence(text: string): boolean {
  return P.sentenceEnd.test(text.trim());
}

/** Scripts without spaces between words carry many letters per "word". */
function isDenseScript(text: string): boolean {
  return P.denseScript.test(text);
}

/** Effective word count: dense scripts count roughly one word per three characters. */
export function effectiveWords(text: string): number {
  const words = countWords(text);
  if (!isDenseScript(text)) return words;
  return Math.max(words, Math.round(text.replace(P.space, '').length / T.denseScriptCharsPerWord));
}

/** A block that reads as story prose rather than a label, link or headline. */
export function isProse(text: string): boolean {
  const words = effectiveWords(text);
  if (words >= T.proseLongWords) return true;
  return words >= T.proseMinWords && endsSentence(text);
}

/** Share of words starting with a capital letter (short function words ignored). */
export function titleCaseShare(text: string): number {
  const words = text.match(P.letterWord) ?? [];
  const content = words.filter((w) => w.length > T.titleCaseShortWordChars || P.capitalised.test(w));
  if (content.length === 0) return 0;
  return content.filter((w) => P.capitalised.test(w)).length / content.length;
}

/** Short, unpunctuated, title-like: a subheading or a headline. */
export function isHeadingLike(text: string): boolean {
  const words = countWords(text);
  return words >= 1 && words <= T.headingMaxWords && !endsSentence(text) && !P.clauseEnd.test(text.trim()) && P.headingStart.test(text.trim());
}

/**
 * "Headline Text In Title CaseThe teaser sentence…": a headline glued to its summary with no
 * space (adjacent elements in a teaser card). Story prose never opens with a title-case run
 * fused to the next sentence.
 */
export function isGluedTeaser(text: string): boolean {
  const lead = text.slice(0, T.gluedTeaserLeadChars);
  // Cheap pre-check: every seam below has a lower-case letter or digit right before a capital.
  if (!P.gluedSeamHint.test(lead)) return isDatelineTeaser(lead, text);
  // Four lower-case letters before the capital: brand names (MacBook, PlayStation) have fewer.
  const m = P.gluedSeam.exec(lead);
  if (m && isTitleHead(text.slice(0, m.index + m[1].length))) return true;
  // Weaker seams: a headline ending in a number or a short word ("… To 250,000The state…",
  // "… $690 BillAt least…"), or a teaser opening with a one-letter word ("…AthleteA 24-year-old…").
  // Brand names look the same, so the rest must read as a full sentence of its own.
  for (const w of lead.matchAll(P.weakGluedSeam)) {
    const cut = (w.index ?? 0) + w[0].length;
    const rest = text.slice(cut);
    if (isTitleHead(text.slice(0, cut), T.weakSeamTitleCaseShare) && countWords(rest) >= T.proseMinWords && endsSentence(rest)) return true;
  }
  return isDatelineTeaser(lead, text);
}

/**
 * "Minister resigns over contracts row NEW DELHI: The minister…": a headline followed by
 * the teaser's opening dateline. A story's own dateline opens its line; one after a
 * headline-length run of words is a teaser card flattened into one line.
 */
function isDatelineTeaser(lead: string, text: string): boolean {
  if (!lead.includes(': ')) return false;
  for (const d of lead.matchAll(P.inlineDateline)) {
    const at = d.index ?? 0;
    const place = d[1].replace(P.notUpper, '');
    if (place.length < T.datelineMinCapitals) continue;
    const head = text.slice(0, at);
    const rest = text.slice(at + d[0].length - 1);
    if (countWords(head) >= T.datelineTeaserMinHeadWords && !P.headEndsSentence.test(head) && countWords(rest) >= T.proseMinWords) return true;
  }
  return false;
}

function isTitleHead(head: string, minShare: number = T.gluedHeadTitleCaseShare): boolean {
  return countWords(head) >= T.gluedHeadMinWords && titleCaseShare(head) >= minShare;
}

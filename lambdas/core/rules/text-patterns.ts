/**
 * Regexes the structural code reads text with, by name. They decide what counts as a word,
 * a sentence, a headline or a stamp as much as the keyword tables decide what is chrome, so
 * they live here: inside RULES_VERSION and the regex-safety test.
 */
import { anyOf, AUTHOR_LABELS, BY_WORDS } from './pattern-pieces';

/** Byline words as a name is cut out of its line ("By Ann Lee" → "Ann Lee"): the byline rules' words, any case. */
const BYLINE_PREFIX_WORDS = [...new Set([...BY_WORDS, ...AUTHOR_LABELS].map((w) => w.toLowerCase()))];

/** `n` words in capitals, the longest tried first ("NEW DELHI", "U.S."); spelled out, as a repeated group would nest quantifiers. */
const capsWords = (n: number) => Array.from({ length: n }, () => String.raw`\p{Lu}[\p{Lu}.'’-]+`).join(' ');

export const TEXT_PATTERNS = {
  /** Runs of whitespace, folded to one space. */
  space: /\s+/g,
  /** Quote and dash variants folded when lines are compared. */
  singleQuotes: /[‘’‚‛′`]/g,
  doubleQuotes: /[“”„‟″]/g,
  dashes: /[–—]/g,
  /** A word: letters or digits, with inner apostrophes, dots and hyphens ("O’Neill", "3.5", "e-mail"). */
  word: /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu,
  wordChar: /[\p{L}\p{N}]/u,
  /**
   * Ends like a sentence: terminal punctuation, optionally followed by closing quotes/brackets.
   * Invisible format characters after it (zero-width space, bidi marks, BOM: \p{Cf}) are what
   * editors and CMSs leave behind, not text, so they do not hide the full stop.
   */
  sentenceEnd: /[.!?…。！？:;][\p{Cf}"'”’»)\]]*$/u,
  /** Scripts written without spaces between words. */
  denseScript: /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u,
  letterWord: /[\p{L}][\p{L}'’-]*/gu,
  capitalised: /^\p{Lu}/u,
  lowerLetter: /\p{Ll}/gu,
  upperLetter: /\p{Lu}/gu,
  notUpper: /[^\p{Lu}]/gu,
  /** A heading never ends in a comma or semicolon (a line cut mid-sentence does)... */
  clauseEnd: /[,;]$/,
  /** ...and starts with a capital, a digit, a quote or a bracket. */
  headingStart: /^[\p{Lu}\p{N}"“‘'(]/u,
  /** Cheap pre-check for a glued teaser: a lower-case letter or digit right before a capital. */
  gluedSeamHint: /[\p{Ll}\d][?!.…:]?\p{Lu}/u,
  /** Headline glued to its teaser: four lower-case letters (brand names like MacBook have fewer), then a capitalised word. */
  gluedSeam: /(\p{Ll}{4}[?!.…:]?|\p{Ll}[?!…])(\p{Lu}\p{Ll})/u,
  /** Weaker seams: a headline ending in a number or a short word, or a teaser opening with a one-letter word. */
  weakGluedSeam: /\p{Ll}{3}(?=\p{Lu}\p{Ll})|(?<![\p{L}\d,.])\d[\d,.]*(?=\p{Lu}\p{Ll})|\p{Ll}{4}(?=\p{Lu} [\p{L}\d])/gu,
  /** A capitals dateline inside a line: " NEW DELHI: The…". */
  inlineDateline: new RegExp(` (${anyOf([3, 2, 1].map(capsWords))}): \\S`, 'gu'),
  headEndsSentence: /[.!?]["'”’]?$/u,
  /** A sentence ending in a full stop (not a question or exclamation). */
  fullStopEnd: /\.["'”’»)]*$/u,
  /** A whole line that is a bracketed picture credit: "(Image credit: NASA/JPL)". */
  bracketedCredit: /^\((image|photo|picture|photograph)( credit)?: [^()]{1,80}\)$/i,
  /** A time or a year: what a comment's author-and-date header carries. */
  stamp: /\b(?:\d{1,2}[:h]\d{2}|(?:19|20)\d{2})\b/u,
  /** "1) …", "2. …", "3a etapa: …", "4th …": the number of a numbered list item. */
  listItemNumber: /^(\d{1,3})(?:[.)]|[aoºª]|st|nd|rd|th)\s+\S/u,
  /** Separator of comma-separated tag values. */
  commaSeparator: /, /g,
  /** Data rather than a box label: a digit, "key: value", a web address. */
  trailingFact: /\d|\S ?: \S|www\.|https?:|\.(com|org|net|de)\b/i,
  /** "Lesen Sie auch:", "Das könnte dich auch interessieren …": a line announcing what follows it. */
  announcesList: /(:|…|\.\.\.)$/u,
  /** Brackets around a byline: "（记者 张伟）". */
  bylineBrackets: /^[（(]\s*|\s*[）)]$/g,
  /** The byline word before a name, or the CJK reporter label. */
  bylinePrefix: new RegExp(String.raw`^(${anyOf(BYLINE_PREFIX_WORDS)})\s*:?\s+|^(本报|新华社)?(记者|作者|文)\s*[:：/／]?\s*`, 'iu'),
  /** What follows a name after a bar or bullet ("Ann Lee | Madrid"), or its day ("Tom Hale on Monday, … at 8:05 am"). */
  bylineTail: /\s*[|•].*$|\s+on \p{L}{3,}.*$/u,
  twoLetters: /\p{L}{2}/u,
  /** A letter, counted to tell whether there is enough text to name its language. */
  letter: /\p{L}/gu,
  /** Digits, folded so an outlet's template line is one key whatever its counts and dates ("Image 2 of 5"). */
  digitRun: /\d+/g,
  /** A line ending in a colon: it introduces what follows (a story list, a box of facts). */
  colonEnd: /:$/,
} as const;

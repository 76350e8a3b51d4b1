/**
 * Paragraph and sentence segmentation on the original (cased) text, for every script. Cased
 * scripts need case to tell "U.S. officials" from a sentence end, which normalisation would
 * erase; caseless scripts (Arabic, Devanagari, CJK, Thai…) start sentences with any letter, and
 * many have stops of their own.
 */

// Words after which a full stop does not end a sentence ("Mr. Putin", "U.S. officials").
const ABBREVIATIONS = new Set(
  'mr mrs ms dr st sr jr gen gov sen rep lt col capt sgt prof inc ltd co corp no vs jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);

/**
 * Stops that end a sentence whatever follows, because their scripts use them for nothing else:
 * Arabic question mark, Urdu full stop, Devanagari danda and double danda, ideographic and
 * halfwidth full stops, Ethiopic, Myanmar, Khmer, Tibetan, Armenian, Syriac and Mongolian stops.
 * (NFKC has already turned the fullwidth ！ ？ ． into ! ? . , which the rules for those handle.)
 */
const HARD_STOP = '\u061F\u06D4\u0964\u0965\u3002\uFF61\u1362\u1367\u1368\u104B\u17D4\u0F0D\u0589\u0700\u0701\u0702\u1803';
/** Full stop, question and exclamation mark: a boundary only when what follows starts a sentence. */
const SOFT_STOP = '.!?';
const CANDIDATE = new RegExp(`[${SOFT_STOP}${HARD_STOP}]`, 'g');
/** Closing quotes and brackets that belong to the sentence before a stop ends it. */
const CLOSERS = '"\'\u201D\u2019)]\u00BB\u300D\u300F\u3011\uFF09';
/** Opening quotes and brackets that may precede a sentence's first letter. */
const OPENERS = '"\'\u201C\u2018([\u00AB\u300C\u300E\u3010\uFF08';

const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;
const NUMBER = /\p{N}/u;
const CASELESS_LETTER = /[\p{Lo}\p{Lm}]/u;
const SPACE = /\s/;

export function splitParagraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  const n = paragraph.length;
  let start = 0;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(paragraph); m; m = CANDIDATE.exec(paragraph)) {
    const stop = m.index;
    let end = stop + 1;
    while (end < n && (CLOSERS.includes(paragraph[end]) || paragraph[end] === paragraph[stop])) end++;
    if (end >= n) break;
    if (!HARD_STOP.includes(paragraph[stop]) && !startsSentence(paragraph, stop, end, start)) continue;
    const sentence = paragraph.slice(start, end).trim();
    if (sentence) out.push(sentence);
    start = end;
    CANDIDATE.lastIndex = end;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/**
 * Whether a soft stop at `stop` (closers up to `end`) ends a sentence. After a space, the next
 * sentence starts with a capital, a figure or a letter of a caseless script; a lower-case letter
 * means an abbreviation ("e.g. the"). Without a space, only between letters of caseless scripts
 * ("…هناك.وقال", "…了!他…"): in cased scripts that is a URL, a decimal or an initialism.
 */
function startsSentence(text: string, stop: number, end: number, floor: number): boolean {
  let i = end;
  while (i < text.length && SPACE.test(text[i])) i++;
  const spaced = i > end;
  while (i < text.length && OPENERS.includes(text[i])) i++;
  if (i >= text.length) return false;
  const next = text[i];
  if (spaced) {
    if (!(NUMBER.test(next) || (LETTER.test(next) && !LOWER.test(next)))) return false;
  } else if (!(CASELESS_LETTER.test(next) && stop > floor && CASELESS_LETTER.test(text[stop - 1]))) {
    return false;
  }
  if (text[stop] !== '.') return true;
  const lastWord = wordBefore(text, stop, floor);
  // A single letter before the dot is an initial or part of "U.S."; a known abbreviation too.
  return !(lastWord.length === 1 || ABBREVIATIONS.has(lastWord.toLowerCase()));
}

/** The run of letters ending just before `end` (scanning back no further than `floor`). */
function wordBefore(text: string, end: number, floor: number): string {
  let i = end;
  while (i > floor && isLetter(text, i - 1)) i--;
  return text.slice(i, end);
}

function isLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(text[i]);
}

/**
 * Text normalisation shared by every fingerprint: copies differ in house style (curly quotes,
 * dashes, case, "15%" vs "15 percent"), and none of that may change a hash. Digits are kept:
 * figures are among the few tokens that survive rewording.
 */

// One pass for all single-character variants: this runs over every character of every article.
const VARIANT_CHARS = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\t\f\v\u00A0]/g;
const SINGLE_QUOTES = '\u2018\u2019\u201A\u201B\u2032\u0060\u00B4';
const DOUBLE_QUOTES = '\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB';
const PERCENT = /\s*%|\bper\s+cent\b/gi;

function canonicalChar(c: string): string {
  if (SINGLE_QUOTES.includes(c)) return "'";
  if (DOUBLE_QUOTES.includes(c)) return '"';
  if (c === '\t' || c === '\f' || c === '\v' || c === '\u00A0') return ' ';
  return '-';
}

/** Unicode and punctuation variants folded, case kept (sentence splitting still needs it). */
export function canonicalise(text: string): string {
  const folded = text.normalize('NFKC').replace(VARIANT_CHARS, canonicalChar);
  // Most texts have neither form; skip the slower pattern for them.
  return folded.includes('%') || /per\s+cent/i.test(folded) ? folded.replace(PERCENT, ' percent') : folded;
}

export function normaliseText(text: string): string {
  return canonicalise(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

const ALNUM_OTHER = /[\p{L}\p{N}]/u;
const DIGIT_OTHER = /\p{N}/u;

// Hand-rolled scan instead of a Unicode regex: tokenizing is the hot loop of fingerprinting.
function isDigit(c: number, ch: string): boolean {
  return (c >= 48 && c <= 57) || (c > 127 && DIGIT_OTHER.test(ch));
}

function isWordChar(c: number, ch: string): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c > 127 && ALNUM_OTHER.test(ch));
}

/**
 * Tokens of already normalised text: runs of letters and digits. A decimal point or thousands
 * separator between digits stays inside the token ("4.75", "65,000"), an apostrophe between
 * letters too ("don't"); a trailing possessive "'s" is dropped.
 */
export function tokenize(normalised: string): string[] {
  const out: string[] = [];
  const n = normalised.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(normalised.charCodeAt(i), normalised[i])) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (i < n && isWordChar(normalised.charCodeAt(i), normalised[i])) i++;
      const c = normalised.charCodeAt(i);
      if (i + 1 < n && (c === 46 || c === 44) && isDigit(normalised.charCodeAt(i - 1), normalised[i - 1]) && isDigit(normalised.charCodeAt(i + 1), normalised[i + 1])) {
        i++;
        continue;
      }
      if (i + 1 < n && c === 39 && isWordChar(normalised.charCodeAt(i + 1), normalised[i + 1]) && !isDigit(normalised.charCodeAt(i + 1), normalised[i + 1])) {
        i++;
        continue;
      }
      break;
    }
    const t = normalised.slice(start, i);
    out.push(t.endsWith("'s") ? t.slice(0, -2) : t);
  }
  return out;
}

/**
 * A crude plural/verb-s fold so "figures" meets "figure"; anything smarter would need a
 * dictionary and would still miss the synonyms spinning tools pick.
 */
export function stem(token: string): string {
  if (token.length > 3 && token.endsWith('s') && !token.endsWith('ss')) {
    return token.endsWith('ies') ? `${token.slice(0, -3)}y` : token.slice(0, -1);
  }
  return token;
}

/**
 * Text normalisation shared by every fingerprint: copies differ in house style (curly quotes,
 * dashes, case, "15%" vs "15 percent"), and none of that may change a hash. Digits are kept:
 * figures are among the few tokens that survive rewording.
 */

/**
 * Arabic-script letters that outlets and keyboards write interchangeably: hamza-carrying and
 * wasla alefs, alef maqsura and Persian/Urdu yeh for yeh, ta marbuta and Urdu hehs for heh,
 * keheh for kaf. Diacritics (harakat, superscript alef) and tatweel are optional, so they go;
 * so do invisible joiners and soft hyphens, which some outlets insert and others do not.
 * Arabic-Indic and Persian digits are the same figures as 0-9.
 */
const ARABIC_FOLD: Readonly<Record<string, string>> = {
  '\u0622': '\u0627',
  '\u0623': '\u0627',
  '\u0625': '\u0627',
  '\u0671': '\u0627',
  '\u0649': '\u064A',
  '\u06CC': '\u064A',
  '\u0629': '\u0647',
  '\u06C1': '\u0647',
  '\u06C3': '\u0647',
  '\u06BE': '\u0647',
  '\u06A9': '\u0643',
  '\u066A': '%',
  '\u066B': '.',
  '\u066C': ',',
};

// Three passes, not one: a single class holding all of these runs about five times slower in V8
// (measured on the English dev set), and this runs over every character of every article.
const VARIANT_CHARS =
  /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\t\f\v\u00A0\u00AD]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
// Arabic diacritics lead the class: after a letter, a lint rule would read them as one character.
const ARABIC_VARIANTS = /[\u064B-\u065F\u0670\u0622\u0623\u0625\u0671\u0649\u06CC\u0629\u06C1\u06C3\u06BE\u06A9\u066A-\u066C\u0640\u0660-\u0669\u06F0-\u06F9]/g;
const SINGLE_QUOTES = '\u2018\u2019\u201A\u201B\u2032\u0060\u00B4';
const DOUBLE_QUOTES = '\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB';
const PERCENT = /\s*%|\bper\s+cent\b/gi;

function canonicalChar(c: string): string {
  if (SINGLE_QUOTES.includes(c)) return "'";
  if (DOUBLE_QUOTES.includes(c)) return '"';
  if (c === '\t' || c === '\f' || c === '\v' || c === '\u00A0') return ' ';
  if (c === '\u00AD') return '';
  return '-';
}

function arabicChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(code - 0x0660 + 48);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(code - 0x06f0 + 48);
  return ARABIC_FOLD[c] ?? '';
}

/** Unicode and punctuation variants folded, case kept (sentence splitting still needs it). */
export function canonicalise(text: string): string {
  const folded = text.normalize('NFKC').replace(VARIANT_CHARS, canonicalChar).replace(INVISIBLE, '').replace(ARABIC_VARIANTS, arabicChar);
  // Most texts have neither form; skip the slower pattern for them.
  return folded.includes('%') || /per\s+cent/i.test(folded) ? folded.replace(PERCENT, ' percent') : folded;
}

export function normaliseText(text: string): string {
  return canonicalise(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

// Marks too: Indic vowel signs and viramas, Thai vowels and tones sit inside words.
const ALNUM_OTHER = /[\p{L}\p{N}\p{M}]/u;
const DIGIT_OTHER = /\p{N}/u;

// Hand-rolled scan instead of a Unicode regex: tokenizing is the hot loop of fingerprinting.
function isDigit(c: number, ch: string): boolean {
  return (c >= 48 && c <= 57) || (c > 127 && DIGIT_OTHER.test(ch));
}

function isWordChar(c: number, ch: string): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c > 127 && ALNUM_OTHER.test(ch));
}

/** Scripts written without spaces between words, by the way their runs are cut into tokens. */
const enum Spaceless {
  None,
  /** Han ideographs: overlapping bigrams (most words are one or two characters). */
  Han,
  /**
   * Japanese kana: a run of hiragana is inflection or particles, a run of katakana a loanword or
   * name, so each run is one token (and the particles meet the Japanese stop list).
   */
  Hiragana,
  Katakana,
  /** Thai, Lao, Myanmar, Khmer: overlapping bigrams of characters. */
  Abugida,
}

function spacelessClass(c: number): Spaceless {
  if (c < 0x0e00) return Spaceless.None;
  if (c <= 0x0eff || (c >= 0x1000 && c <= 0x109f) || (c >= 0x1780 && c <= 0x17ff)) return Spaceless.Abugida;
  if (c >= 0x3040 && c <= 0x309f) return Spaceless.Hiragana;
  if ((c >= 0x30a0 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff)) return Spaceless.Katakana;
  if (c === 0x3005 || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) return Spaceless.Han;
  return Spaceless.None;
}

/**
 * Tokens of already normalised text: runs of letters and digits. A decimal point or thousands
 * separator between digits stays inside the token ("4.75", "65,000"), an apostrophe between
 * letters too ("don't"); a trailing possessive "'s" is dropped. Scripts without spaces are cut
 * by script alone (see Spaceless): no dictionary, so tokens are the same on every runtime (a
 * dictionary segmenter such as Intl.Segmenter changes with the ICU version, and fingerprints
 * are stored).
 */
export function tokenize(normalised: string): string[] {
  const out: string[] = [];
  const n = normalised.length;
  let i = 0;
  while (i < n) {
    const c0 = normalised.charCodeAt(i);
    if (!isWordChar(c0, normalised[i])) {
      i++;
      continue;
    }
    const start = i;
    const script = spacelessClass(c0);
    if (script !== Spaceless.None) {
      while (i < n && spacelessClass(normalised.charCodeAt(i)) === script && isWordChar(normalised.charCodeAt(i), normalised[i])) i++;
      if (i - start === 1 || script === Spaceless.Hiragana || script === Spaceless.Katakana) out.push(normalised.slice(start, i));
      else for (let k = start; k + 1 < i; k++) out.push(normalised.slice(k, k + 2));
      continue;
    }
    for (;;) {
      while (i < n && isWordChar(normalised.charCodeAt(i), normalised[i]) && spacelessClass(normalised.charCodeAt(i)) === Spaceless.None) i++;
      const c = normalised.charCodeAt(i);
      if (
        i + 1 < n &&
        (c === 46 || c === 44) &&
        isDigit(normalised.charCodeAt(i - 1), normalised[i - 1]) &&
        isDigit(normalised.charCodeAt(i + 1), normalised[i + 1])
      ) {
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

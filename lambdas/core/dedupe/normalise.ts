/**
 * Text normalisation shared by every fingerprint: copies differ in house style (curly quotes,
 * dashes, case, "15%" vs "15 percent"), and none of that may change a hash. Digits are kept:
 * figures are among the few tokens that survive rewording.
 */

const QUOTES_SINGLE = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const QUOTES_DOUBLE = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const PERCENT = /\s*%|\bper\s+cent\b/g;
const WHITESPACE = /\s+/g;

export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(QUOTES_SINGLE, "'")
    .replace(QUOTES_DOUBLE, '"')
    .replace(DASHES, '-')
    .replace(PERCENT, ' percent')
    .replace(WHITESPACE, ' ')
    .trim();
}

// Letters/digits runs; a decimal point or thousands separator between digits stays inside the
// token ("4.75", "65,000"), an apostrophe between letters too ("don't").
const TOKEN = /[\p{L}\p{N}]+(?:(?:(?<=\p{N})[.,](?=\p{N})|'(?=\p{L}))[\p{L}\p{N}]+)*/gu;

/** Tokens of already normalised text; a trailing possessive "'s" is dropped. */
export function tokenize(normalised: string): string[] {
  const out: string[] = [];
  for (const m of normalised.matchAll(TOKEN)) {
    const t = m[0];
    out.push(t.endsWith("'s") ? t.slice(0, -2) : t);
  }
  return out;
}

/**
 * A crude plural/verb-s fold so "figures" meets "figure"; anything smarter would need a
 * dictionary and would still miss the synonyms spinning tools pick.
 */
export function stem(token: string): string {
  if (token.length > 3 && token.endsWith('s') && !token.endsWith('ss') && !/\d/.test(token)) {
    return token.endsWith('ies') ? `${token.slice(0, -3)}y` : token.slice(0, -1);
  }
  return token;
}

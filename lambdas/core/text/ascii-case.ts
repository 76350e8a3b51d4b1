/**
 * Case folding for markup scans that cut the original string at offsets found in a folded copy.
 *
 * `String.prototype.toLowerCase` is not length-preserving ("İ" becomes "i̇", two UTF-16 units),
 * so an offset in its output points somewhere else in the original. HTML tag and attribute
 * names are ASCII case-insensitive only, so folding A–Z alone is both enough and exact:
 * the result always has the original's length, code unit for code unit.
 */
const ASCII_UPPER_RUN = /[A-Z]+/g;

export function asciiLower(text: string): string {
  return text.replace(ASCII_UPPER_RUN, (run) => run.toLowerCase());
}

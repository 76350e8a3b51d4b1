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

/**
 * `asciiLower(text).indexOf(needle, from)` without folding the text: folding a 200 KB page that
 * holds any non-ASCII character costs more than the scan itself (V8 lower-cases two-byte
 * strings through ICU). `needle` is lower-case and starts with a character that is not an ASCII
 * letter (`<`, `</`), so candidates are found with a plain indexOf of that first character.
 */
export function indexOfAsciiFolded(text: string, needle: string, from = 0): number {
  const first = needle[0];
  for (let at = text.indexOf(first, from); at >= 0; at = text.indexOf(first, at + 1)) {
    if (at + needle.length > text.length) return -1;
    let k = 1;
    for (; k < needle.length; k++) {
      const c = text.charCodeAt(at + k);
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== needle.charCodeAt(k)) break;
    }
    if (k === needle.length) return at;
  }
  return -1;
}

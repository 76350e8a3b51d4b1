/**
 * Half of a UTF-16 surrogate pair, without its other half: what a tool that cut a string
 * between code units (or a JSON `\ud83d` escape) leaves of an emoji. It encodes no character,
 * cannot be stored as UTF-8, and the rest of the character is gone, so it is dropped.
 * Matched on code units (no `u` flag), which is what makes a lone half visible.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function dropLoneSurrogates(text: string): string {
  return text.replace(LONE_SURROGATE, '');
}

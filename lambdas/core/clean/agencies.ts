/**
 * Wire-agency codes named in a line ("has reviewed this Associated Press story",
 * "With reporting by AP, Interfax, Reuters, and TASS", "MOSCOW (AP) —").
 */
import { STRUCTURE_THRESHOLDS as T, WIRE_AGENCY_PATTERNS, WIRE_DATELINE } from '../rules';

/** Agency codes in the order they appear in WIRE_AGENCIES, each once. */
export function agenciesIn(text: string): string[] {
  return WIRE_AGENCY_PATTERNS.filter((m) => m.names?.test(text) || m.acronyms?.test(text)).map((m) => m.code);
}

/** Agency of a wire dateline opening a paragraph ("LONDON (AP) —"), if any. */
export function datelineAgency(paragraph: string): string | null {
  const m = WIRE_DATELINE.exec(paragraph.slice(0, T.wireDatelineSearchChars));
  if (!m) return null;
  return agenciesIn(`(${m[1]})`)[0] ?? null;
}

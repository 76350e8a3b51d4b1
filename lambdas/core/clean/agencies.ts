/**
 * Wire-agency codes named in a line ("has reviewed this Associated Press story",
 * "With reporting by AP, Interfax, Reuters, and TASS", "MOSCOW (AP) —").
 */
import { WIRE_AGENCIES, WIRE_DATELINE } from '../rules';

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const MATCHERS = WIRE_AGENCIES.map((agency) => ({
  code: agency.code,
  names: agency.names.length ? new RegExp(`\\b(${agency.names.map(escapeRegex).join('|')})\\b`, 'i') : null,
  acronyms: agency.acronyms.length ? new RegExp(`(^|[^\\p{L}])(${agency.acronyms.map(escapeRegex).join('|')})($|[^\\p{L}])`, 'u') : null,
}));

/** Agency codes in the order they appear in WIRE_AGENCIES, each once. */
export function agenciesIn(text: string): string[] {
  return MATCHERS.filter((m) => m.names?.test(text) || m.acronyms?.test(text)).map((m) => m.code);
}

/** Agency of a wire dateline opening a paragraph ("LONDON (AP) —"), if any. */
export function datelineAgency(paragraph: string): string | null {
  const m = WIRE_DATELINE.exec(paragraph.slice(0, 120));
  if (!m) return null;
  return agenciesIn(`(${m[1]})`)[0] ?? null;
}

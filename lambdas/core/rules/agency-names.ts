/**
 * Wire agencies and the names pages use for them. Order matters only for readability;
 * every alias is matched on word boundaries, case-sensitive where an alias is an acronym
 * that is also an English word ("PA", "AP").
 */
import { anyOf, literal } from './pattern-pieces';

export interface AgencyAlias {
  code: string;
  /** Alias spellings; acronyms are matched case-sensitively. */
  names: readonly string[];
  acronyms: readonly string[];
}

export const WIRE_AGENCIES: readonly AgencyAlias[] = [
  { code: 'AP', names: ['associated press'], acronyms: ['AP'] },
  { code: 'Reuters', names: ['reuters', 'thomson reuters'], acronyms: [] },
  { code: 'AFP', names: ['agence france-presse', 'agence france presse'], acronyms: ['AFP'] },
  { code: 'Bloomberg', names: ['bloomberg', 'bloomberg news'], acronyms: [] },
  { code: 'UPI', names: ['united press international'], acronyms: ['UPI'] },
  { code: 'DPA', names: ['deutsche presse-agentur'], acronyms: ['DPA', 'dpa'] },
  { code: 'PA', names: ['press association', 'pa media'], acronyms: ['PA'] },
  { code: 'TASS', names: ['tass'], acronyms: ['TASS'] },
  { code: 'Interfax', names: ['interfax'], acronyms: [] },
  { code: 'Xinhua', names: ['xinhua'], acronyms: [] },
];

/**
 * How a line names an agency: full names on word boundaries in any case; acronyms as written,
 * between non-letters (so "AP" is found in "(AP)" and "AP/Reuters", never in "APPLE" or "map").
 */
export const WIRE_AGENCY_PATTERNS = WIRE_AGENCIES.map((agency) => ({
  code: agency.code,
  names: agency.names.length ? new RegExp(`\\b(${anyOf(agency.names.map(literal))})\\b`, 'i') : null,
  acronyms: agency.acronyms.length ? new RegExp(`(^|[^\\p{L}])(${anyOf(agency.acronyms.map(literal))})($|[^\\p{L}])`, 'u') : null,
}));

/** A wire dateline opening a paragraph: "MOSCOW (AP) —". */
export const WIRE_DATELINE = /^\p{Lu}{2}[\p{L}\p{M} .,'’-]{0,60} ?\((AP|Reuters|AFP|UPI|dpa|DPA|PA|TASS|Xinhua|Interfax|Bloomberg)\) ?[-–—]/u;

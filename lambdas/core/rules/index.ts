/**
 * The rule set the cleaner runs with, and its version. RULES_VERSION is a hash over the
 * serialised tables plus CLEANER_VERSION, so every stored record says which rules cut it
 * and any rule edit (or behaviour change in the cleaner) yields a new version.
 */
import { createHash } from 'node:crypto';
import { CHROME_TABLES } from './chrome-tables';
import { HTML_CHROME_CONTAINER, STRUCTURAL_RULES, STRUCTURE_THRESHOLDS } from './structural-rules';
import { WIRE_AGENCIES, WIRE_AGENCY_PATTERNS, WIRE_DATELINE } from './agency-names';
import { TEXT_PATTERNS } from './text-patterns';
import { DATE_PATTERNS, DATE_THRESHOLDS, MONTH_NAMES } from './date-patterns';
import { HTML_METADATA } from './html-metadata';
import { LANGUAGE_RULES } from './language-rules';

export * from './rule-types';
export * from './chrome-tables';
export { HTML_CHROME_CONTAINER, STRUCTURAL_RULES, STRUCTURE_THRESHOLDS } from './structural-rules';
export type { StructuralRule } from './structural-rules';
export { WIRE_AGENCIES, WIRE_AGENCY_PATTERNS, WIRE_DATELINE } from './agency-names';
export type { AgencyAlias } from './agency-names';
export { TEXT_PATTERNS } from './text-patterns';
export { DATE_PATTERNS, DATE_THRESHOLDS, MONTH_NAMES } from './date-patterns';
export { HTML_METADATA } from './html-metadata';
export { LANGUAGE_RULES } from './language-rules';

/** Bump when cleaning code changes output for the same rules. */
export const CLEANER_VERSION = '1.2.0';

/** Everything that decides what the cleaner removes, as one serialisable value. */
export const RULE_SET = {
  CLEANER_VERSION,
  CHROME_TABLES,
  STRUCTURAL_RULES,
  STRUCTURE_THRESHOLDS,
  HTML_CHROME_CONTAINER,
  WIRE_AGENCIES,
  WIRE_AGENCY_PATTERNS,
  WIRE_DATELINE,
  TEXT_PATTERNS,
  DATE_PATTERNS,
  DATE_THRESHOLDS,
  MONTH_NAMES,
  HTML_METADATA,
  LANGUAGE_RULES,
};

/** A rule's proof, not its behaviour: editing examples must not send every record to reprocess. */
const NOT_BEHAVIOUR = new Set(['examples', 'nearMisses']);

/** First 12 hex of sha256 over the serialised rule set (RegExp written as /source/flags, examples left out). */
export function rulesVersionOf(ruleSet: unknown): string {
  const json = JSON.stringify(ruleSet, (key, value: unknown) =>
    NOT_BEHAVIOUR.has(key) ? undefined : value instanceof RegExp ? `/${value.source}/${value.flags}` : value,
  );
  return createHash('sha256').update(json).digest('hex').slice(0, 12);
}

export const RULES_VERSION: string = rulesVersionOf(RULE_SET);

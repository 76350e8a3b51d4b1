import { QueryParameterError } from '../core/query/plan';
import { InvalidCursorError } from '../core/store/record-layout';
import { NewsIngestError } from '../core/errors';

/**
 * The CLI's exit codes, defined once: `main` maps errors to them, `--help` lists them and a
 * test holds the README's table to them. Scripts branch on these numbers, so a code's
 * meaning never changes; new outcomes get new codes.
 */
export const EXIT_CODES = [
  { code: 0, name: 'ok', meaning: 'done; every input was stored (or cleaned)' },
  { code: 1, name: 'notFound', meaning: 'not found: an article or story id, a stack, or an input path' },
  { code: 2, name: 'usage', meaning: 'usage error: an unknown command or option, or a bad value' },
  { code: 3, name: 'failure', meaning: 'failed: an error stopped the command (the store or AWS did not answer, …)' },
  { code: 4, name: 'incomplete', meaning: 'ran to the end but some inputs were not stored: dead-lettered, or not seen before the --stack wait ran out' },
] as const;

export type ExitName = (typeof EXIT_CODES)[number]['name'];

export const EXIT = Object.fromEntries(EXIT_CODES.map((e) => [e.name, e.code])) as {
  [K in ExitName]: Extract<(typeof EXIT_CODES)[number], { name: K }>['code'];
};

/** Something the user asked for does not exist (exit 1). */
export class NotFoundError extends NewsIngestError {}

/** The command line itself is wrong (exit 2). */
export class UsageError extends NewsIngestError {}

/** The command finished and printed what it has, but some inputs did not become records (exit 4). */
export class IncompleteError extends NewsIngestError {}

export function exitCodeFor(err: unknown): number {
  if (err instanceof NotFoundError) return EXIT.notFound;
  if (err instanceof UsageError || err instanceof QueryParameterError || err instanceof InvalidCursorError) return EXIT.usage;
  if (err instanceof IncompleteError) return EXIT.incomplete;
  return EXIT.failure;
}

/** The exit-code table as `--help` shows it. */
export function exitCodeHelp(): string {
  return 'Exit codes:\n' + EXIT_CODES.map((e) => `  ${e.code}  ${e.meaning}`).join('\n');
}

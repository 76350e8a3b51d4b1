import { existsSync } from 'node:fs';
import { collectFiles, type LocalFile } from './files';
import { NotFoundError } from './exit-codes';

/**
 * The files named on the command line. A missing path stops the command before any work, so a
 * typo never leaves a half-done ingest behind, and it is one sentence instead of a stack trace.
 */
export function inputFiles(paths: string[], outlet?: string): LocalFile[] {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length > 0) throw new NotFoundError(`No such file or directory: ${missing.join(', ')}.`);
  return collectFiles(paths, outlet);
}

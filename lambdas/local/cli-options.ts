import type { OutputFormat } from './output';

/** What every command gets from the global options, already resolved (paths absolute, format chosen). */
export interface GlobalOptions {
  dataDir: string;
  format: OutputFormat;
  stack?: string;
}

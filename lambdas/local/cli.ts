#!/usr/bin/env node
import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import {
  cleanCommand,
  demoCommand,
  explainCommand,
  getCommand,
  ingestCommand,
  listCommand,
  NotFoundError,
  redriveCommand,
  reprocessCommand,
  serveCommand,
  statsCommand,
  type ReprocessCommandOptions,
  storiesCommand,
  storyCommand,
  type GlobalOptions,
} from './commands';
import { defaultFormat, OUTPUT_FORMATS, type OutputFormat } from './output';
import { QueryParameterError } from '../core/query/plan';
import { InvalidCursorError } from '../core/store/record-layout';
import { StackNotFoundError } from '../adapters/stack-outputs';

/** Exit codes: 0 ok, 1 not found, 2 usage error, 3 anything else. */
const EXIT = { ok: 0, notFound: 1, usage: 2, failure: 3 } as const;

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

function globalOptions(cmd: Command, fallbackFormat?: OutputFormat): GlobalOptions {
  const o = cmd.optsWithGlobals() as { dataDir?: string; format?: OutputFormat; stack?: string };
  return {
    dataDir: resolve(o.dataDir ?? process.env.NEWS_INGEST_DATA_DIR ?? '.news-ingest'),
    format: o.format ?? fallbackFormat ?? defaultFormat(),
    stack: o.stack,
  };
}

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+)?$/.test(value)) throw new InvalidArgumentError('expected an ISO date like 2021-03-22 or 2021-03-22T10:00.');
  return value;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a whole number.');
  return n;
}

export function buildProgram(): Command {
  const program = new Command('news-ingest')
    .description('Clean raw news pages into deduplicated records, locally or against a deployed stack.')
    .addOption(new Option('--format <format>', 'output format (table on a terminal, json when piped)').choices(OUTPUT_FORMATS))
    .option('--data-dir <dir>', 'local state directory (default .news-ingest, or NEWS_INGEST_DATA_DIR)')
    .option('--stack <name>', 'run against a deployed stack (AWS credentials and region from the usual environment)')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('clean')
    .description('clean files without storing them; prints records')
    .argument('<paths...>', 'files or directories')
    .action((paths: string[], _o, cmd: Command) => cleanCommand(paths, globalOptions(cmd)));

  program
    .command('ingest')
    .description('upload files under raw/<outlet>/ and run the pipeline (outlet = parent directory name)')
    .argument('<paths...>', 'files or directories')
    .option('--outlet <name>', 'outlet for every file, instead of the parent directory name')
    .action(async (paths: string[], o: { outlet?: string }, cmd: Command) => {
      await ingestCommand(paths, { ...globalOptions(cmd), outlet: o.outlet });
    });

  program
    .command('get')
    .description('one record by article id')
    .argument('<article-id>')
    .action((id: string, _o, cmd: Command) => getCommand(id, globalOptions(cmd)));

  program
    .command('list')
    .description('list records: by outlet or wire agency and published date; everything when neither is given')
    .option('--outlet <outlet>', 'one outlet')
    .option('--agency <code>', 'one wire agency (AP, Reuters, AFP, …)')
    .option('--from <date>', 'published on or after (ISO date)', isoDate)
    .option('--to <date>', 'published on or before (ISO date)', isoDate)
    .option('--unique', 'one record per story (the canonical one)')
    .option('--limit <n>', 'at most n records', positiveInt)
    .action((o: { outlet?: string; agency?: string; from?: string; to?: string; unique?: boolean; limit?: number }, cmd: Command) =>
      listCommand({ ...globalOptions(cmd), ...o }),
    );

  program
    .command('story')
    .description('a story with all its copies, canonical first, each with its role')
    .argument('<story-or-article-id>')
    .action((id: string, _o, cmd: Command) => storyCommand(id, globalOptions(cmd)));

  program
    .command('stories')
    .description('all stories with member counts')
    .option('--from <date>', 'published on or after (ISO date)', isoDate)
    .option('--to <date>', 'published on or before (ISO date)', isoDate)
    .action((o: { from?: string; to?: string }, cmd: Command) => storiesCommand({ ...globalOptions(cmd), ...o }));

  program
    .command('explain')
    .description('the kept text and every removed block with the rule and category that removed it')
    .argument('<article-id>')
    .action((id: string, _o, cmd: Command) => explainCommand(id, globalOptions(cmd, 'table')));

  program
    .command('serve')
    .description('serve the HTTP query API and the review UI (/ui/) on 127.0.0.1')
    .option('--port <port>', 'port (0 picks a free one)', positiveInt, 8787)
    .action((o: { port: number }, cmd: Command) => serveCommand({ ...globalOptions(cmd), port: o.port }));

  program
    .command('reprocess')
    .description('re-clean stored records whose rules version is not the current one (raw objects are re-read)')
    .option('--outlet <outlet>', 'only this outlet (local)')
    .option('--before-version <version>', 'only records stamped with this rules version (local)')
    .option('--dry-run', 'report how many records would change, with a few before/after diffs; write nothing')
    .action((o: ReprocessCommandOptions, cmd: Command) => reprocessCommand({ ...globalOptions(cmd, 'table'), ...o }));

  program
    .command('redrive')
    .description('replay dead-lettered messages through the pipeline')
    .action((_o, cmd: Command) => redriveCommand(globalOptions(cmd)));

  program
    .command('stats')
    .description('how many records are on each rules version')
    .action((_o, cmd: Command) => statsCommand(globalOptions(cmd)));

  program
    .command('demo')
    .description('ingest the five seed articles into the data directory and print their records (npm start)')
    .action((_o, cmd: Command) => demoCommand(REPO_ROOT, globalOptions(cmd, 'table')));

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version requests end here too, with exit code 0.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof QueryParameterError || err instanceof InvalidCursorError) {
      process.stderr.write(`news-ingest: ${err.message}\n`);
      return EXIT.usage;
    }
    if (err instanceof NotFoundError || err instanceof StackNotFoundError) {
      process.stderr.write(`${err.message}\n`);
      return EXIT.notFound;
    }
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`news-ingest: ${msg}\n`);
    return EXIT.failure;
  }
}

if (require.main === module) {
  // The SDK's notice about its future Node support is for library authors, not for CLI users.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { CleanCommandOptions } from './clean-command';
import type { GlobalOptions } from './cli-options';
import type { IngestCommandOptions, ListOptions, ReprocessCommandOptions } from './commands';
import { applyAwsOptions, logHttpCalls, type AwsOptions } from './aws-options';
import { EXIT, exitCodeFor, exitCodeHelp, UsageError } from './exit-codes';
import { defaultFormat, OUTPUT_FORMATS, type OutputFormat } from './output';

/*
 * Start-up cost is paid on every invocation, so this module loads only commander and small local
 * modules; each action imports what its command needs (the cleaner and its DOM for `clean`, the
 * AWS SDK and the embedded servers for the store commands) when it runs. tsc turns the import()
 * calls into require() inside the actions, which keeps them lazy in dist/.
 */

// The cleaner's ~130 rule regexes run on nearly every block, so each gets compiled twice under
// V8's default tier-up (bytecode first, native once hot). For a CLI that cleans a page or a few
// and exits, that first compile is most of the cleaning time; compiling straight to native
// saved ~30% of the CPU time of `clean` on one page and changes no result.
setFlagsFromString('--no-regexp-tier-up');

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Commands that print records accept `--format text` (their text alone); the others have no text to print. */
function globalOptions(cmd: Command, fallbackFormat?: OutputFormat, acceptsText = false): GlobalOptions {
  const o = cmd.optsWithGlobals() as { dataDir?: string; format?: OutputFormat; stack?: string };
  if (o.format === 'text' && !acceptsText) throw new UsageError(`--format text prints records' text; ${cmd.name()} prints no records.`);
  return {
    dataDir: resolve(o.dataDir ?? process.env.NEWS_INGEST_DATA_DIR ?? '.news-ingest'),
    format: o.format ?? fallbackFormat ?? defaultFormat(),
    stack: o.stack,
  };
}

/**
 * --profile, --region and --endpoint-url choose where a deployed stack is; locally the CLI runs its
 * own servers, so there they would be silently ignored: refuse them instead.
 */
function applyGlobalAwsOptions(program: Command): void {
  const o = program.opts() as AwsOptions & { stack?: string };
  const given = (['profile', 'region', 'endpointUrl'] as const).filter((k) => o[k] !== undefined);
  if (given.length > 0 && !o.stack) {
    const flags = given.map((k) => '--' + k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()));
    throw new UsageError(`Use ${flags.join(', ')} with --stack only; local commands run their own servers.`);
  }
  applyAwsOptions(o);
  if (o.verbose) logHttpCalls();
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

/** The store-backed commands: they need the AWS SDK and, locally, the embedded servers. */
const commands = () => import('./commands');

export function buildProgram(): Command {
  const program = new Command('news-ingest')
    .description('Clean raw news pages into deduplicated records, locally or against a deployed stack.')
    .addOption(new Option('--format <format>', 'output format (table on a terminal, json when piped)').choices(OUTPUT_FORMATS))
    .option('--data-dir <dir>', 'local state directory (default .news-ingest, or NEWS_INGEST_DATA_DIR)')
    .option('--stack <name>', 'run against a deployed stack (AWS credentials and region from the usual environment)')
    .option('--profile <name>', 'with --stack: the AWS profile to use (AWS_PROFILE)')
    .option('--region <region>', 'with --stack: the AWS region (AWS_REGION)')
    .option(
      '--endpoint-url <url>',
      'with --stack: send AWS calls to this URL, e.g. an S3/DynamoDB-compatible server (AWS_ENDPOINT_URL; AWS_ENDPOINT_URL_S3 and _DYNAMODB override it per service)',
    )
    .option('--verbose', 'log every HTTP call to AWS or the local servers on stderr')
    .version(packageVersion(), '--version', 'print the version')
    .addHelpText('after', () => '\n' + exitCodeHelp())
    .showHelpAfterError()
    .exitOverride()
    .hook('preAction', (p) => applyGlobalAwsOptions(p));

  program
    .command('clean')
    .description('clean files without storing them; prints records (reads standard input when given - or no path)')
    .argument('[paths...]', 'files or directories; - for standard input')
    .option('--outlet <name>', 'outlet for every input, instead of the parent directory name')
    .option('--out <dir>', 'write one file per input under <dir>/<outlet>/ instead of printing (.txt with --format text, else .json)')
    .action(async (paths: string[], o: CleanCommandOptions, cmd: Command) => {
      const { cleanCommand } = await import('./clean-command');
      cleanCommand(paths, { ...globalOptions(cmd, undefined, true), ...o });
    });

  program
    .command('ingest')
    .description('upload files under raw/<outlet>/ and run the pipeline (outlet = parent directory name)')
    .argument('<paths...>', 'files or directories')
    .option('--outlet <name>', 'outlet for every file, instead of the parent directory name')
    .option('--wait <seconds>', 'with --stack: how long to wait for the records (default 900)', positiveInt)
    .action(async (paths: string[], o: { outlet?: string; wait?: number }, cmd: Command) => {
      const { ingestCommand } = await commands();
      const opts: IngestCommandOptions = { outlet: o.outlet, ...(o.wait !== undefined ? { waitMs: o.wait * 1000 } : {}) };
      await ingestCommand(paths, { ...globalOptions(cmd, undefined, true), ...opts });
    });

  program
    .command('get')
    .description('one record by article id')
    .argument('<article-id>')
    .action(async (id: string, _o, cmd: Command) => (await commands()).getCommand(id, globalOptions(cmd, undefined, true)));

  program
    .command('list')
    .description('list records: by outlet or wire agency and published date; everything when neither is given')
    .option('--outlet <outlet>', 'one outlet')
    .option('--agency <code>', 'one wire agency (AP, Reuters, AFP, …)')
    .option('--from <date>', 'published on or after (ISO date)', isoDate)
    .option('--to <date>', 'published on or before (ISO date)', isoDate)
    .option('--unique', 'one record per story (the canonical one)')
    .option('--limit <n>', 'at most n records', positiveInt)
    .action(async (o: ListOptions, cmd: Command) => (await commands()).listCommand({ ...globalOptions(cmd, undefined, true), ...o }));

  program
    .command('story')
    .description('a story with all its copies, canonical first, each with its role')
    .argument('<story-or-article-id>')
    .action(async (id: string, _o, cmd: Command) => (await commands()).storyCommand(id, globalOptions(cmd)));

  program
    .command('stories')
    .description('all stories with member counts')
    .option('--from <date>', 'published on or after (ISO date)', isoDate)
    .option('--to <date>', 'published on or before (ISO date)', isoDate)
    .action(async (o: { from?: string; to?: string }, cmd: Command) => (await commands()).storiesCommand({ ...globalOptions(cmd), ...o }));

  program
    .command('explain')
    .description('the kept text and every removed block with the rule and category that removed it')
    .argument('<article-id>')
    .action(async (id: string, _o, cmd: Command) => (await commands()).explainCommand(id, globalOptions(cmd, 'table')));

  program
    .command('serve')
    .description('serve the HTTP query API and the review UI (/ui/) on 127.0.0.1')
    .option('--port <port>', 'port (0 picks a free one)', positiveInt, 8787)
    .action(async (o: { port: number }, cmd: Command) => (await commands()).serveCommand({ ...globalOptions(cmd), port: o.port }));

  program
    .command('reprocess')
    .description('re-clean stored records whose rules version is not the current one (raw objects are re-read)')
    .option('--outlet <outlet>', 'only this outlet (local)')
    .option('--before-version <version>', 'only records stamped with this rules version (local)')
    .option('--dry-run', 'report how many records would change, with a few before/after diffs; write nothing')
    .action(async (o: ReprocessCommandOptions, cmd: Command) => (await commands()).reprocessCommand({ ...globalOptions(cmd, 'table'), ...o }));

  program
    .command('redrive')
    .description('replay dead-lettered messages through the pipeline')
    .action(async (_o, cmd: Command) => (await commands()).redriveCommand(globalOptions(cmd)));

  program
    .command('stats')
    .description('how many records are on each rules version')
    .action(async (_o, cmd: Command) => (await commands()).statsCommand(globalOptions(cmd)));

  program
    .command('demo')
    .description('ingest the five seed articles into the data directory and print their records (npm start)')
    .action(async (_o, cmd: Command) => (await commands()).demoCommand(REPO_ROOT, globalOptions(cmd, 'table')));

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version requests end here too, with exit code 0; commander has printed the message.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const code = exitCodeFor(err);
    const msg = err instanceof Error ? err.message : String(err);
    // A missing id or stack is an answer, not a malfunction: it is printed without the prefix.
    process.stderr.write(code === EXIT.notFound ? `${msg}\n` : `news-ingest: ${msg}\n`);
    return code;
  }
}

if (require.main === module) {
  // The SDK's notice about its future Node support is for library authors, not for CLI users.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

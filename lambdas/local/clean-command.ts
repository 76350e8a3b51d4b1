import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRecord, cleanObject, UNKNOWN_OUTLET, type SourceMeta } from '../core/ingest/build-record';
import { PREFIX } from '../core/schema';
import { RULES_VERSION } from '../core/rules';
import type { ArticleRecord } from '../core/types';
import type { GlobalOptions } from './cli-options';
import { UsageError } from './exit-codes';
import { outletName } from './files';
import { inputFiles } from './inputs';
import { print, renderRecords } from './output';

/** The path that names standard input, as in most Unix tools. */
export const STDIN_PATH = '-';

export interface CleanCommandOptions {
  outlet?: string;
  /** Write one file per input under this directory instead of printing. */
  out?: string;
}

interface CleanInput {
  /** The key the page would have in the raw bucket; its extension picks the format. */
  key: string;
  outlet: string;
  /** File name without directories: names the output file. */
  name: string;
  bytes: Uint8Array;
}

function readInputs(paths: string[], opts: CleanCommandOptions, stdinIsTty: boolean): CleanInput[] {
  const wantsStdin = paths.length === 0 || paths.includes(STDIN_PATH);
  if (paths.length === 0 && stdinIsTty) {
    throw new UsageError(`Give files or directories to clean, or ${STDIN_PATH} to read standard input.`);
  }
  const inputs: CleanInput[] = inputFiles(
    paths.filter((p) => p !== STDIN_PATH),
    opts.outlet,
  ).map((f) => ({
    key: f.key,
    outlet: f.outlet,
    name: f.key.slice(f.key.lastIndexOf('/') + 1),
    bytes: readFileSync(f.path),
  }));
  if (wantsStdin) {
    const outlet = outletName(opts.outlet ?? UNKNOWN_OUTLET);
    // No extension: the cleaner sniffs HTML from text as it does for extensionless uploads.
    inputs.push({ key: `${PREFIX.raw}${outlet}/stdin`, outlet, name: 'stdin', bytes: readFileSync(0) });
  }
  return inputs;
}

/** `clean`: the cleaner alone, no storage. */
export function cleanCommand(paths: string[], opts: GlobalOptions & CleanCommandOptions, stdinIsTty = Boolean(process.stdin.isTTY)): void {
  const now = new Date().toISOString();
  const cleaned = readInputs(paths, opts, stdinIsTty).map((input) => {
    const meta: SourceMeta = { bucket: 'local', key: input.key, versionId: null, eTag: null, size: input.bytes.length, metadataOutlet: input.outlet };
    return { input, record: buildRecord(meta, cleanObject(input.bytes, meta), now, RULES_VERSION) };
  });
  if (opts.out) writeOutputs(opts.out, cleaned, opts);
  else
    print(
      renderRecords(
        cleaned.map((c) => c.record),
        opts.format,
      ),
    );
}

/**
 * One file per input: `<out>/<outlet>/<file name>.txt` with `--format text`, else `.json` (a table
 * is for terminals). The input's own extension stays in the name so `a.html` and `a.txt` do not
 * collide; inputs that would still share a name stop the command before anything is written.
 */
function writeOutputs(outDir: string, cleaned: { input: CleanInput; record: ArticleRecord }[], opts: GlobalOptions): void {
  const ext = opts.format === 'text' ? 'txt' : 'json';
  const targets = cleaned.map((c) => join(outDir, c.input.outlet, `${c.input.name}.${ext}`));
  const seen = new Set<string>();
  for (const t of targets) {
    if (seen.has(t)) throw new UsageError(`Two inputs would both be written to ${t}; clean them in separate runs.`);
    seen.add(t);
  }
  cleaned.forEach((c, i) => {
    mkdirSync(join(outDir, c.input.outlet), { recursive: true });
    const content = opts.format === 'text' ? c.record.body + '\n' : JSON.stringify(c.record, null, opts.format === 'jsonl' ? 0 : 2) + '\n';
    writeFileSync(targets[i], content);
  });
  process.stderr.write(`Wrote ${targets.length} file(s) under ${outDir}.\n`);
}

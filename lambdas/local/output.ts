import type TableConstructor from 'cli-table3';
import type { ArticleRecord } from '../core/types';

export type OutputFormat = 'table' | 'json' | 'jsonl' | 'text';

/** `text` is the cleaned text alone; only commands that print records' text accept it. */
export const OUTPUT_FORMATS: OutputFormat[] = ['table', 'json', 'jsonl', 'text'];

export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

/** Table on a terminal, JSON when piped — what a user scripting the CLI expects. */
export function defaultFormat(stream: NodeJS.WriteStream = process.stdout): OutputFormat {
  return stream.isTTY ? 'table' : 'json';
}

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
  width?: number;
}

function truncate(s: string, width: number | undefined): string {
  if (!width || s.length <= width) return s;
  return s.slice(0, Math.max(0, width - 1)) + '…';
}

export function renderTable<T>(rows: T[], columns: Column<T>[]): string {
  // Loaded on first use: JSON output and `--help` never draw a table.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Table = require('cli-table3') as typeof TableConstructor;
  const table = new Table({
    head: columns.map((c) => c.header),
    style: { head: [], border: [] },
    wordWrap: false,
    // No rule between rows: listings are long and the rows are one line each.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const r of rows) table.push(columns.map((c) => truncate(String(c.value(r) ?? ''), c.width)));
  return table.toString();
}

export function render<T>(rows: T[], format: OutputFormat, columns: Column<T>[]): string {
  // The CLI accepts `text` only for commands that print records (see renderRecords).
  if (format === 'text') throw new Error('This output has no text form.');
  if (format === 'json') return JSON.stringify(rows, null, 2);
  if (format === 'jsonl') return rows.map((r) => JSON.stringify(r)).join('\n');
  return renderTable(rows, columns);
}

export const RECORD_COLUMNS: Column<ArticleRecord>[] = [
  { header: 'id', value: (r) => r.id },
  { header: 'outlet', value: (r) => r.outlet, width: 18 },
  { header: 'title', value: (r) => r.title ?? (r.reason ? `(${r.reason})` : ''), width: 56 },
  { header: 'words', value: (r) => r.wordCount },
  { header: 'status', value: (r) => r.status },
  { header: 'story', value: (r) => (r.status === 'clean' ? r.storyId : '') },
  { header: 'role', value: (r) => (r.status === 'clean' ? r.role : '') },
];

/**
 * Texts of several records are separated by a line holding a form feed: paragraphs inside a
 * body are already separated by blank lines, so a blank line could not tell records apart.
 */
export const TEXT_SEPARATOR = '\n\f\n';

export function renderRecords(records: ArticleRecord[], format: OutputFormat): string {
  if (format === 'text') return records.map((r) => r.body).join(TEXT_SEPARATOR);
  return render(records, format, RECORD_COLUMNS);
}

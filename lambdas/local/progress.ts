import type { IngestCounts } from './ingest-files';

/** A progress line on a terminal; plain lines when piped; silent when output is machine-readable. */
export class Progress {
  private readonly tty: boolean;
  private lastPlain = 0;

  constructor(
    private readonly total: number,
    private readonly quiet: boolean,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = Boolean(stream.isTTY);
  }

  update(c: IngestCounts): void {
    if (this.quiet) return;
    // Every outcome the handler reports is a finished object; reprocess's are mostly `unchanged`.
    const done = c.clean + c.rejected + c.duplicate + c.unchanged;
    // `unchanged` only occurs when reprocessing; ingest lines stay as they were.
    const unchanged = c.unchanged ? ` unchanged ${c.unchanged}` : '';
    if (this.tty) {
      const width = 30;
      const filled = this.total ? Math.round((Math.min(done, this.total) / this.total) * width) : width;
      this.stream.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total}  clean ${c.clean}  rejected ${c.rejected}  duplicate ${c.duplicate}${unchanged ? ' ' + unchanged : ''}`,
      );
    } else if (done - this.lastPlain >= Math.max(1, Math.ceil(this.total / 10)) || done === this.total) {
      this.lastPlain = done;
      this.stream.write(
        `processed ${done}/${this.total} (clean ${c.clean}, rejected ${c.rejected}, duplicate ${c.duplicate}${unchanged ? ',' + unchanged : ''})\n`,
      );
    }
  }

  done(c: IngestCounts): void {
    if (this.quiet) return;
    if (this.tty) this.stream.write('\n');
    this.stream.write(`Ingested ${c.uploaded} file(s): ${c.clean} clean, ${c.rejected} rejected, ${c.duplicate} duplicate, ${c.failed} not stored.\n`);
  }
}

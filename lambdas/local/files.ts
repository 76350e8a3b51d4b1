import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { PREFIX } from '../core/schema';
import { utf8Prefix } from '../core/ingest/field-limits';

export interface LocalFile {
  path: string;
  outlet: string;
  /** The S3 key it is uploaded under: raw/<outlet>/<file name>. */
  key: string;
  /** The file's own name, when it had to be shortened to fit in a key segment. */
  originalName?: string;
}

/**
 * Longest key segment, in UTF-8 bytes. S3 allows 1,024 bytes per key, but the local S3 server
 * stores each segment as a file name with a 22-byte suffix, and file systems stop at 255 bytes.
 */
export const MAX_KEY_SEGMENT_BYTES = 200;

/**
 * A name that fits in one key segment: longer names keep their start and extension (which picks
 * the format) and gain a hash of the whole name, so two long names sharing a start stay apart.
 */
export function keySegment(name: string): string {
  if (Buffer.byteLength(name, 'utf8') <= MAX_KEY_SEGMENT_BYTES) return name;
  const ext = extname(name);
  const keptExt = Buffer.byteLength(ext, 'utf8') <= 16 ? ext : '';
  const tag = `~${createHash('sha256').update(name).digest('hex').slice(0, 12)}`;
  const room = MAX_KEY_SEGMENT_BYTES - Buffer.byteLength(tag + keptExt, 'utf8');
  return `${utf8Prefix(name.slice(0, name.length - keptExt.length), room)}${tag}${keptExt}`;
}

/** Outlet names become key segments; keep them readable but free of `/`, and never `.` or `..`. */
export function outletName(dirName: string): string {
  const cleaned = dirName.trim().replace(/[/\\]+/g, '-');
  if (!cleaned || /^\.+$/.test(cleaned)) return 'unknown';
  return keySegment(cleaned);
}

/** Files and directories (recursively, hidden entries skipped) → upload plan; the parent directory names the outlet. */
export function collectFiles(paths: string[], outletOverride?: string): LocalFile[] {
  const out: LocalFile[] = [];
  const visit = (p: string, depth: number) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      if (depth > 20) return;
      for (const name of readdirSync(p).sort()) if (!name.startsWith('.')) visit(join(p, name), depth + 1);
      return;
    }
    if (!st.isFile()) return;
    const abs = resolve(p);
    const outlet = outletName(outletOverride ?? basename(dirname(abs)));
    const name = basename(abs);
    const segment = keySegment(name);
    out.push({ path: abs, outlet, key: `${PREFIX.raw}${outlet}/${segment}`, ...(segment !== name ? { originalName: name } : {}) });
  };
  for (const p of paths) visit(p, 0);
  return out;
}

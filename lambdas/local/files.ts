import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { PREFIX } from '../core/schema';

export interface LocalFile {
  path: string;
  outlet: string;
  /** The S3 key it is uploaded under: raw/<outlet>/<file name>. */
  key: string;
}

/** Outlet names become key segments; keep them readable but free of `/`. */
export function outletName(dirName: string): string {
  const cleaned = dirName.trim().replace(/[/\\]+/g, '-');
  return cleaned || 'unknown';
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
    out.push({ path: abs, outlet, key: `${PREFIX.raw}${outlet}/${basename(abs)}` });
  };
  for (const p of paths) visit(p, 0);
  return out;
}

/**
 * A `node --require` hook that writes, at exit, every module file the process loaded through
 * require (CommonJS files and the entry files of ES modules loaded with require) with its size,
 * to the JSON file named by NEWS_INGEST_MODULE_CENSUS. Which modules a command loads does not
 * depend on machine load, unlike its start-up time, so tests assert on this instead of a clock.
 */
import { statSync, writeFileSync } from 'node:fs';

export interface ModuleCensus {
  modules: number;
  bytes: number;
  /** CPU time of the whole process (user + system), less sensitive to other load than wall time. */
  cpuMs: number;
  files: string[];
}

const out = process.env.NEWS_INGEST_MODULE_CENSUS;
if (out) {
  process.on('exit', () => {
    const files = Object.keys(require.cache).sort();
    let bytes = 0;
    for (const f of files) {
      try {
        bytes += statSync(f).size;
      } catch {
        // built-in or virtual entries have no file
      }
    }
    const cpu = process.cpuUsage();
    const census: ModuleCensus = { modules: files.length, bytes, cpuMs: (cpu.user + cpu.system) / 1000, files };
    writeFileSync(out, JSON.stringify(census));
  });
}

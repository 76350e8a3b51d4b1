/**
 * Section 1, cleaning throughput: every page of the extraction dev split through
 * (a) our cleaner and (b) plain Readability on jsdom, interleaved page by page in one
 * process after a warm-up, timed per page; quality scored with the eval's own code
 * (score.mjs through test/eval/run-eval.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { cleanDetailed, DEFAULT_DOM } from '../../lambdas/core/clean';
import { plainReadability, predictionBody, readPage, score, writePredictions, type Metrics, type Mode } from '../eval/run-eval';
import { EXTRACTION_DEV, SCORER, log, pageIds, round, timing, type Timing } from './common';

export type Dom = 'jsdom' | 'linkedom';

export interface CleaningOptions {
  dataDir?: string;
  /** Use only the first n pages (smoke runs); default all. */
  limit?: number;
  /** Pages run through every extractor untimed first. */
  warmup?: number;
  /** Timed passes over the pages; each page's time is its median over the passes. */
  passes?: number;
  doms?: Dom[];
  quiet?: boolean;
}

export interface ExtractorResult extends Timing {
  name: string;
  quality: Metrics;
  /** Pages where the extractor threw or returned nothing. */
  empty: number;
}

export interface ModeResult {
  mode: Mode;
  extractors: ExtractorResult[];
}

export interface CleaningResult {
  pages: number;
  warmupPages: number;
  passes: number;
  defaultDom: Dom;
  modes: ModeResult[];
  /** Readability+jsdom time over ours (default DOM), html pages: by median ms/page and by total time. */
  speedup: { median: number; throughput: number };
  /** The same against Readability run the way the eval runs it (scripts and styles stripped first). */
  speedupVsStripped: { median: number; throughput: number };
  /** F1 of ours (default DOM) minus F1 of Readability+jsdom, html pages. */
  f1Delta: number;
}

/** Plain Readability on jsdom, nothing else: parse, extract, take the text, close the window. */
export function readabilityJsdom(html: string): string {
  let dom: JSDOM | null = null;
  try {
    // A silent virtual console only keeps jsdom's stylesheet warnings off the terminal.
    dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
    return new Readability(dom.window.document).parse()?.textContent ?? '';
  } catch {
    return '';
  } finally {
    dom?.window.close();
  }
}

interface Extractor {
  name: string;
  modes: Mode[];
  run(content: string, mode: Mode): string;
}

function extractors(doms: Dom[]): Extractor[] {
  const ours = (dom: Dom): Extractor => ({
    name: `news-ingest cleanArticle (${dom}${dom === DEFAULT_DOM ? ', default' : ''})`,
    modes: dom === DEFAULT_DOM ? ['html', 'text'] : ['html'],
    // cleanArticle(input, opts) is cleanDetailed(input, opts).result; the detail carries the kept blocks the eval scores.
    run: (content, mode) => predictionBody(cleanDetailed({ content, format: mode }, { dom }).kept),
  });
  const list: Extractor[] = [ours(DEFAULT_DOM)];
  list.push({ name: 'Readability+jsdom (plain)', modes: ['html'], run: (html) => readabilityJsdom(html) });
  for (const d of doms) if (d !== DEFAULT_DOM) list.push(ours(d));
  list.push({ name: 'Readability+jsdom (eval: scripts/styles stripped)', modes: ['html'], run: (html) => plainReadability(html) });
  return list;
}

export function runCleaning(opts: CleaningOptions = {}): CleaningResult {
  const dataDir = opts.dataDir ?? EXTRACTION_DEV;
  const allIds = pageIds(dataDir);
  const ids = opts.limit ? allIds.slice(0, opts.limit) : allIds;
  const warmup = Math.min(opts.warmup ?? 10, ids.length);
  const passes = Math.max(1, opts.passes ?? 1);
  const doms = opts.doms ?? ['jsdom', 'linkedom'];
  const list = extractors(doms);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-ingest-bench-'));
  try {
    // Score against the ground truth of exactly the pages run (the scorer rejects missing ids).
    const fullTruth = JSON.parse(fs.readFileSync(path.join(dataDir, 'ground-truth.json'), 'utf8')) as Record<string, unknown>;
    const truthFile = path.join(tmp, 'truth.json');
    fs.writeFileSync(truthFile, JSON.stringify(Object.fromEntries(ids.map((id) => [id, fullTruth[id]]))));

    const modes: ModeResult[] = [];
    for (const mode of ['html', 'text'] as Mode[]) {
      const active = list.filter((e) => e.modes.includes(mode));
      const pages = ids.map((id) => readPage(dataDir, id, mode));
      log(opts.quiet, `cleaning ${mode}: warm-up ${warmup} pages, ${passes} timed pass(es) over ${pages.length} pages, ${active.length} extractors interleaved`);
      for (let i = 0; i < warmup; i++) for (const e of active) e.run(pages[i], mode);

      const times = active.map(() => pages.map(() => [] as number[]));
      const preds = active.map(() => ({}) as Record<string, { articleBody: string }>);
      for (let p = 0; p < passes; p++) {
        for (let i = 0; i < pages.length; i++) {
          active.forEach((e, k) => {
            const t0 = performance.now();
            const body = e.run(pages[i], mode);
            times[k][i].push(performance.now() - t0);
            if (p === 0) preds[k][ids[i]] = { articleBody: body };
          });
        }
      }
      const results = active.map((e, k): ExtractorResult => {
        const predFile = path.join(tmp, `${mode}-${k}.json`);
        writePredictions(predFile, preds[k]);
        const s = score(SCORER, truthFile, predFile);
        const perPage = times[k].map((ts) => [...ts].sort((a, b) => a - b)[Math.floor((ts.length - 1) / 2)]);
        return {
          name: e.name,
          ...timing(perPage),
          quality: { precision: s.precision, recall: s.recall, f1: s.f1, accuracy: s.accuracy },
          empty: Object.values(preds[k]).filter((v) => v.articleBody.trim() === '').length,
        };
      });
      modes.push({ mode, extractors: results });
    }

    const html = modes.find((m) => m.mode === 'html')!.extractors;
    const [a, b] = [html[0], html[1]];
    const stripped = html[html.length - 1];
    return {
      pages: ids.length,
      warmupPages: warmup,
      passes,
      defaultDom: DEFAULT_DOM,
      modes,
      speedup: { median: round(b.medianMs / a.medianMs), throughput: round(a.pagesPerSec / b.pagesPerSec) },
      speedupVsStripped: { median: round(stripped.medianMs / a.medianMs), throughput: round(a.pagesPerSec / stripped.pagesPerSec) },
      f1Delta: round(a.quality.f1 - b.quality.f1, 4),
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

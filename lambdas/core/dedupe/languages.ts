/**
 * Which tokens carry content, in any language. A text's language is the one whose stop list
 * covers most of its tokens (function words are the most frequent words of every language, so a
 * few sentences decide it); its content words are the tokens outside that list. Everything works
 * on token hashes, so stored fingerprints can be analysed without their text.
 */
import { hashString } from './hash';
import { normaliseText, stem, tokenize } from './normalise';
import { DETECTION_STOPWORDS, STOPWORDS_BY_LANGUAGE } from './stopwords';
import { U32Table } from './u32-table';

/** The language assumed when nothing else is known (fingerprints stored before languages were told apart). */
export const DEFAULT_LANGUAGE = 'en';

export const tokenHash = (t: string): number => hashString(stem(t));

/** Hashes of the single-token entries of a list: multi-word entries and figures are never content-free. */
function hashesOf(words: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const w of words) {
    const tokens = tokenize(normaliseText(w));
    if (tokens.length === 1 && !/^\p{N}/u.test(tokens[0])) out.add(tokenHash(tokens[0]));
  }
  return out;
}

const LANGUAGES = Object.keys(DETECTION_STOPWORDS).sort();
const DEFAULT_INDEX = LANGUAGES.indexOf(DEFAULT_LANGUAGE);
/** Function words are frequent: the opening of a text is enough to tell its language. */
const DETECTION_TOKENS = 160;

interface DetectionTable {
  /** Token hash → row of `rows`. */
  row: U32Table;
  /** Per row: indices (into LANGUAGES) of the languages whose stop list holds the token. */
  rows: number[][];
}

let detection: DetectionTable | null = null;

/** Built on first use. */
function detectionTable(): DetectionTable {
  if (detection) return detection;
  const lists = LANGUAGES.map((lang) => hashesOf(DETECTION_STOPWORDS[lang]));
  const row = new U32Table(lists.reduce((n, l) => n + l.size, 0));
  const rows: number[][] = [];
  lists.forEach((hashes, i) => {
    for (const h of hashes) {
      const r = row.setIfAbsent(h, rows.length);
      if (r === rows.length) rows.push([i]);
      else rows[r].push(i);
    }
  });
  detection = { row, rows };
  return detection;
}

/** Language of a text from its token hashes; DEFAULT_LANGUAGE when no stop word is found. */
export function detectLanguage(tokens: readonly number[]): string {
  const { row, rows } = detectionTable();
  const counts = new Int32Array(LANGUAGES.length);
  const n = Math.min(tokens.length, DETECTION_TOKENS);
  for (let t = 0; t < n; t++) {
    const r = row.get(tokens[t]);
    if (r >= 0) for (const l of rows[r]) counts[l]++;
  }
  let best = DEFAULT_INDEX;
  for (let l = 0; l < counts.length; l++) if (counts[l] > counts[best]) best = l;
  return counts[best] > 0 ? LANGUAGES[best] : DEFAULT_LANGUAGE;
}

const stopHashes = new Map<string, ReadonlySet<number>>();

/**
 * Token hashes that carry no content in `lang`: its stop list plus the English one (English
 * names, quotes and agency lines turn up in every language).
 */
export function stopHashesOf(lang: string = DEFAULT_LANGUAGE): ReadonlySet<number> {
  let set = stopHashes.get(lang);
  if (!set) {
    // English words are hashed as listed, as they always were, so English content words stay put.
    const english = STOPWORDS_BY_LANGUAGE[DEFAULT_LANGUAGE].map(tokenHash);
    set = new Set([...english, ...(lang === DEFAULT_LANGUAGE ? [] : hashesOf(STOPWORDS_BY_LANGUAGE[lang] ?? []))]);
    stopHashes.set(lang, set);
  }
  return set;
}

/**
 * Which tokens carry content, in any language. A text's language is the one whose stop list
 * covers most of its tokens (function words are the most frequent words of every language, so a
 * few sentences decide it); its content words are the tokens outside that list. Everything works
 * on token hashes, so stored fingerprints can be analysed without their text.
 */
import { hashString } from './hash';
import { normaliseText, stem, tokenize } from './normalise';
import { DETECTION_STOPWORDS, STOPWORDS_BY_LANGUAGE } from './stopwords';

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
let detection: Map<number, number[]> | null = null;

/** Token hash → languages whose stop list holds it; built on first use. */
function detectionTable(): Map<number, number[]> {
  if (detection) return detection;
  const table = new Map<number, number[]>();
  LANGUAGES.forEach((lang, i) => {
    for (const h of hashesOf(DETECTION_STOPWORDS[lang])) {
      const langs = table.get(h);
      if (langs) langs.push(i);
      else table.set(h, [i]);
    }
  });
  detection = table;
  return table;
}

/** Language of a text from its token hashes; DEFAULT_LANGUAGE when no stop word is found. */
export function detectLanguage(tokens: readonly number[]): string {
  const table = detectionTable();
  const counts = new Int32Array(LANGUAGES.length);
  for (const t of tokens) {
    const langs = table.get(t);
    if (langs) for (const l of langs) counts[l]++;
  }
  let best = LANGUAGES.indexOf(DEFAULT_LANGUAGE);
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

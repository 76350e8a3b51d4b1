/**
 * franc's language guess from franc's own profiles and script expressions, scored through an
 * index. franc compares every trigram of the sample (about a thousand in 2,048 characters)
 * with each of the 126 Latin-script profiles, one property lookup per pair: a sixth of the
 * time it takes to clean a whole page. Here each trigram is looked up once, in a map from
 * trigram to the profiles that hold it. The distances are the same integers and ties go to
 * the same language, so the answer is franc's (test/unit/clean/trigram-detect.test.ts holds
 * it to franc on real text).
 */
import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';

/** franc reads at most this many characters. */
export const FRANC_MAX_LENGTH = 2048;
/** franc's distance for a trigram a profile lacks. */
const MAX_DIFFERENCE = 300;
const UNDETERMINED = 'und';

interface ScriptIndex {
  /** Profile names in franc's order (the order of its data), which decides ties. */
  languages: string[];
  /** Trigram → pairs of (profile number, rank of the trigram in that profile). */
  postings: Map<string, Int32Array>;
}

const indexes = new Map<string, ScriptIndex>();

/** Built on first use per script: a Latin page never pays for the Cyrillic profiles. */
function scriptIndex(script: string): ScriptIndex {
  let index = indexes.get(script);
  if (index) return index;
  const profiles = data[script];
  const languages = Object.keys(profiles);
  const lists = new Map<string, number[]>();
  languages.forEach((language, n) => {
    const seen = new Set<string>();
    profiles[language].split('|').forEach((trigram, rank) => {
      // franc keeps a trigram's first rank when a profile lists it twice.
      if (seen.has(trigram)) return;
      seen.add(trigram);
      let list = lists.get(trigram);
      if (!list) lists.set(trigram, (list = []));
      list.push(n, rank);
    });
  });
  index = { languages, postings: new Map([...lists].map(([trigram, list]) => [trigram, Int32Array.from(list)])) };
  indexes.set(script, index);
  return index;
}

/** franc's script choice: the expression with the largest share of the text, the first one on ties. */
function topScript(value: string): { script: string | undefined; share: number } {
  let script: string | undefined;
  let top = -1;
  for (const [name, expression] of Object.entries(expressions)) {
    const share = (value.match(expression)?.length ?? 0) / value.length || 0;
    if (share > top) {
      top = share;
      script = name;
    }
  }
  return { script, share: top };
}

/** trigram-utils' trigram counts: ASCII punctuation and digits to spaces, spaces collapsed, lower case, padded. */
function trigramCounts(value: string): Map<string, number> {
  const text = ` ${value
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= text.length; i++) {
    const trigram = text.slice(i, i + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return counts;
}

/** The profile with the smallest distance to the text's trigrams, the first in franc's order on ties. */
function closest(counts: Map<string, number>, index: ScriptIndex, ignore: readonly string[]): string {
  const distances = new Float64Array(index.languages.length).fill(MAX_DIFFERENCE * counts.size);
  for (const [trigram, count] of counts) {
    const postings = index.postings.get(trigram);
    if (!postings) continue;
    for (let k = 0; k < postings.length; k += 2) distances[postings[k]] += Math.abs(count - postings[k + 1] - 1) - MAX_DIFFERENCE;
  }
  let best = UNDETERMINED;
  let bestDistance = Infinity;
  index.languages.forEach((language, n) => {
    if (distances[n] < bestDistance && !ignore.includes(language)) {
      best = language;
      bestDistance = distances[n];
    }
  });
  return best;
}

/** What `franc(value, { minLength, ignore })` returns: an ISO 639-3 code, or 'und'. */
export function francLanguage(value: string, options: { minLength: number; ignore: readonly string[] }): string {
  if (!value || value.length < options.minLength) return UNDETERMINED;
  const sample = value.slice(0, FRANC_MAX_LENGTH);
  const { script, share } = topScript(sample);
  if (!script) return UNDETERMINED;
  // Scripts written in one language only (Greek, Korean, Thai…) have no profiles: the script names it.
  if (!(script in data)) return share === 0 || options.ignore.includes(script) ? UNDETERMINED : script;
  return closest(trigramCounts(sample), scriptIndex(script), options.ignore);
}

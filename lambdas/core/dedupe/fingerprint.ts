/**
 * Turns a document into its stored fingerprint and its index keys. Everything later (verify,
 * index lookups) works on the fingerprint, so the same code serves fresh and stored articles.
 */
import { digest64, hashKey, mix32 } from './hash';
import { lshBandKeys, SHINGLE_BANDS, TERM_BANDS } from './minhash';
import { DEFAULT_LANGUAGE, detectLanguage, stopHashesOf, tokenHash as sharedTokenHash } from './languages';
import { canonicalise, normaliseText, tokenize } from './normalise';
import { splitParagraphs, splitSentences } from './sentences';
import { STOPWORDS } from './stopwords';
import { revisedStoryId } from './story-id';
import { U32Table } from './u32-table';
import type { DedupeDoc, Fingerprint } from './types';
import { isWireOutlet } from './wire';

export const SHINGLE_SIZE = 5;
/** Copies share their top, so only the first sentences get index keys (bounds calls too). */
export const MAX_KEYED_SENTENCES = 8;
export const MIN_KEYED_CONTENT_WORDS = 4;
const SENTENCE_KEY_SEEDS = [0x51ed, 0xa11c] as const;
/** Very long bodies are cut: the top decides copy-ness and the stored item must stay small. */
const MAX_TOKENS = 6000;

// A local binding: called per token, and an imported one is a property read per call in CommonJS.
const tokenHash = sharedTokenHash;

export function contentTerms(text: string, lang: string = DEFAULT_LANGUAGE): number[] {
  const tokens = tokenize(normaliseText(text));
  if (lang === DEFAULT_LANGUAGE) return tokens.filter((t) => !STOPWORDS.has(t)).map(tokenHash);
  const stop = stopHashesOf(lang);
  return tokens.map(tokenHash).filter((h) => !stop.has(h));
}

export function buildFingerprint(doc: DedupeDoc): Fingerprint {
  const tokens: number[] = [];
  const sentenceEnds: number[] = [];
  for (const paragraph of splitParagraphs(canonicalise(doc.body))) {
    for (const sentence of splitSentences(paragraph)) {
      if (tokens.length >= MAX_TOKENS) break;
      const before = tokens.length;
      for (const t of tokenize(sentence.toLowerCase())) tokens.push(tokenHash(t));
      if (tokens.length > before) sentenceEnds.push(Math.min(tokens.length, MAX_TOKENS));
    }
  }
  tokens.length = Math.min(tokens.length, MAX_TOKENS);
  const bodyHash = digest64(tokens);
  const lang = detectLanguage(tokens);
  return {
    articleId: doc.id,
    outlet: doc.outlet,
    published: doc.published,
    wire: doc.syndication.length > 0 || isWireOutlet(doc.outlet),
    bodyHash,
    wordCount: tokens.length,
    title: doc.title ? contentTerms(doc.title, lang) : [],
    tokens,
    sentenceEnds,
    // Absent for English, so English fingerprints (and those stored before languages) read alike.
    ...(lang === DEFAULT_LANGUAGE ? {} : { lang }),
    // Derived from the body, so a redelivery of the same revision founds the same story.
    ...(doc.revised ? { founds: revisedStoryId(doc.id, bodyHash) } : {}),
  };
}

/** Derived views of a fingerprint, computed once per fingerprint object. */
export interface Analysis {
  /** Per sentence: distinct content-word hashes. */
  sentenceTerms: Uint32Array[];
  /** Per sentence: start offset in content words, for positional tests. */
  contentOffsets: number[];
  contentTotal: number;
  /** Per sentence: its index keys (empty when too short to key or beyond the keyed top). */
  sentenceKeys: string[][];
  /** Word shingle hash starting at each token (tokens.length - SHINGLE_SIZE + 1 of them). */
  shingleAt: Uint32Array;
  /** Sentence of each token. */
  sentenceOfToken: Uint32Array;
}

/** Lookup structures over the text that plays the longer part in a verification. */
export interface LookupIndex {
  /**
   * Content word → sentences holding it (for alignment), in compressed rows: the sentences of
   * the term numbered `termRow.get(word)` are `postings[rowStart[n]] … postings[rowStart[n + 1] - 1]`.
   */
  termRow: U32Table;
  rowStart: Int32Array;
  postings: Int32Array;
  /** Shingle hash → first sentence it starts in. */
  shingleSentence: U32Table;
}

const analyses = new WeakMap<Fingerprint, Analysis>();
const lookups = new WeakMap<Fingerprint, LookupIndex>();

const NO_KEYS: string[] = [];

export function analyse(fp: Fingerprint): Analysis {
  const cached = analyses.get(fp);
  if (cached) return cached;
  const sentenceTerms: Uint32Array[] = [];
  const contentOffsets: number[] = [];
  const sentenceKeys: string[][] = [];
  const words: number[] = [];
  let start = 0;
  let offset = 0;
  let keyed = 0;
  const stop = stopHashesOf(fp.lang);
  for (const end of fp.sentenceEnds) {
    words.length = 0;
    for (let i = start; i < end; i++) if (!stop.has(fp.tokens[i])) words.push(fp.tokens[i]);
    const terms = distinct(words);
    sentenceTerms.push(terms);
    contentOffsets.push(offset);
    // Only the top sentences are keyed in the index, so only their keys can ever be boilerplate.
    const keys = keyed < MAX_KEYED_SENTENCES ? sentenceKeysOf(terms) : NO_KEYS;
    if (keys.length) keyed++;
    sentenceKeys.push(keys);
    offset += words.length;
    start = end;
  }
  const sentenceOfToken = new Uint32Array(fp.tokens.length);
  fp.sentenceEnds.forEach((end, s) => sentenceOfToken.fill(s, s === 0 ? 0 : fp.sentenceEnds[s - 1], end));
  const result = { sentenceTerms, contentOffsets, contentTotal: offset, sentenceKeys, shingleAt: shingleHashes(fp.tokens), sentenceOfToken };
  analyses.set(fp, result);
  return result;
}

let scratch = new Uint32Array(256);

/** Distinct values in first-seen order; sentences are short, so a linear scan beats a Set. */
function distinct(values: readonly number[]): Uint32Array {
  if (scratch.length < values.length) scratch = new Uint32Array(values.length * 2);
  let n = 0;
  for (const v of values) {
    let seen = false;
    for (let k = 0; k < n; k++) {
      if (scratch[k] === v) {
        seen = true;
        break;
      }
    }
    if (!seen) scratch[n++] = v;
  }
  // One right-sized copy per sentence: these live as long as the fingerprint's analysis.
  return scratch.slice(0, n);
}

/** Built on first use: most articles never play the longer part. */
export function lookupIndex(fp: Fingerprint): LookupIndex {
  const cached = lookups.get(fp);
  if (cached) return cached;
  const an = analyse(fp);
  let pairs = 0;
  for (const terms of an.sentenceTerms) pairs += terms.length;
  const termRow = new U32Table(pairs);
  const counts: number[] = [];
  for (const terms of an.sentenceTerms) {
    for (const t of terms) {
      const row = termRow.setIfAbsent(t, counts.length);
      if (row === counts.length) counts.push(1);
      else counts[row]++;
    }
  }
  const rowStart = new Int32Array(counts.length + 1);
  for (let r = 0; r < counts.length; r++) rowStart[r + 1] = rowStart[r] + counts[r];
  const fill = rowStart.slice(0, counts.length);
  const postings = new Int32Array(pairs);
  an.sentenceTerms.forEach((terms, j) => {
    for (const t of terms) postings[fill[termRow.get(t)]++] = j;
  });
  const shingleSentence = new U32Table(an.shingleAt.length);
  for (let i = 0; i < an.shingleAt.length; i++) shingleSentence.setIfAbsent(an.shingleAt[i], an.sentenceOfToken[i]);
  const result = { termRow, rowStart, postings, shingleSentence };
  lookups.set(fp, result);
  return result;
}

function shingleHashes(tokens: readonly number[]): Uint32Array {
  const n = SHINGLE_SIZE;
  const out = new Uint32Array(Math.max(0, tokens.length - n + 1));
  for (let i = 0; i < out.length; i++) {
    let h = 0;
    for (let k = 0; k < n; k++) h = Math.imul(h ^ tokens[i + k], 0x01000193) >>> 0;
    out[i] = h;
  }
  return out;
}

/**
 * Keys of one sentence: the two smallest content-word hashes under each seed. Rewording swaps
 * some words; a key survives when its two words do, so two seeds give two chances.
 */
function sentenceKeysOf(terms: Uint32Array): string[] {
  if (terms.length < MIN_KEYED_CONTENT_WORDS) return [];
  return SENTENCE_KEY_SEEDS.map((seed) => {
    let a = 0xffffffff;
    let b = 0xffffffff;
    for (const t of terms) {
      const h = mix32(t ^ seed);
      if (h < a) {
        b = a;
        a = h;
      } else if (h < b) b = h;
    }
    return `sent#${hashKey(a)}.${hashKey(b)}`;
  });
}

/** Word shingle hashes of the whole body, in order (repeats kept: MinHash ignores them). */
export function shingles(fp: Fingerprint): Uint32Array {
  return analyse(fp).shingleAt;
}

export function exactKey(fp: Fingerprint): string {
  return `hash#${fp.bodyHash}`;
}

/**
 * All index keys of an article: LSH bands and keys of its top sentences. Exact copies have the
 * same bands, so the exact hash is a key only for texts too short for a 5-word shingle (one
 * fewer item write per article).
 */
export function indexKeys(fp: Fingerprint): string[] {
  const a = analyse(fp);
  const terms = new Uint32Array(a.sentenceTerms.reduce((n, t) => n + t.length, 0));
  let at = 0;
  for (const t of a.sentenceTerms) {
    terms.set(t, at);
    at += t.length;
  }
  const bands = lshBandKeys(shingles(fp), SHINGLE_BANDS);
  const keys = new Set([...(bands.length ? bands : [exactKey(fp)]), ...lshBandKeys(terms, TERM_BANDS)]);
  for (const sentence of a.sentenceKeys) for (const k of sentence) keys.add(k);
  return [...keys];
}

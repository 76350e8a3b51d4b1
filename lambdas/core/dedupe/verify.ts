/**
 * Pair verifier: decides whether two articles are one story (`copy` or `rewrite`) or
 * `different`, from evidence that separates them in real syndication:
 *  - copies share their top (outlets trim the tail, not the lede) and most of their shingles;
 *  - rewrites keep sentence-by-sentence correspondence (many aligned sentences, lede included)
 *    even when few exact 5-word runs survive;
 *  - next-day stories on the same subject share only tail background paragraphs.
 * Sentences flagged as boilerplate (seen across many stories) are left out of every score.
 */
import { analyse, lookupIndex, type Analysis } from './fingerprint';
import type { Fingerprint, Verification } from './types';

export interface VerifyOptions {
  /** True for index keys known to be boilerplate; a sentence with such a key carries no weight. */
  isBoilerplateKey?: (key: string) => boolean;
}

export const THRESHOLDS = {
  /** Shared content words for two sentences to align, absolute and relative to the shorter one. */
  alignMinShared: 3,
  alignMinShare: 0.5,
  /** Share of the shorter text's content words (or shingles) the top must be found within. */
  topShare: 0.34,
  copyContainment: 0.5,
  /**
   * A shorter text found nearly whole in the longer one, its opening included, is a copy even when
   * nothing is aligned at the top of both: papers bundle a release under other news, or move its
   * paragraphs. A next-day story shares at most the earlier story's tail, never its opening, and
   * far less of it.
   */
  embeddedContainment: 0.7,
  /**
   * Outlet edits and wire versions change a few words per sentence; spinning changes many. Mean
   * content-word Jaccard of aligned sentences tells the two apart once coverage is established.
   */
  copySimilarity: 0.75,
  rewriteCoverage: 0.45,
  /**
   * Only aligned sentences this similar count toward a rewrite's coverage: below it, two sentences
   * share a formula ("Everyone has the right to…", "The King received…") with other particulars.
   */
  alignStrong: 0.3,
  /** Loose alignments (shared names and places, as two write-ups of one event have) fall below this. */
  rewriteSimilarity: 0.35,
  rewriteMinAligned: 2,
  /** A rewrite keeps the opening: the shorter text's first aligned sentence lies within this share. */
  rewriteOpening: 0.2,
  /**
   * Rewrites are recognised from weaker evidence than copies, so they must also fall within the
   * syndication window (copies and rewrites appear within hours, a day or two at most); two
   * related articles a week apart that share background are different stories.
   */
  rewriteMaxHours: 72,
} as const;

interface Side {
  fp: Fingerprint;
  an: Analysis;
  active: boolean[];
  total: number;
  /** Per sentence: content-word position among active sentences, as a share of the whole. */
  position: number[];
}

// One assignment verifies its article against many candidates with one boilerplate predicate;
// the article's side is computed once for them all.
const sideCache = new WeakMap<Fingerprint, { predicate: (key: string) => boolean; side: Side }>();

function side(fp: Fingerprint, isBoilerplateKey: (key: string) => boolean): Side {
  const cached = sideCache.get(fp);
  if (cached && cached.predicate === isBoilerplateKey) return cached.side;
  const computed = computeSide(fp, isBoilerplateKey);
  sideCache.set(fp, { predicate: isBoilerplateKey, side: computed });
  return computed;
}

function computeSide(fp: Fingerprint, isBoilerplateKey: (key: string) => boolean): Side {
  const an = analyse(fp);
  const active = an.sentenceTerms.map((t, i) => t.length > 0 && !an.sentenceKeys[i].some(isBoilerplateKey));
  let total = 0;
  an.sentenceTerms.forEach((t, i) => {
    if (active[i]) total += t.length;
  });
  const position: number[] = [];
  let seen = 0;
  an.sentenceTerms.forEach((t, i) => {
    position.push(total ? seen / total : 0);
    if (active[i]) seen += t.length;
  });
  return { fp, an, active, total, position };
}

interface Alignment {
  /** For each sentence of `short`, the aligned sentence of `long`, or -1. */
  partner: number[];
  /** For each sentence of `short`, Jaccard similarity of content words with its partner. */
  similarity: number[];
}

function align(short: Side, long: Side): Alignment {
  const { termRow, rowStart, postings } = lookupIndex(long.fp);
  const counts = new Int32Array(long.an.sentenceTerms.length);
  const touched: number[] = [];
  const partner: number[] = [];
  const similarity: number[] = [];
  short.an.sentenceTerms.forEach((terms, i) => {
    partner.push(-1);
    similarity.push(0);
    if (!short.active[i] || terms.length === 0) return;
    for (const t of terms) {
      const row = termRow.get(t);
      if (row < 0) continue;
      for (let p = rowStart[row]; p < rowStart[row + 1]; p++) {
        const j = postings[p];
        if (counts[j]++ === 0) touched.push(j);
      }
    }
    let best = -1;
    let bestScore = 0;
    for (const j of touched) {
      const c = counts[j];
      counts[j] = 0;
      if (c < THRESHOLDS.alignMinShared || !long.active[j]) continue;
      const share = c / Math.min(terms.length, long.an.sentenceTerms[j].length);
      if (share >= THRESHOLDS.alignMinShare && (c > bestScore || (c === bestScore && j < best))) {
        best = j;
        bestScore = c;
      }
    }
    touched.length = 0;
    partner[i] = best;
    if (best >= 0) similarity[i] = bestScore / (terms.length + long.an.sentenceTerms[best].length - bestScore);
  });
  return { partner, similarity };
}

/**
 * Share of the shorter text's shingles found in the longer text's: outside boilerplate, or with
 * `whole`, everywhere (boilerplate included on both sides).
 */
function containment(short: Side, long: Side, whole = false): number {
  let total = 0;
  let hit = 0;
  const { shingleAt, sentenceOfToken } = short.an;
  const { shingleSentence } = lookupIndex(long.fp);
  for (let i = 0; i < shingleAt.length; i++) {
    if (!whole && !short.active[sentenceOfToken[i]]) continue;
    total++;
    const s = shingleSentence.get(shingleAt[i]);
    if (s >= 0 && (whole || long.active[s])) hit++;
  }
  return total ? hit / total : 0;
}

function dice(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sb = new Set(b);
  const sa = new Set(a);
  let hit = 0;
  for (const x of sa) if (sb.has(x)) hit++;
  return (2 * hit) / (sa.size + sb.size);
}

function hoursApart(a: string | null, b: string | null): number {
  if (!a || !b) return -1;
  const d = Math.abs(Date.parse(a) - Date.parse(b));
  return Number.isFinite(d) ? Math.round((d / 36e5) * 10) / 10 : -1;
}

const NO_BOILERPLATE = (): boolean => false;

const round = (x: number): number => Math.round(x * 1000) / 1000;

export function verifyPair(a: Fingerprint, b: Fingerprint, options: VerifyOptions = {}): Verification {
  const titleSim = round(dice(a.title, b.title));
  const gap = hoursApart(a.published, b.published);
  if (a.bodyHash === b.bodyHash && a.wordCount > 0) {
    return { verdict: 'copy', scores: { containment: 1, coverage: 1, title: titleSim, hours: gap }, reason: 'identical normalised body' };
  }
  const isBoilerplateKey = options.isBoilerplateKey ?? NO_BOILERPLATE;
  let sa = side(a, isBoilerplateKey);
  let sb = side(b, isBoilerplateKey);
  // Scores are taken from the shorter text's point of view (outlets trim), which also keeps
  // the verdict symmetric.
  const [short, long] = sa.total < sb.total || (sa.total === sb.total && a.articleId < b.articleId) ? [sa, sb] : [sb, sa];
  sa = short;
  sb = long;
  if (short.total === 0) return { verdict: 'different', scores: { title: titleSim, hours: gap }, reason: 'no content outside boilerplate' };

  const { partner, similarity } = align(short, long);
  const posShort = short.position;
  const posLong = long.position;
  let coveredWords = 0;
  let strongWords = 0;
  let aligned = 0;
  let topAligned = 0;
  let firstAligned = 1;
  let similaritySum = 0;
  partner.forEach((j, i) => {
    if (j < 0) return;
    aligned++;
    similaritySum += similarity[i] * short.an.sentenceTerms[i].length;
    coveredWords += short.an.sentenceTerms[i].length;
    if (similarity[i] >= THRESHOLDS.alignStrong) strongWords += short.an.sentenceTerms[i].length;
    firstAligned = Math.min(firstAligned, posShort[i]);
    if (posShort[i] < THRESHOLDS.topShare && posLong[j] < THRESHOLDS.topShare) topAligned++;
  });
  // The lede: copies and rewrites keep it (reworded at worst); a next-day story that reuses
  // background paragraphs does not.
  const shortLede = short.active.indexOf(true);
  const longLede = long.active.indexOf(true);
  const lede = partner[shortLede] >= 0 || partner.includes(longLede) ? 1 : 0;
  const coverage = coveredWords / short.total;
  const openingAligned = firstAligned <= THRESHOLDS.rewriteOpening;
  const contain = topAligned > 0 || openingAligned ? containment(short, long) : 0;
  const scores = {
    containment: round(contain),
    coverage: round(coverage),
    aligned,
    topAligned,
    firstAligned: round(firstAligned),
    lede,
    alignedSimilarity: round(coveredWords ? similaritySum / coveredWords : 0),
    title: titleSim,
    hours: gap,
  };
  const activeSentences = short.active.filter(Boolean).length;
  // Whole texts here: a text whose top is boilerplate-flagged (formulaic lines seen across
  // stories) would otherwise be judged on the background it shares.
  if (topAligned === 0 && openingAligned && contain >= THRESHOLDS.embeddedContainment && containment(short, long, true) >= THRESHOLDS.embeddedContainment) {
    return { verdict: 'copy', scores, reason: `shorter text found whole in the longer (containment ${scores.containment}), opening included` };
  }
  if (topAligned === 0) {
    return { verdict: 'different', scores, reason: 'no aligned sentence at the top of both texts' };
  }
  if (contain >= THRESHOLDS.copyContainment) {
    return { verdict: 'copy', scores, reason: `shingle containment ${scores.containment} with shared top` };
  }
  if (gap > THRESHOLDS.rewriteMaxHours) {
    return { verdict: 'different', scores, reason: `${gap} h apart: too far for anything weaker than a copy` };
  }
  if (firstAligned > THRESHOLDS.rewriteOpening) {
    return { verdict: 'different', scores, reason: `opening not aligned (first aligned sentence at ${scores.firstAligned})` };
  }
  const covered = strongWords / short.total >= THRESHOLDS.rewriteCoverage && aligned >= Math.min(THRESHOLDS.rewriteMinAligned, activeSentences);
  if (covered && scores.alignedSimilarity >= THRESHOLDS.copySimilarity) {
    return { verdict: 'copy', scores, reason: `${aligned} near-identical aligned sentences cover ${scores.coverage} of the shorter text` };
  }
  if (covered && scores.alignedSimilarity >= THRESHOLDS.rewriteSimilarity) {
    return { verdict: 'rewrite', scores, reason: `${aligned} aligned sentences cover ${scores.coverage} of the shorter text` };
  }
  return { verdict: 'different', scores, reason: `coverage ${scores.coverage}, containment ${scores.containment} too low` };
}

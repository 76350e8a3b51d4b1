/**
 * Seeded MinHash and LSH banding. The permutations are derived from a fixed seed, so the same
 * text gives the same bands on every run and every machine (bands are stored and compared later).
 */
import { combine, hashKey, mix32 } from './hash';

export interface MinHashParams {
  bands: number;
  rows: number;
  seed: number;
  /** Key prefix, so bands over different element sets never collide. */
  prefix: string;
}

/** Near-duplicates: word 5-shingles, 3 rows a band. */
export const SHINGLE_BANDS: MinHashParams = { bands: 4, rows: 3, seed: 0x5eed, prefix: 'band' };
/** Rewrites keep most content words but few 5-word runs: content words, 2 rows a band. */
export const TERM_BANDS: MinHashParams = { bands: 4, rows: 2, seed: 0x7e57, prefix: 'tband' };

const permCache = new Map<string, Uint32Array>();

function permutations(count: number, seed: number): Uint32Array {
  const key = `${count}:${seed}`;
  let perms = permCache.get(key);
  if (!perms) {
    perms = new Uint32Array(count);
    let s = seed >>> 0;
    for (let i = 0; i < count; i++) {
      s = mix32(s + 0x9e3779b9);
      perms[i] = s;
    }
    permCache.set(key, perms);
  }
  return perms;
}

/**
 * One minimum per permutation. Each permutation is a multiply-add of the (already well mixed)
 * element hash with a seeded odd multiplier: cheap enough for the per-article budget, and
 * good enough for banding since inputs are hashes, not adversarial values.
 */
export function minhash(elements: ArrayLike<number>, count: number, seed: number): Uint32Array {
  const perms = permutations(2 * count, seed);
  const sig = new Uint32Array(count).fill(0xffffffff);
  for (let i = 0; i < count; i++) {
    const mul = perms[2 * i] | 1;
    const add = perms[2 * i + 1];
    let min = 0xffffffff;
    for (let e = 0; e < elements.length; e++) {
      const h = (Math.imul(elements[e], mul) + add) >>> 0;
      if (h < min) min = h;
    }
    sig[i] = min;
  }
  return sig;
}

/** Band keys `<prefix>#<i>#<hash>`; empty when there is nothing to hash. */
export function lshBandKeys(elements: ArrayLike<number>, params: MinHashParams = SHINGLE_BANDS): string[] {
  if (elements.length === 0) return [];
  const sig = minhash(elements, params.bands * params.rows, params.seed);
  const keys: string[] = [];
  for (let b = 0; b < params.bands; b++) {
    let h = b;
    for (let r = 0; r < params.rows; r++) h = combine(h, sig[b * params.rows + r]);
    keys.push(`${params.prefix}#${b}#${hashKey(h)}`);
  }
  return keys;
}

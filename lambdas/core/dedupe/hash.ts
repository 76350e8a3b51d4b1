/**
 * Small, fast, deterministic hashes. Fingerprints must be identical on every machine and run
 * (they are stored and compared later), so nothing here depends on process state or randomness.
 */

/** 32-bit FNV-1a over UTF-16 code units, finished with a murmur3 mix for better low bits. */
export function hashString(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Order-sensitive combination of two 32-bit hashes. */
export function combine(a: number, b: number): number {
  return mix32((Math.imul(a, 0x9e3779b1) ^ (b + 0x7f4a7c15)) >>> 0);
}

/** 64-bit hex digest (two independent 32-bit lanes) of a hash sequence, for exact-body identity. */
export function digest64(values: readonly number[]): string {
  let a = 0x1234567 ^ values.length;
  let b = 0x7654321;
  for (const v of values) {
    a = Math.imul(a ^ v, 0x01000193) >>> 0;
    b = Math.imul((b + v) ^ (b >>> 15), 0x2c1b3c6d) >>> 0;
  }
  return (
    mix32(a).toString(16).padStart(8, '0') +
    mix32(b ^ a)
      .toString(16)
      .padStart(8, '0')
  );
}

/** Compact base-36 rendering of a 32-bit hash, used inside index keys. */
export function hashKey(h: number): string {
  return (h >>> 0).toString(36);
}

/** Normalisation, tokens, sentences, MinHash and the verifier's basic contracts. */
import { buildFingerprint, indexKeys, verifyPair, type DedupeDoc } from '../../../lambdas/core/dedupe';
import { lshBandKeys, minhash } from '../../../lambdas/core/dedupe/minhash';
import { normaliseText, tokenize } from '../../../lambdas/core/dedupe/normalise';
import { splitSentences } from '../../../lambdas/core/dedupe/sentences';
import { U32Table } from '../../../lambdas/core/dedupe/u32-table';
import { loadSeedDocs } from './helpers';

describe('normalisation', () => {
  it('folds case, quotes, dashes, percent and whitespace, and keeps digits', () => {
    expect(normaliseText('  He said \u201C15%\u201D \u2014 Putin\u2019s\u00A0 4.75  Per Cent ')).toBe('he said "15 percent" - putin\'s 4.75 percent');
  });

  it('keeps decimals, thousands and contractions inside tokens and drops possessives', () => {
    expect(tokenize("putin's 4.75 rise, 65,000 don't stop. 3.")).toEqual(['putin', '4.75', 'rise', '65,000', "don't", 'stop', '3']);
  });

  it('splits sentences but not at initials and honorifics', () => {
    expect(splitSentences('Mr. Putin met U.S. officials on Monday. "Why?" he asked. (Later) it ended.')).toEqual([
      'Mr. Putin met U.S. officials on Monday.',
      '"Why?" he asked.',
      '(Later) it ended.',
    ]);
  });
});

describe('fingerprints', () => {
  const [seed] = loadSeedDocs();

  it('are deterministic and insensitive to house style', () => {
    const restyled: DedupeDoc = {
      ...seed,
      body: seed.body
        .replace(/\u2019/g, "'")
        .replace(/ /g, '  ')
        .toUpperCase(),
    };
    expect(buildFingerprint(restyled).bodyHash).toBe(buildFingerprint(seed).bodyHash);
    expect(indexKeys(buildFingerprint(restyled))).toEqual(indexKeys(buildFingerprint(seed)));
  });

  it('MinHash agrees on shared elements in proportion to Jaccard similarity', () => {
    const a = Array.from({ length: 400 }, (_, i) => i * 2654435761);
    const b = [...a.slice(0, 200), ...Array.from({ length: 200 }, (_, i) => (i + 1000) * 2246822519)];
    const sa = minhash(a, 256, 1);
    const sb = minhash(b, 256, 1);
    const agree = sa.filter((x, i) => x === sb[i]).length / 256;
    // Jaccard is 200 / 600 = 0.33.
    expect(agree).toBeGreaterThan(0.2);
    expect(agree).toBeLessThan(0.47);
    expect(lshBandKeys(a)).toEqual(lshBandKeys([...a].reverse()));
  });
});

describe('verifyPair', () => {
  const docs = loadSeedDocs();
  const fps = docs.map(buildFingerprint);

  it('is symmetric', () => {
    for (const a of fps) for (const b of fps) expect(verifyPair(a, b).verdict).toBe(verifyPair(b, a).verdict);
  });

  it('calls a trimmed copy a copy, and a story that reuses the tail as background different', () => {
    const paragraphs = docs[1].body.split('\n\n');
    const trimmed = buildFingerprint({ ...docs[1], id: 'trimmed', body: paragraphs.slice(0, 5).join('\n\n') });
    expect(verifyPair(trimmed, fps[1]).verdict).toBe('copy');
    // A next-day story: new top, the earlier story's last paragraphs as background.
    const nextDay = buildFingerprint({ ...docs[3], id: 'next-day', body: [docs[3].body, ...paragraphs.slice(-3)].join('\n\n') });
    expect(verifyPair(nextDay, fps[1]).verdict).toBe('different');
  });

  it('does not let boilerplate sentences count', () => {
    const copyright = 'Copyright 2021 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.';
    const a = buildFingerprint({ ...docs[2], id: 'a', body: `${copyright}\n\n${docs[2].body}` });
    const b = buildFingerprint({ ...docs[3], id: 'b', body: `${copyright}\n\n${docs[3].body}` });
    const keys = new Set(indexKeys(a).filter((k) => indexKeys(b).includes(k)));
    expect(keys.size).toBeGreaterThan(0);
    expect(verifyPair(a, b, { isBoilerplateKey: (k) => keys.has(k) }).verdict).toBe('different');
  });
});

describe('U32Table', () => {
  it('keeps the first value per key, including key 0 and keys that collide in the low bits', () => {
    const t = new U32Table(6);
    const keys = [0, 1 << 20, 2 << 20, 3 << 20, 0xffffffff, 7];
    keys.forEach((k, i) => expect(t.setIfAbsent(k, i)).toBe(i));
    keys.forEach((k, i) => expect(t.get(k)).toBe(i));
    expect(t.setIfAbsent(1 << 20, 99)).toBe(1);
    expect(t.get(5)).toBe(-1);
    expect(t.size).toBe(6);
  });

  it('agrees with a Map on many random keys and refuses to grow past its capacity', () => {
    const n = 5000;
    const t = new U32Table(n);
    const m = new Map<number, number>();
    let s = 12345;
    for (let i = 0; i < n; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      if (!m.has(s)) m.set(s, i);
      t.setIfAbsent(s, i);
    }
    for (const [k, v] of m) expect(t.get(k)).toBe(v);
    expect(t.size).toBe(m.size);
    const small = new U32Table(1);
    expect(() => {
      for (let k = 0; k < 64; k++) small.setIfAbsent(k, k);
    }).toThrow(/over capacity/);
  });
});

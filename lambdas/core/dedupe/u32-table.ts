/**
 * Open-addressing table from 32-bit hashes to small non-negative integers. Verification looks
 * up every shingle and content word of one text in another's tables; a Map costs an object per
 * entry and dominates garbage collection at a thousand articles a second, two typed arrays do not.
 */
export class U32Table {
  private readonly keys: Uint32Array;
  /** -1 marks an empty slot (values are never negative). */
  private readonly values: Int32Array;
  private readonly shift: number;
  private readonly mask: number;
  size = 0;

  constructor(expected: number) {
    let bits = 4;
    while (1 << bits < expected * 2) bits++;
    this.keys = new Uint32Array(1 << bits);
    this.values = new Int32Array(1 << bits).fill(-1);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
  }

  private slot(key: number): number {
    // Fibonacci hashing: the multiply spreads keys whose low bits agree.
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.values[i] >= 0 && this.keys[i] !== key) i = (i + 1) & this.mask;
    return i;
  }

  /** The value for `key`, or -1. */
  get(key: number): number {
    return this.values[this.slot(key >>> 0)];
  }

  /** Stores `value` unless the key is present; returns the value the key has afterwards. */
  setIfAbsent(key: number, value: number): number {
    const i = this.slot(key >>> 0);
    if (this.values[i] < 0) {
      if ((this.size + 1) * 2 > this.keys.length) throw new Error('U32Table: over capacity');
      this.keys[i] = key >>> 0;
      this.values[i] = value;
      this.size++;
    }
    return this.values[i];
  }
}

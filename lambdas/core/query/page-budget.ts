/**
 * A Lambda response is capped at 6 MB (6,291,456 bytes) including the proxy envelope, and
 * past it API Gateway answers 502. Pages stop adding items below this budget; the rest is
 * reached with the cursor.
 */
export const RESPONSE_BUDGET_BYTES = 5_000_000;

/**
 * Bytes an item adds to the proxy response: its JSON, escaped once more as the response's
 * `body` string (quotes, backslashes and newlines in article text double there).
 */
export function responseBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(JSON.stringify(value)), 'utf8') - 1;
}

/**
 * Admits items in order until the next would pass the budget. The first item is always
 * admitted, so paging moves on even past an item bigger than the budget.
 */
export class PageBudget {
  private used = 0;
  private count = 0;
  private turnedAway = false;

  constructor(private readonly budget: number = RESPONSE_BUDGET_BYTES) {}

  admit(size: number): boolean {
    if (this.turnedAway || (this.count > 0 && this.used + size > this.budget)) {
      this.turnedAway = true;
      return false;
    }
    this.used += size;
    this.count++;
    return true;
  }

  /** An item was turned away: the response is as large as it may be. */
  get full(): boolean {
    return this.turnedAway;
  }
}

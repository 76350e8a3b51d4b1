/**
 * Cost model: measured units per article → dollars per million articles at list prices.
 * Pure (prices and assumptions are data), so the same model prices any run, before or after a
 * change. `costFromBench` is the one hook into the bench's results.
 */

/** On-demand list prices in USD per unit, us-east-1, with the date they were read. */
export const PRICES_US_EAST_1 = {
  region: 'us-east-1',
  asOf: '2025-06-01',
  source: 'AWS public pricing pages (Lambda, DynamoDB on-demand after the Nov 2024 cut, S3 Standard, SQS standard); free tiers ignored',
  lambdaArmGbSecond: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  dynamoWriteRequestUnit: 0.625 / 1e6,
  dynamoReadRequestUnit: 0.125 / 1e6,
  dynamoStorageGbMonth: 0.25,
  s3PutRequest: 0.005 / 1000,
  s3GetRequest: 0.0004 / 1000,
  sqsRequest: 0.4 / 1e6,
} as const;

export type PriceList = { [K in keyof typeof PRICES_US_EAST_1]: (typeof PRICES_US_EAST_1)[K] extends number ? number : string };

/** Billable units one article causes. */
export interface UnitsPerArticle {
  lambdaGbSeconds: number;
  lambdaRequests: number;
  dynamoWriteUnits: number;
  dynamoReadUnits: number;
  /** Bytes the article keeps in DynamoDB (record + index items), priced for one month. */
  dynamoStoredBytes: number;
  s3Puts: number;
  /** GET-class requests: HeadObject and GetObject of the upload. */
  s3Gets: number;
  sqsRequests: number;
}

/**
 * What the bench cannot measure locally, stated once. SQS: the S3 notification's SendMessage,
 * and a tenth each of the ReceiveMessage and DeleteMessageBatch of a batch of ten.
 */
export const COST_ASSUMPTIONS = {
  /** In-region DynamoDB round trip, waited for (and billed) while the handler runs. */
  dynamoLatencyMs: 5,
  /** Record item (text, paragraphs, audit trail) plus fingerprint and key items, per article. */
  dynamoStoredBytes: 12_000,
  /** The upload itself; offloaded bodies (over 300 KB) are rare enough to leave out. */
  s3Puts: 1,
  s3Gets: 2,
  sqsRequestsPerMessage: 1,
  sqsRequestsPerBatch: 2,
} as const;

export interface Measured {
  memoryMb: number;
  batchSize: number;
  /** Messages handled side by side in one invocation: DynamoDB waits overlap by this much. */
  batchParallelism: number;
  /** CPU per article measured locally (handler, SDK and the local servers: an overestimate of the handler alone). */
  cpuMsPerArticle: number;
  dynamoCallsPerArticle: number;
  writeUnitsPerArticle: number;
  readUnitsPerArticle: number;
}

export function billedMsPerArticle(m: Measured, a = COST_ASSUMPTIONS): number {
  return m.cpuMsPerArticle + (m.dynamoCallsPerArticle * a.dynamoLatencyMs) / Math.max(1, m.batchParallelism);
}

export function unitsPerArticle(m: Measured, a = COST_ASSUMPTIONS): UnitsPerArticle {
  return {
    lambdaGbSeconds: (billedMsPerArticle(m, a) / 1000) * (m.memoryMb / 1024),
    lambdaRequests: 1 / m.batchSize,
    dynamoWriteUnits: m.writeUnitsPerArticle,
    dynamoReadUnits: m.readUnitsPerArticle,
    dynamoStoredBytes: a.dynamoStoredBytes,
    s3Puts: a.s3Puts,
    s3Gets: a.s3Gets,
    sqsRequests: a.sqsRequestsPerMessage + a.sqsRequestsPerBatch / m.batchSize,
  };
}

export interface CostLine {
  item: string;
  unitsPerMillion: number;
  unit: string;
  unitPrice: number;
  dollars: number;
}

export interface CostModelResult {
  prices: PriceList;
  measured: Measured;
  billedMsPerArticle: number;
  units: UnitsPerArticle;
  lines: CostLine[];
  dollarsPerMillion: number;
}

const GB = 1024 ** 3;

export function costPerMillion(units: UnitsPerArticle, prices: PriceList = PRICES_US_EAST_1): { lines: CostLine[]; total: number } {
  const line = (item: string, perArticle: number, unit: string, unitPrice: number): CostLine => ({
    item,
    unitsPerMillion: perArticle * 1e6,
    unit,
    unitPrice,
    dollars: perArticle * 1e6 * unitPrice,
  });
  const lines = [
    line('Lambda arm64 compute', units.lambdaGbSeconds, 'GB-s', prices.lambdaArmGbSecond),
    line('Lambda requests', units.lambdaRequests, 'requests', prices.lambdaRequest),
    line('DynamoDB writes (on-demand)', units.dynamoWriteUnits, 'WRU', prices.dynamoWriteRequestUnit),
    line('DynamoDB reads (on-demand)', units.dynamoReadUnits, 'RRU', prices.dynamoReadRequestUnit),
    line('DynamoDB storage, one month', units.dynamoStoredBytes / GB, 'GB-month', prices.dynamoStorageGbMonth),
    line('S3 PUT', units.s3Puts, 'requests', prices.s3PutRequest),
    line('S3 GET/HEAD', units.s3Gets, 'requests', prices.s3GetRequest),
    line('SQS', units.sqsRequests, 'requests', prices.sqsRequest),
  ];
  return { lines, total: lines.reduce((a, l) => a + l.dollars, 0) };
}

export function costModel(m: Measured, prices: PriceList = PRICES_US_EAST_1, a = COST_ASSUMPTIONS): CostModelResult {
  const units = unitsPerArticle(m, a);
  const { lines, total } = costPerMillion(units, prices);
  return { prices, measured: m, billedMsPerArticle: billedMsPerArticle(m, a), units, lines, dollarsPerMillion: total };
}

/** The parts of a bench result the model reads (kept structural so the bench can change around it). */
export interface BenchMeasurements {
  endToEnd?: { cpuMsPerArticle: number; queue: { batchSize: number; handlerBatchParallelism: number } };
  dedupeScale?: { windows: { totalCallsPerArticle: number; capacityPerArticle: { total: number; read: number; write: number } | null }[] };
}

/**
 * The model over a bench run: CPU from the end-to-end section, DynamoDB calls and capacity from
 * the largest dedupe window (the steady state at the biggest store measured). Null when either
 * section is missing or the store reported no capacity.
 */
export function costFromBench(r: BenchMeasurements, memoryMb: number, prices: PriceList = PRICES_US_EAST_1): CostModelResult | null {
  const last = r.dedupeScale?.windows.at(-1);
  if (!r.endToEnd || !last?.capacityPerArticle) return null;
  const c = last.capacityPerArticle;
  // A store that reports only totals (no read/write split) is priced as all writes: the dearer side.
  const split = c.read + c.write > 0;
  return costModel(
    {
      memoryMb,
      batchSize: r.endToEnd.queue.batchSize,
      batchParallelism: r.endToEnd.queue.handlerBatchParallelism,
      cpuMsPerArticle: r.endToEnd.cpuMsPerArticle,
      dynamoCallsPerArticle: last.totalCallsPerArticle,
      writeUnitsPerArticle: split ? c.write : c.total,
      readUnitsPerArticle: split ? c.read : 0,
    },
    prices,
  );
}

const money = (x: number) => (x >= 1 ? `$${x.toFixed(2)}` : `$${x.toFixed(4)}`);
const num = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(3));

export function renderCostTable(c: CostModelResult): string {
  const rows = c.lines.map((l) => `| ${l.item} | ${num(l.unitsPerMillion)} ${l.unit} | ${l.unitPrice.toPrecision(4)} | ${money(l.dollars)} |`);
  return [
    `Cost per million articles (${c.prices.region} list prices as of ${c.prices.asOf}; ${c.measured.memoryMb} MB arm64, ${c.billedMsPerArticle.toFixed(1)} ms billed per article):`,
    '',
    '| item | units per million articles | USD per unit | USD |',
    '|---|---:|---:|---:|',
    ...rows,
    `| **total** | | | **${money(c.dollarsPerMillion)}** |`,
  ].join('\n');
}

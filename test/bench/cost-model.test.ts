import { COST_ASSUMPTIONS, costFromBench, costModel, costPerMillion, PRICES_US_EAST_1, renderCostTable, unitsPerArticle, type Measured } from './cost-model';

const measured: Measured = { memoryMb: 1024, batchSize: 10, batchParallelism: 4, cpuMsPerArticle: 100, dynamoCallsPerArticle: 40, writeUnitsPerArticle: 40, readUnitsPerArticle: 8 };

test('units per article: billed time is CPU plus overlapped DynamoDB waits, at the configured memory', () => {
  const u = unitsPerArticle(measured);
  // 100 ms + 40 calls × 5 ms / 4 in parallel = 150 ms at 1 GB.
  expect(u.lambdaGbSeconds).toBeCloseTo(0.15, 10);
  expect(u.lambdaRequests).toBeCloseTo(0.1, 10);
  expect(u.sqsRequests).toBeCloseTo(1.2, 10);
  expect(unitsPerArticle({ ...measured, memoryMb: 512 }).lambdaGbSeconds).toBeCloseTo(0.075, 10);
});

test('dollars per million, line by line, at the list prices', () => {
  const { lines, total } = costPerMillion(unitsPerArticle(measured));
  const by = Object.fromEntries(lines.map((l) => [l.item, l.dollars]));
  expect(by['Lambda arm64 compute']).toBeCloseTo(0.15 * 1e6 * PRICES_US_EAST_1.lambdaArmGbSecond, 6); // $2.00
  expect(by['Lambda requests']).toBeCloseTo(0.02, 6);
  expect(by['DynamoDB writes (on-demand)']).toBeCloseTo(25, 6); // 40 M WRU × $0.625/M
  expect(by['DynamoDB reads (on-demand)']).toBeCloseTo(1, 6); // 8 M RRU × $0.125/M
  expect(by['DynamoDB storage, one month']).toBeCloseTo((COST_ASSUMPTIONS.dynamoStoredBytes * 1e6 / 1024 ** 3) * 0.25, 6);
  expect(by['S3 PUT']).toBeCloseTo(5, 6);
  expect(by['S3 GET/HEAD']).toBeCloseTo(0.8, 6);
  expect(by['SQS']).toBeCloseTo(0.48, 6);
  expect(total).toBeCloseTo(lines.reduce((a, l) => a + l.dollars, 0), 10);
});

test('halving DynamoDB writes shows in the total by exactly their share', () => {
  const before = costModel(measured).dollarsPerMillion;
  const after = costModel({ ...measured, writeUnitsPerArticle: 20 }).dollarsPerMillion;
  expect(before - after).toBeCloseTo(12.5, 6);
});

test('from bench results: the largest dedupe window, totals priced as writes when the store gives no split', () => {
  const bench = {
    endToEnd: { cpuMsPerArticle: 100, queue: { batchSize: 10, handlerBatchParallelism: 4 } },
    dedupeScale: { windows: [{ totalCallsPerArticle: 50, capacityPerArticle: { total: 60, read: 0, write: 0 } }, { totalCallsPerArticle: 40, capacityPerArticle: { total: 48, read: 0, write: 0 } }] },
  };
  const c = costFromBench(bench, 1024)!;
  expect(c.measured).toMatchObject({ dynamoCallsPerArticle: 40, writeUnitsPerArticle: 48, readUnitsPerArticle: 0 });
  const split = costFromBench({ ...bench, dedupeScale: { windows: [{ totalCallsPerArticle: 40, capacityPerArticle: { total: 48, read: 8, write: 40 } }] } }, 1024)!;
  expect(split.measured).toMatchObject({ writeUnitsPerArticle: 40, readUnitsPerArticle: 8 });
  expect(costFromBench({ endToEnd: bench.endToEnd }, 1024)).toBeNull();
  expect(costFromBench({ ...bench, dedupeScale: { windows: [{ totalCallsPerArticle: 40, capacityPerArticle: null }] } }, 1024)).toBeNull();
});

test('the printed table names the price date and sums to the total', () => {
  const table = renderCostTable(costModel(measured));
  expect(table).toContain(PRICES_US_EAST_1.asOf);
  expect(table).toMatch(/\| \*\*total\*\* \| \| \| \*\*\$\d+\.\d{2}\*\* \|/);
  expect(table.split('\n').filter((l) => l.startsWith('| ')).length).toBe(1 + 8 + 1);
});

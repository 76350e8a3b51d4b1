/**
 * Where handlers count what happened. In Lambda, Powertools Metrics (EMF in the function's log);
 * in the local runtime and tests nothing or memory, so the CLI's output never carries EMF.
 */
export interface MetricSink {
  count(name: string, value: number): void;
}

export const NO_METRICS: MetricSink = { count: () => undefined };

/** Counts summed by name: what tests and local tools read. */
export class MemoryMetrics implements MetricSink {
  readonly totals: Record<string, number> = {};

  count(name: string, value: number): void {
    this.totals[name] = (this.totals[name] ?? 0) + value;
  }
}

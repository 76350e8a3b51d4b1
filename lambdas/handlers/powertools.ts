import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context } from 'aws-lambda';
import { METRICS_NAMESPACE } from '../core/ingest/ingest-metrics';
import type { Logger as LoggerPort } from './log';
import type { MetricSink } from './metrics';

/**
 * Powertools for AWS Lambda, for the Lambda entries only (the local runtime passes its own logger
 * and no metrics): JSON logs with the request id and cold start, EMF metrics flushed once per
 * invocation, and an X-Ray subsegment per invocation with every SDK call under it.
 */
export interface Powertools {
  logger: Logger;
  metrics: Metrics;
  tracer: Tracer;
  /** The handlers' ports over the two. */
  log: LoggerPort;
  sink: MetricSink;
}

const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT'] as const;

export function createPowertools(serviceName: string, logLevel: string | undefined): Powertools {
  const level = LOG_LEVELS.find((l) => l === logLevel?.toUpperCase()) ?? 'INFO';
  const logger = new Logger({ serviceName, logLevel: level });
  const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName });
  const tracer = new Tracer({ serviceName });
  const log: LoggerPort = {
    debug: (msg, fields = {}) => logger.debug(msg, fields),
    info: (msg, fields = {}) => logger.info(msg, fields),
    warn: (msg, fields = {}) => logger.warn(msg, fields),
    error: (msg, fields = {}) => logger.error(msg, fields),
  };
  return { logger, metrics, tracer, log, sink: { count: (name, value) => metrics.addMetric(name, MetricUnit.Count, value) } };
}

/** Wraps a handler: context into the logs, a traced subsegment, metrics flushed even when it throws. */
export function instrument<E, R>(pt: Powertools, name: string, handle: (event: E) => Promise<R>): (event: E, context: Context) => Promise<R> {
  return async (event, context) => {
    pt.logger.addContext(context);
    pt.metrics.captureColdStartMetric(context.functionName);
    const parent = pt.tracer.getSegment();
    const segment = parent?.addNewSubsegment(`## ${name}`);
    if (segment) pt.tracer.setSegment(segment);
    pt.tracer.annotateColdStart();
    pt.tracer.addServiceNameAnnotation();
    try {
      return await handle(event);
    } catch (err) {
      if (err instanceof Error) pt.tracer.addErrorAsMetadata(err);
      throw err;
    } finally {
      // An invocation with nothing counted would only log Powertools' "no metrics" warning.
      if (pt.metrics.hasStoredMetrics()) pt.metrics.publishStoredMetrics();
      segment?.close();
      if (parent) pt.tracer.setSegment(parent);
    }
  };
}

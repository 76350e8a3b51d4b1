import { createHash } from 'node:crypto';
import type { AwsClients } from '../adapters/clients';

/**
 * Fault injection for the local runtime: SDK middleware that fails a configurable share of
 * S3 and DynamoDB attempts the way AWS does under stress — throttling, 500s, timeouts.
 *
 * The middleware sits in the `finalizeRequest` step below the SDK's retry middleware, so a
 * fault hits one attempt and the client's own retries (maxAttempts 3, retry quota) apply as in
 * AWS. Faults either stop the request before it is sent, or fire after the service has done
 * the work and lose the response (the case that tests idempotency: a write that happened but
 * was reported as failed).
 *
 * Deterministic: whether the n-th attempt of a request fails is a hash of the seed, the
 * operation, its input and n, so the same run injects the same faults however concurrent
 * calls interleave.
 */

export type FaultKind = 'throttle' | 'server-error' | 'timeout';

export interface FaultOptions {
  /** Share of attempts that fail, 0..1. */
  rate: number;
  seed?: number;
  services?: ReadonlyArray<'s3' | 'dynamo'>;
  kinds?: ReadonlyArray<FaultKind>;
  /** Share of faults injected after the service handled the request (response lost). */
  afterShare?: number;
  /** How long an injected timeout waits before failing. */
  timeoutMs?: number;
}

export interface FaultStats {
  attempts: number;
  injected: number;
  byKind: Record<FaultKind, number>;
  afterResponse: number;
}

export interface FaultInjector {
  /** Adds the middleware to both clients (in place) and returns them. */
  wrap(clients: AwsClients): AwsClients;
  /** Faults only fire while enabled; provisioning and checks run with them off. */
  enabled: boolean;
  readonly options: Required<FaultOptions>;
  readonly stats: FaultStats;
}

const THROTTLE = {
  s3: { name: 'SlowDown', message: 'Please reduce your request rate.', status: 503 },
  dynamo: { name: 'ThrottlingException', message: 'Rate of requests exceeds the allowed throughput.', status: 400 },
} as const;

/** An error shaped like the SDK's service exceptions, so the retry strategy classifies it as AWS's would. */
function faultError(kind: FaultKind, service: 's3' | 'dynamo', operation: string): Error {
  let fields: Record<string, unknown>;
  let message: string;
  if (kind === 'throttle') {
    const t = THROTTLE[service];
    message = t.message;
    fields = { name: t.name, $fault: 'client', $retryable: { throttling: true }, $metadata: { httpStatusCode: t.status } };
  } else if (kind === 'server-error') {
    message = 'We encountered an internal error. Please try again.';
    fields = { name: 'InternalServerError', $fault: 'server', $metadata: { httpStatusCode: 500 } };
  } else {
    // What the SDK's HTTP handler throws when a request times out.
    message = `Connection timed out after injected delay (${operation})`;
    fields = { name: 'TimeoutError', code: 'ETIMEDOUT', $metadata: {} };
  }
  return Object.assign(new Error(message), fields, { injectedFault: true });
}

function unitHash(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) / 0x1_0000_0000;
}

function requestKey(service: string, operation: string, input: unknown): string {
  // Bodies can be large; their length stands in for them.
  return JSON.stringify({ service, operation, input }, (_k, v: unknown) => {
    if (v instanceof Uint8Array) return `bytes:${v.length}`;
    if (typeof v === 'string' && v.length > 256) return `text:${v.length}:${v.slice(0, 64)}`;
    return v;
  });
}

type Next<A, R> = (args: A) => Promise<R>;

export function createFaultInjector(options: FaultOptions): FaultInjector {
  if (!(options.rate >= 0 && options.rate <= 1)) throw new Error(`Fault rate must be between 0 and 1, not ${options.rate}.`);
  const opts: Required<FaultOptions> = {
    seed: 1,
    services: ['s3', 'dynamo'],
    kinds: ['throttle', 'server-error', 'timeout'],
    afterShare: 0.3,
    timeoutMs: 25,
    ...options,
  };
  const stats: FaultStats = { attempts: 0, injected: 0, byKind: { throttle: 0, 'server-error': 0, timeout: 0 }, afterResponse: 0 };
  const attemptsByRequest = new Map<string, number>();

  const injector: FaultInjector = {
    enabled: true,
    options: opts,
    stats,
    wrap(clients) {
      clients.s3.middlewareStack.add(middleware('s3'), { step: 'finalizeRequest', priority: 'low', name: 'injectFaultsS3' });
      clients.dynamo.middlewareStack.add(middleware('dynamo'), { step: 'finalizeRequest', priority: 'low', name: 'injectFaultsDynamo' });
      return clients;
    },
  };

  function middleware(service: 's3' | 'dynamo') {
    return <A extends { input: object }, R>(next: Next<A, R>, context: { commandName?: string }): Next<A, R> =>
      async (args) => {
        if (!injector.enabled || !opts.services.includes(service)) return next(args);
        const operation = String(context.commandName);
        const key = requestKey(service, operation, args.input);
        const n = (attemptsByRequest.get(key) ?? 0) + 1;
        attemptsByRequest.set(key, n);
        stats.attempts++;
        const roll = unitHash(`${opts.seed}|${key}|${n}`);
        if (roll >= opts.rate) return next(args);
        // Spread the kinds and the before/after split evenly over the failing rolls.
        const within = roll / opts.rate;
        const kind = opts.kinds[Math.min(opts.kinds.length - 1, Math.floor(within * opts.kinds.length))];
        const after = unitHash(`${opts.seed}|after|${key}|${n}`) < opts.afterShare;
        stats.injected++;
        stats.byKind[kind]++;
        if (after) {
          stats.afterResponse++;
          const result = await next(args);
          discardBody(result);
        }
        if (kind === 'timeout') await new Promise((r) => setTimeout(r, opts.timeoutMs));
        throw faultError(kind, service, operation);
      };
  }

  return injector;
}

/** A lost GetObject response must still release its socket. */
function discardBody(result: unknown): void {
  const body = (result as { output?: { Body?: { destroy?: () => void } } } | undefined)?.output?.Body;
  if (body && typeof body.destroy === 'function') body.destroy();
}

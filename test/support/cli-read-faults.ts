/**
 * A `node --require` hook for CLI tests: in the spawned CLI's local runtime, every S3 read of a
 * key containing NEWS_INGEST_TEST_FAIL_READS fails (as a persistent S3 outage for those objects
 * would), and failed messages become visible again after 10 ms instead of 30 s. Uploads, the
 * queue, the handler and the dead-letter file are the real ones, so the test sees messages
 * dead-letter exactly as a user would.
 */
import type { AwsClients } from '../../lambdas/adapters/clients';
import type * as Runtime from '../../lambdas/local/runtime';

const failing = process.env.NEWS_INGEST_TEST_FAIL_READS;
if (failing) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const runtime = require('../../lambdas/local/runtime') as { startLocalRuntime: typeof Runtime.startLocalRuntime };
  const start = runtime.startLocalRuntime;
  const failReads = (clients: AwsClients): AwsClients => {
    clients.s3.middlewareStack.add(
      (next, context) => async (args) => {
        const key = (args.input as { Key?: string }).Key ?? '';
        if (context.commandName !== 'PutObjectCommand' && key.includes(failing)) {
          throw Object.assign(new Error(`injected S3 outage for ${key}`), { name: 'InternalError', $fault: 'server' });
        }
        return next(args);
      },
      { step: 'initialize', name: 'testFailReads' },
    );
    return clients;
  };
  runtime.startLocalRuntime = (opts) => start({ ...opts, queue: { ...opts.queue, visibilityTimeoutMs: 10 }, wrapClients: failReads });
}

import { fork } from 'node:child_process';
import { extname } from 'node:path';
import { startDynalite, startS3Server, type RunningServer, type S3rverEvent } from './servers';

/**
 * The embedded S3 and DynamoDB servers in a child process of their own, so they get a core
 * while the handler and the SDK clients use the parent's. The child never outlives the
 * parent: it shuts down when the IPC channel closes (the parent exited, even by SIGKILL),
 * on SIGINT/SIGTERM, or when asked; the parent also kills it from its own exit hook.
 */

export interface ServerHostOptions {
  s3Directory: string;
  /** dynalite's LevelDB directory (null: in memory); no dynalite at all when DynamoDB Local runs instead. */
  dynalite: { directory: string | null } | null;
}

export interface ServerHost {
  pid: number;
  s3Endpoint: string;
  dynamoEndpoint: string | null;
  /** S3's object-created notifications, as s3rver emits them in the child. */
  onObjectCreated(listener: (event: S3rverEvent) => void): void;
  /**
   * Resolves once every notification the child emitted so far has reached the listeners.
   * s3rver emits before it answers the PUT, but the answer and the notification travel on
   * different channels, so an upload that has returned may still have its event in flight.
   */
  settle(): Promise<void>;
  /** CPU time the server process has used so far (benchmarks count it with the parent's). */
  cpuUsage(): Promise<NodeJS.CpuUsage>;
  stop(): Promise<void>;
}

type ToHost = { type: 'sync'; id: number } | { type: 'stop' };
type FromHost =
  | { type: 'ready'; s3Endpoint: string; dynamoEndpoint: string | null }
  | { type: 'failed'; message: string }
  | { type: 'event'; event: S3rverEvent }
  | { type: 'synced'; id: number; cpu: NodeJS.CpuUsage };

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export async function startServerHost(opts: ServerHostOptions): Promise<ServerHost> {
  // Under ts-jest or tsx this file is TypeScript: the child needs the same loader to run it.
  const execArgv = extname(__filename) === '.ts' ? ['--require', require.resolve('tsx/cjs')] : [];
  const child = fork(__filename, [JSON.stringify(opts)], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  exited.then(() => process.removeListener('exit', killOnExit));
  const isGone = () => child.exitCode !== null || child.signalCode !== null;

  const listeners: ((event: S3rverEvent) => void)[] = [];
  const synced = new Map<number, (cpu: NodeJS.CpuUsage) => void>();
  let lastCpu: NodeJS.CpuUsage = { user: 0, system: 0 };
  let nextSync = 0;
  child.on('message', (m: FromHost) => {
    if (m.type === 'event') for (const l of listeners) l(m.event);
    else if (m.type === 'synced') {
      lastCpu = m.cpu;
      synced.get(m.id)?.(m.cpu);
      synced.delete(m.id);
    }
  });
  exited.then(() => {
    for (const resolve of synced.values()) resolve(lastCpu);
    synced.clear();
  });

  const stop = async (): Promise<void> => {
    if (isGone()) return;
    if (child.connected) child.send({ type: 'stop' } satisfies ToHost);
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };

  const ready = await new Promise<Extract<FromHost, { type: 'ready' }>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The embedded servers did not start within ${START_TIMEOUT_MS / 1000} s.`)), START_TIMEOUT_MS);
    const onMessage = (m: FromHost) => {
      if (m.type !== 'ready' && m.type !== 'failed') return;
      done();
      if (m.type === 'ready') resolve(m);
      else reject(new Error(`The embedded servers failed to start: ${m.message}`));
    };
    const onExit = (code: number | null, signal: string | null) => {
      done();
      reject(new Error(`The embedded servers exited while starting (${signal ?? `code ${code}`}).`));
    };
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  }).catch(async (err: unknown) => {
    await stop();
    throw err;
  });

  // One round trip over the channel: what the child sent before its answer has been handled by then.
  const sync = () =>
    new Promise<NodeJS.CpuUsage>((resolve) => {
      if (isGone() || !child.connected) return resolve(lastCpu);
      const id = nextSync++;
      synced.set(id, resolve);
      child.send({ type: 'sync', id } satisfies ToHost);
    });

  return {
    pid: child.pid as number,
    s3Endpoint: ready.s3Endpoint,
    dynamoEndpoint: ready.dynamoEndpoint,
    onObjectCreated: (listener) => void listeners.push(listener),
    settle: async () => void (await sync()),
    cpuUsage: sync,
    stop,
  };
}

/** The child's side: start the servers, forward notifications, stop with the parent. */
async function runHost(opts: ServerHostOptions): Promise<void> {
  const send = (m: FromHost) => {
    if (process.connected) process.send?.(m);
  };
  const started: RunningServer[] = [];
  let stopping: Promise<void> | null = null;
  const shutdown = () => {
    // Close the servers (dynalite's LevelDB lock) before leaving.
    stopping ??= (async () => {
      for (const s of started.reverse()) await s.stop().catch(() => undefined);
    })().finally(() => process.exit(0));
  };
  process.on('disconnect', shutdown);
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('message', (m: ToHost) => {
    if (m.type === 'sync') send({ type: 'synced', id: m.id, cpu: process.cpuUsage() });
    else if (m.type === 'stop') shutdown();
  });
  try {
    const s3 = await startS3Server(opts.s3Directory);
    started.push(s3);
    s3.onObjectCreated((event) => send({ type: 'event', event }));
    const dynamo = opts.dynalite ? await startDynalite(opts.dynalite.directory) : null;
    if (dynamo) started.push(dynamo);
    send({ type: 'ready', s3Endpoint: s3.endpoint, dynamoEndpoint: dynamo?.endpoint ?? null });
  } catch (err) {
    send({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
    shutdown();
  }
}

if (require.main === module && process.send) {
  void runHost(JSON.parse(process.argv[2]) as ServerHostOptions);
}

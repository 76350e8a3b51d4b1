import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { startLocalRuntime } from '../../lambdas/local/runtime';

/**
 * The embedded servers run in a process of their own; it must never outlive the process that
 * started it, however that one ends.
 */

const RUNTIME = join(__dirname, '..', '..', 'lambdas', 'local', 'runtime.ts');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pid: number, timeoutMs = 20_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/** A Node process that starts a runtime, prints the server pid, then ends as `ending` says. */
function startParent(dataDir: string, ending: 'wait' | 'exit'): { parent: ChildProcess; serverPid: Promise<number> } {
  const script = `
    const { startLocalRuntime } = require(${JSON.stringify(RUNTIME)});
    startLocalRuntime({ dataDir: ${JSON.stringify(dataDir)} }).then((rt) => {
      process.stdout.write(rt.serverPid + '\\n');
      if (${JSON.stringify(ending)} === 'exit') process.exit(0);
    });
    setInterval(() => undefined, 1000);
  `;
  const parent = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const serverPid = new Promise<number>((resolve, reject) => {
    createInterface({ input: parent.stdout! }).once('line', (line) => resolve(Number(line)));
    parent.once('exit', (code, signal) => reject(new Error(`parent ended before the runtime started (${signal ?? code})`)));
  });
  return { parent, serverPid };
}

describe('embedded server process', () => {
  const dirs: string[] = [];
  const parents: ChildProcess[] = [];
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'news-ingest-host-'));
    dirs.push(d);
    return d;
  };

  afterAll(() => {
    for (const p of parents) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('serves S3 and DynamoDB from another process, and stops with the runtime', async () => {
    const rt = await startLocalRuntime({ dataDir: null });
    try {
      expect(rt.serverPid).not.toBe(process.pid);
      expect(alive(rt.serverPid)).toBe(true);
      await rt.clients.s3.send(new PutObjectCommand({ Bucket: rt.names.bucket, Key: 'notes/a.txt', Body: 'hello' }));
      const got = await rt.clients.s3.send(new GetObjectCommand({ Bucket: rt.names.bucket, Key: 'notes/a.txt' }));
      expect(await got.Body?.transformToString()).toBe('hello');
      expect(await rt.deps.articles.get('no-such-id')).toBeNull();
      const cpu = await rt.serverCpuUsage();
      expect(cpu.user + cpu.system).toBeGreaterThan(0);
    } finally {
      await rt.stop();
    }
    expect(await gone(rt.serverPid)).toBe(true);
  }, 120_000);

  it('answers a client whose event loop was busy for longer than an idle connection used to be kept', async () => {
    // Cleaning a huge page holds the handler's event loop for seconds. Had the servers closed the
    // idle keep-alive connections meanwhile (Node's default: after 5 s), the next call would go out
    // on a socket already closed and fail with "socket hang up" before its close event was seen.
    const rt = await startLocalRuntime({ dataDir: null });
    try {
      await rt.clients.s3.send(new PutObjectCommand({ Bucket: rt.names.bucket, Key: 'notes/busy.txt', Body: 'still here' }));
      expect(await rt.deps.articles.get('no-such-id')).toBeNull();
      const until = Date.now() + 6_000;
      while (Date.now() < until) {
        // Busy on purpose: a timer would let the close events through.
      }
      const got = await rt.clients.s3.send(new GetObjectCommand({ Bucket: rt.names.bucket, Key: 'notes/busy.txt' }));
      expect(await got.Body?.transformToString()).toBe('still here');
      // One attempt: the connection was still open, no retry was needed.
      expect(got.$metadata.attempts).toBe(1);
      const table = await rt.clients.dynamo.send(new DescribeTableCommand({ TableName: rt.names.articlesTable }));
      expect(table.$metadata.attempts).toBe(1);
    } finally {
      await rt.stop();
    }
  }, 120_000);

  it.each(['SIGKILL', 'SIGINT', 'SIGTERM'] as const)(
    'ends when its parent is killed with %s',
    async (signal) => {
      const { parent, serverPid } = startParent(tempDir(), 'wait');
      parents.push(parent);
      const pid = await serverPid;
      expect(alive(pid)).toBe(true);
      parent.kill(signal);
      expect(await gone(pid)).toBe(true);
    },
    120_000,
  );

  it('ends when its parent exits without stopping the runtime', async () => {
    const { parent, serverPid } = startParent(tempDir(), 'exit');
    parents.push(parent);
    const pid = await serverPid;
    expect(await gone(pid)).toBe(true);
  }, 120_000);

  it('lets the next runtime open the same data directory once the parent is gone', async () => {
    // dynalite holds a LevelDB lock: a server left behind would make this start fail.
    const dir = tempDir();
    const { parent, serverPid } = startParent(dir, 'wait');
    parents.push(parent);
    const pid = await serverPid;
    parent.kill('SIGKILL');
    expect(await gone(pid)).toBe(true);
    const rt = await startLocalRuntime({ dataDir: dir });
    await rt.stop();
  }, 120_000);
});

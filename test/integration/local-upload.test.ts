import { PutObjectCommand } from '@aws-sdk/client-s3';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectFiles } from '../../lambdas/local/files';
import { uploadAndProcess, type UploadFailure } from '../../lambdas/local/ingest-files';
import { startLocalRuntime, type LocalRuntime } from '../../lambdas/local/runtime';
import { dataPaths } from '../../lambdas/local/servers';
import { allRecords } from '../reliability/support';
import { SEED_FIXTURES } from '../support/shared';

const SEED = join(SEED_FIXTURES, 'irish-daily', '000_0c145fda333773f1.txt');

/** Names a user's folder can hold that the local S3 server or HTTP headers cannot take as they are. */
describe('ingesting awkward local files', () => {
  let root: string;
  let rt: LocalRuntime;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'news-ingest-upload-'));
    rt = await startLocalRuntime({ dataDir: join(root, 'data'), dynamo: 'dynalite', queue: { maxReceiveCount: 1 } });
  }, 60_000);

  afterAll(async () => {
    await rt?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('stores every file of a folder with a 240-character name, a non-ASCII outlet and a file that vanished; only the vanished one fails, alone', async () => {
    const input = join(root, 'input');
    const longName = 'a'.repeat(236) + '.txt';
    for (const [outlet, name] of [
      ['coast-times', 'short.txt'],
      ['coast-times', longName],
      ['日本-news', 'story.txt'],
      ['coast-times', 'gone.txt'],
    ]) {
      mkdirSync(join(input, outlet), { recursive: true });
      copyFileSync(SEED, join(input, outlet, name));
    }
    const files = collectFiles([input]);
    rmSync(join(input, 'coast-times', 'gone.txt'));

    const failures: UploadFailure[] = [];
    const ids = await uploadAndProcess(rt, files, { onFailed: (f) => failures.push(f) });

    expect(failures.map((f) => f.path)).toEqual([join(input, 'coast-times', 'gone.txt')]);
    expect(failures[0].message).toMatch(/ENOENT/);
    expect(ids).toHaveLength(3);
    const records = await allRecords(rt);
    expect(records.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(records.every((r) => r.status === 'clean')).toBe(true);
    expect(records.map((r) => r.outlet).sort()).toEqual(['coast-times', 'coast-times', '日本-news']);
    expect(rt.queue.deadLetters.list()).toEqual([]);

    const long = files.find((f) => f.originalName === longName);
    expect(long).toBeDefined();
    const head = await rt.deps.objects.head(rt.names.bucket, long?.key ?? '');
    expect(head?.metadata).toEqual({ outlet: 'coast-times', 'original-name': longName });
    const japanese = await rt.deps.objects.head(rt.names.bucket, 'raw/日本-news/story.txt');
    expect(japanese?.metadata.outlet).toBe('日本-news');
  }, 120_000);

  it('refuses keys the local S3 server would write outside its bucket or cannot name, and keeps serving', async () => {
    const s3Dir = dataPaths(join(root, 'data')).s3;
    const dataDir = join(root, 'data');
    const before = readdirSync(dataDir).sort();
    const put = (key: string) => rt.clients.s3.send(new PutObjectCommand({ Bucket: rt.names.bucket, Key: key, Body: 'x' }));
    await expect(put('raw/../../../escaped')).rejects.toMatchObject({ name: 'InvalidArgument', $metadata: { httpStatusCode: 400 } });
    await expect(put('raw/../../escaped')).rejects.toMatchObject({ name: 'InvalidArgument' });
    await expect(put(`raw/coast-times/${'b'.repeat(240)}.txt`)).rejects.toMatchObject({ name: 'KeyTooLongError', $metadata: { httpStatusCode: 400 } });
    // Three levels up from raw/ is the data directory itself; two is the S3 root.
    expect(readdirSync(dataDir).sort()).toEqual(before);
    expect(readdirSync(s3Dir).some((n) => n.startsWith('escaped'))).toBe(false);
    await rt.queue.drain(60_000);
    expect(rt.queue.deadLetters.list()).toEqual([]);

    await expect(put('raw/coast-times/after.txt')).resolves.toBeDefined();
    await rt.queue.drain(60_000);
  }, 60_000);
});

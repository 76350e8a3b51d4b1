import { PutObjectCommand } from '@aws-sdk/client-s3';
import { s3EventMessage } from '../../lambdas/core/ingest/s3-event';
import type { IngestOutcome } from '../../lambdas/handlers/ingest-object';
import { createLogger } from '../../lambdas/handlers/log';
import { startLocalRuntime, type LocalRuntime } from '../../lambdas/local/runtime';
import { allRecords, countCommands, upload, type CommandCall } from './support';

const TEXT = `Harbour board approves new breakwater

The harbour board voted on Thursday to build a new breakwater at the mouth of the port, three months after winter storms tore a forty-metre gap in the old wall.

Engineers told the board the new structure would be built from rock armour rather than concrete, and that work could begin in the spring if the funding is confirmed.

Fishermen who use the harbour said the damage had already cost them a season, and asked the board to keep one berth open while the work goes on.
`;

/** A message S3 never sends (it notifies raw/ only) but anyone with queue access can: the handler must not ingest it. */
describe('crafted S3 event messages', () => {
  let rt: LocalRuntime;
  const calls: CommandCall[] = [];
  const logged: Record<string, unknown>[] = [];
  const outcomes: IngestOutcome[] = [];

  beforeAll(async () => {
    rt = await startLocalRuntime({
      dataDir: null,
      dynamo: 'dynalite',
      queue: { visibilityTimeoutMs: 60_000, maxReceiveCount: 1 },
      wrapClients: countCommands(calls),
      log: createLogger('warn', (line) => logged.push(JSON.parse(line) as Record<string, unknown>)),
      observer: { onOutcome: (o) => outcomes.push(o) },
    });
  }, 60_000);

  afterAll(async () => {
    await rt?.stop();
  });

  it('ignores objects outside raw/ or outside the raw bucket, with a logged reason, and still ingests raw/', async () => {
    const { id } = await upload(rt, 'raw/coast-times/breakwater.txt', TEXT);
    // Written beside the uploads, as offloaded bodies are; no notification fires for them.
    for (const key of ['bodies/a_0123456789abcdef0123/0123456789abcdef.json', 'notes/breakwater.txt']) {
      await rt.clients.s3.send(new PutObjectCommand({ Bucket: rt.names.bucket, Key: key, Body: TEXT }));
    }
    await rt.queue.drain(60_000);
    const crafted = [
      { bucket: rt.names.bucket, key: 'bodies/a_0123456789abcdef0123/0123456789abcdef.json' },
      { bucket: rt.names.bucket, key: 'notes/breakwater.txt' },
      { bucket: 'someone-elses-bucket', key: 'raw/coast-times/breakwater.txt' },
    ];
    for (const c of crafted) rt.queue.send(s3EventMessage({ ...c, versionId: null, eTag: null, size: null }));
    await rt.queue.drain(60_000);

    const records = await allRecords(rt);
    expect(records.map((r) => r.id)).toEqual([id]);
    expect(rt.queue.deadLetters.list()).toEqual([]);
    expect(outcomes.filter((o) => o === 'ignored')).toHaveLength(crafted.length);
    // Never even read: the check comes before any S3 call.
    for (const c of crafted) {
      expect(calls.filter((x) => x.service === 's3' && x.command !== 'PutObjectCommand' && x.key === c.key && c.bucket === rt.names.bucket)).toEqual([]);
    }
    const ignored = logged.filter((l) => l.msg === 'ignored object');
    expect(ignored.map((l) => l.key).sort()).toEqual(crafted.map((c) => c.key).sort());
    expect(ignored.every((l) => typeof l.reason === 'string' && /raw/.test(l.reason as string))).toBe(true);
  });
});

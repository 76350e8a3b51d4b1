import { createClients, LOCAL_CREDENTIALS, type AwsClients } from '../../lambdas/adapters/clients';
import { DynamoFingerprintIndex } from '../../lambdas/adapters/fingerprint-index';
import { ensureTable } from '../../lambdas/adapters/provision';
import { buildFingerprint, KEY_MEMBER_CAP } from '../../lambdas/core/dedupe';
import { FINGERPRINT_TABLE } from '../../lambdas/core/schema';
import { startDynalite, type RunningServer } from '../../lambdas/local/servers';
import { generateArticle } from '../support/generate';

/** dynalite (the local default) does not return the old item on a failed condition; the adapter must still find it. */
describe('DynamoFingerprintIndex on dynalite', () => {
  let server: RunningServer;
  let clients: AwsClients;

  beforeAll(async () => {
    server = await startDynalite(null);
    clients = createClients({ dynamoEndpoint: server.endpoint, credentials: LOCAL_CREDENTIALS });
    await ensureTable(clients.dynamo, FINGERPRINT_TABLE, 'fingerprints');
  });

  afterAll(async () => {
    clients?.dynamo.destroy();
    await server?.stop();
  });

  it('putArticle returns the stored article when the id is already known', async () => {
    const index = new DynamoFingerprintIndex(clients.dynamo, 'fingerprints');
    const a = generateArticle(7);
    const fp = buildFingerprint({ id: 'a_1', outlet: 'o', title: a.title, body: a.paragraphs.join('\n\n'), published: null, syndication: [] });
    expect(await index.putArticle(fp)).toBeNull();
    const again = await index.putArticle(fp);
    expect(again?.fingerprint.articleId).toBe('a_1');
    expect(again?.fingerprint.bodyHash).toBe(fp.bodyHash);
  });

  it('reads a full key once, then answers for it from memory until a member leaves', async () => {
    let calls = 0;
    const counted = { send: (command: unknown) => (calls++, clients.dynamo.send(command as never)) } as unknown as AwsClients['dynamo'];
    const index = new DynamoFingerprintIndex(counted, 'fingerprints');
    const ids = Array.from({ length: KEY_MEMBER_CAP }, (_, i) => `m_${String(i).padStart(2, '0')}`);
    for (const id of ids) await index.addToKeys(['sent#full-key'], id);
    calls = 0;
    const first = await index.addToKeys(['sent#full-key'], 'late_1');
    expect(first[0]).toEqual({ key: 'sent#full-key', members: ids, saturated: true });
    // The failed update, then the read dynalite needs (it returns no item with the failure).
    expect(calls).toBe(2);
    calls = 0;
    expect(await index.addToKeys(['sent#full-key'], 'late_2')).toEqual([{ key: 'sent#full-key', members: ids, saturated: true }]);
    expect(await index.addToKeys(['sent#full-key'], ids[3])).toEqual([{ key: 'sent#full-key', members: ids.filter((m) => m !== ids[3]), saturated: false }]);
    expect(calls).toBe(0);
    // Another container (a fresh index) sees the same set.
    const other = await new DynamoFingerprintIndex(clients.dynamo, 'fingerprints').addToKeys(['sent#full-key'], 'late_3');
    expect(other[0].members).toEqual(ids);
    // A member leaving frees a place: the next article is added for real.
    await index.removeFromKeys(['sent#full-key'], ids[0]);
    calls = 0;
    const after = await index.addToKeys(['sent#full-key'], 'late_4');
    expect(after[0]).toEqual({ key: 'sent#full-key', members: ids.slice(1), saturated: false });
    expect(calls).toBe(1);
  });
});

import { createClients, LOCAL_CREDENTIALS, type AwsClients } from '../../lambdas/adapters/clients';
import { DynamoFingerprintIndex } from '../../lambdas/adapters/fingerprint-index';
import { ensureTable } from '../../lambdas/adapters/provision';
import { buildFingerprint } from '../../lambdas/core/dedupe';
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
});

import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { secretCursorKey } from '../../../lambdas/adapters/cursor-key';

/** Secrets Manager has no local server: the mock stands in for its answers, failures included. */
describe('cursor key from the deploy-time secret', () => {
  const sm = mockClient(SecretsManagerClient);
  afterEach(() => sm.reset());

  it('reads the secret once per container', async () => {
    sm.on(GetSecretValueCommand, { SecretId: 'arn:secret' }).resolves({ SecretString: 'k'.repeat(64) });
    const key = secretCursorKey('arn:secret', new SecretsManagerClient({ region: 'us-east-1' }));
    expect(Buffer.from(await key()).toString()).toBe('k'.repeat(64));
    await key();
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('reads again after a failed read instead of keeping the failure', async () => {
    sm.on(GetSecretValueCommand)
      .rejectsOnce(new Error('throttled'))
      .resolves({ SecretString: 'k'.repeat(64) });
    const key = secretCursorKey('arn:secret', new SecretsManagerClient({ region: 'us-east-1' }));
    await expect(key()).rejects.toThrow('throttled');
    expect((await key()).length).toBe(64);
  });

  it('refuses a missing secret name and a key too short to sign with', async () => {
    await expect(secretCursorKey('', new SecretsManagerClient({ region: 'us-east-1' }))()).rejects.toThrow(/CURSOR_SECRET_ARN is empty/);
    sm.on(GetSecretValueCommand).resolves({ SecretString: 'short' });
    await expect(secretCursorKey('arn:secret', new SecretsManagerClient({ region: 'us-east-1' }))()).rejects.toThrow(/holds 5 bytes; at least 32/);
  });
});

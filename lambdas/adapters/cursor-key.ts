import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { MIN_CURSOR_KEY_BYTES } from '../core/query/cursor-seal';

/**
 * The query API's cursor key, read from the secret CDK generates at deploy time: once per
 * container, and again on the next request if the read failed (so one throttled read does not
 * poison the container).
 */
export function secretCursorKey(secretId: string, client: SecretsManagerClient = new SecretsManagerClient({})): () => Promise<Uint8Array> {
  let loading: Promise<Uint8Array> | null = null;
  return () => {
    loading ??= (async () => {
      if (!secretId) throw new Error('No cursor secret is configured (CURSOR_SECRET_ARN is empty).');
      const r = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
      const key = Buffer.from(r.SecretString ?? '', 'utf8');
      if (key.length < MIN_CURSOR_KEY_BYTES) throw new Error(`The cursor secret holds ${key.length} bytes; at least ${MIN_CURSOR_KEY_BYTES} are needed.`);
      return key;
    })().catch((err: unknown) => {
      loading = null;
      throw err;
    });
    return loading;
  };
}

import { decodeMetadataValue, encodeMetadataValue } from '../../../lambdas/core/ingest/metadata-encoding';

describe('metadata values (RFC 2047, as S3 returns non-ASCII metadata)', () => {
  it.each(['coast-times', '日本-news', 'Zürich Zeitung', '😀 emoji outlet', 'x'.repeat(300), 'ü'.repeat(400), '=?UTF-8?B?plain?=', 'tab\there', ''])(
    'round-trips %j as header-safe ASCII',
    (value) => {
      const encoded = encodeMetadataValue(value);
      expect(encoded).toMatch(/^[\x20-\x7e]*$/);
      if (encoded !== value) for (const word of encoded.split(' ')) expect(word.length).toBeLessThanOrEqual(75);
      expect(decodeMetadataValue(encoded)).toBe(value);
    },
  );

  it('leaves plain ASCII as it is, so existing metadata reads the same', () => {
    expect(encodeMetadataValue('the-ledger')).toBe('the-ledger');
  });

  it('decodes what S3 hands back for non-ASCII values, in B and Q forms, and joins adjacent words', () => {
    expect(decodeMetadataValue('=?UTF-8?B?5pel5pysLW5ld3M=?=')).toBe('日本-news');
    expect(decodeMetadataValue('=?UTF-8?Q?Z=C3=BCrich_Zeitung?=')).toBe('Zürich Zeitung');
    expect(decodeMetadataValue('=?UTF-8?B?5pel?= =?UTF-8?B?5pys?=')).toBe('日本');
  });

  it('keeps malformed encoded-words as they came instead of failing', () => {
    for (const v of ['=?UTF-8?B?***?=', '=?no-such-charset?B?QUJD?=', '=?UTF-8?B?/w==?=', '=?', 'a =?b']) expect(decodeMetadataValue(v)).toBe(v);
  });
});

import { decodeS3EventKey, encodeS3EventKey, parseS3Message, s3EventMessage } from '../../../lambdas/core/ingest/s3-event';

describe('S3 event keys', () => {
  it.each([
    ['raw/my+outlet/a+b.html', 'raw/my outlet/a b.html'],
    ['raw/o/caf%C3%A9+%E2%80%94.txt', 'raw/o/café —.txt'],
    ['raw/o/100%25+sure.txt', 'raw/o/100% sure.txt'],
    ['raw/o/a%2Bb.txt', 'raw/o/a+b.txt'],
    ['raw/o/bad%zz.txt', 'raw/o/bad%zz.txt'],
  ])('decodes %s', (raw, decoded) => {
    expect(decodeS3EventKey(raw)).toBe(decoded);
  });

  it.each(['raw/my outlet/a b.html', 'raw/o/café —.txt', 'raw/o/100% sure+plus.txt', 'raw/日本/記事 1.html'])('round-trips %s', (key) => {
    expect(decodeS3EventKey(encodeS3EventKey(key))).toBe(key);
  });
});

describe('parseS3Message', () => {
  it('recognises the S3 test event', () => {
    expect(parseS3Message(JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: 'b' }))).toEqual({ kind: 'test' });
  });

  it('extracts created objects and ignores other event types', () => {
    const body = JSON.stringify({
      Records: [
        {
          eventSource: 'aws:s3',
          eventName: 'ObjectCreated:Put',
          s3: { bucket: { name: 'b' }, object: { key: 'raw/x/a+b.txt', size: 10, eTag: 'e1', versionId: 'v1' } },
        },
        { eventSource: 'aws:s3', eventName: 'ObjectRemoved:Delete', s3: { bucket: { name: 'b' }, object: { key: 'raw/x/gone.txt' } } },
      ],
    });
    expect(parseS3Message(body)).toEqual({
      kind: 'objects',
      objects: [{ bucket: 'b', key: 'raw/x/a b.txt', versionId: 'v1', eTag: 'e1', size: 10 }],
    });
  });

  it('reports malformed bodies as invalid', () => {
    expect(parseS3Message('not json').kind).toBe('invalid');
    expect(parseS3Message('{"foo":1}').kind).toBe('invalid');
    expect(parseS3Message('null').kind).toBe('invalid');
  });

  it('parses what s3EventMessage builds', () => {
    const ref = { bucket: 'b', key: 'raw/o/ü x.txt', versionId: null, eTag: 'abc', size: 3 };
    expect(parseS3Message(s3EventMessage(ref))).toEqual({ kind: 'objects', objects: [ref] });
  });
});

import { decodeBytes, decodeMixedUtf8, detectBinary } from '../../../lambdas/core/ingest/decode';

const enc = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out: number[] = bom ? (endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out.push(...(endian === 'le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return Uint8Array.from(out);
}

describe('decodeBytes', () => {
  it('rejects empty and whitespace-only objects with a reason', () => {
    expect(decodeBytes(new Uint8Array(), { isHtml: false })).toEqual({ ok: false, reason: 'The object is empty.' });
    const ws = decodeBytes(enc('  \n\t \r\n'), { isHtml: false });
    expect(ws.ok).toBe(false);
    if (!ws.ok) expect(ws.reason).toMatch(/whitespace/);
  });

  it.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], /PNG/],
    ['gzip', [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0], /gzip/],
    ['PDF', [...enc('%PDF-1.7\n%\xe2\xe3')], /PDF/],
  ])('rejects %s bytes by signature', (_name, bytes, reason) => {
    const r = decodeBytes(Uint8Array.from(bytes as number[]), { isHtml: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason as RegExp);
    expect(detectBinary(Uint8Array.from(bytes as number[]))).not.toBeNull();
  });

  it('rejects random binary without a known signature', () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    expect(decodeBytes(bytes, { isHtml: false }).ok).toBe(false);
  });

  it.each([
    ['UTF-16LE with BOM', utf16('Zürich café — news', 'le', true)],
    ['UTF-16BE with BOM', utf16('Zürich café — news', 'be', true)],
    ['UTF-16LE without BOM', utf16('Zürich café news, plain and simple', 'le', false)],
    ['UTF-16BE without BOM', utf16('Zürich café news, plain and simple', 'be', false)],
  ])('decodes %s', (_name, bytes) => {
    const r = decodeBytes(bytes, { isHtml: false });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.text).toMatch(/^Zürich café/);
  });

  it('decodes Windows-1252 without a charset (curly quotes, accents)', () => {
    const bytes = Uint8Array.from([0x93, ...enc('Caf'), 0xe9, 0x94, ...enc(' said the m'), 0xe9, ...enc('t'), 0xe9, ...enc('o')]);
    const r = decodeBytes(bytes, { isHtml: false });
    expect(r.ok && r.text).toBe('“Café” said the météo');
  });

  it('prefers valid UTF-8 over a wrong meta charset', () => {
    const html = '<html><head><meta charset="iso-8859-1"></head><body><p>Naïve café – “quoted”</p></body></html>';
    const r = decodeBytes(enc(html), { isHtml: true });
    expect(r.ok && r.text).toContain('Naïve café – “quoted”');
  });

  it('honours a meta charset when the bytes are not UTF-8', () => {
    const head = enc('<html><head><meta charset="windows-1251"></head><body><p>');
    const body = Uint8Array.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет" in cp1251
    const bytes = new Uint8Array([...head, ...body, ...enc('</p></body></html>')]);
    const r = decodeBytes(bytes, { isHtml: true });
    expect(r.ok && r.text).toContain('Привет');
  });

  it('repairs mixed UTF-8 and Windows-1252 without losing characters', () => {
    const bytes = new Uint8Array([...enc('Zürich '), 0x96, ...enc(' Genève '), 0xe9]);
    expect(decodeMixedUtf8(bytes)).toBe('Zürich – Genève é');
    const r = decodeBytes(bytes, { isHtml: false });
    expect(r.ok && r.text).toBe('Zürich – Genève é');
  });

  it('drops NUL bytes but keeps the text', () => {
    const r = decodeBytes(enc('Hello\u0000 world, a story line.'), { isHtml: false });
    expect(r.ok && r.text).toBe('Hello world, a story line.');
  });

  it('strips a UTF-8 BOM', () => {
    const r = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Title')]), { isHtml: false });
    expect(r.ok && r.text).toBe('Title');
  });
});

describe('surrogates', () => {
  const story = 'Readers sent more than three hundred messages in the first hour after the vote was announced.';

  it('reads a CESU-8 pair as its character and drops a lone surrogate (WTF-8)', () => {
    // U+1F600 as two encoded surrogates, then a lone high surrogate, between valid UTF-8 ("é").
    const bytes = Uint8Array.from([...enc(`café ${story} `), 0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80, 0x20, 0xed, 0xa0, 0xbd, ...enc(' end')]);
    expect(decodeMixedUtf8(bytes)).toBe(`café ${story} 😀  end`);
  });

  it('drops lone surrogates from UTF-16 instead of writing U+FFFD', () => {
    const units = `${story} \ud83d and \ude00 but 😀 stays`;
    const bytes = new Uint8Array(2 + units.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < units.length; i++) {
      bytes[2 + 2 * i] = units.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = units.charCodeAt(i) >> 8;
    }
    const r = decodeBytes(bytes, { isHtml: false });
    expect(r).toEqual({ ok: true, text: `${story}  and  but 😀 stays`, encoding: 'utf-16le' });
  });
});

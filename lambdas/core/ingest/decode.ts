import sniffHtmlEncoding from 'html-encoding-sniffer';
import { dropLoneSurrogates } from '../text/surrogates';

/** Bytes → text, or a one-sentence reason why the bytes are not a text page. */
export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

/** File signatures of formats people upload by mistake; checked before any decoding. */
const BINARY_SIGNATURES: ReadonlyArray<{ name: string; bytes: number[] }> = [
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a WebP/RIFF file', bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: 'gzip-compressed data', bytes: [0x1f, 0x8b] },
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a ZIP archive (or Office document)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a 7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: 'a bzip2 archive', bytes: [0x42, 0x5a, 0x68] },
  { name: 'an ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

/** C0 controls other than tab, newline, form feed and carriage return, and DEL. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const STRAY_CONTROLS = /[\x00-\x08\x0b\x0e-\x1f\x7f]/;
// eslint-disable-next-line no-control-regex -- as above
const STRAY_CONTROLS_ALL = /[\x00-\x08\x0b\x0e-\x1f\x7f]/g;

/** Share of control characters above which decoded "text" is really binary. */
const MAX_CONTROL_SHARE = 0.1;

/**
 * Windows-1252 bytes 0x80–0x9F (curly quotes, dashes, €). Written out because Node's
 * TextDecoder('windows-1252') decodes them as Latin-1 C1 controls.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const CP1252_TABLE: string[] = Array.from({ length: 256 }, (_, b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b)));

/**
 * UTF-16 by code units, so that a lone surrogate is dropped rather than turned into U+FFFD
 * (TextDecoder's choice), which would stand in the record for a character that is not there.
 */
function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string {
  const units = new Uint16Array(bytes.length >> 1);
  for (let i = 0; i < units.length; i++) units[i] = bigEndian ? (bytes[2 * i] << 8) | bytes[2 * i + 1] : bytes[2 * i] | (bytes[2 * i + 1] << 8);
  const parts: string[] = [];
  for (let i = 0; i < units.length; i += 8192) parts.push(String.fromCharCode(...units.subarray(i, i + 8192)));
  return dropLoneSurrogates(parts.join(''));
}

function decodeCp1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    let chunk = '';
    const end = Math.min(bytes.length, i + 8192);
    for (let j = i; j < end; j++) chunk += CP1252_TABLE[bytes[j]];
    parts.push(chunk);
  }
  return parts.join('');
}

export function detectBinary(bytes: Uint8Array): string | null {
  for (const sig of BINARY_SIGNATURES) {
    if (bytes.length >= sig.bytes.length && sig.bytes.every((b, i) => bytes[i] === b)) return sig.name;
  }
  return null;
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-16 without a BOM shows up as ASCII with every other byte zero. */
function bomlessUtf16(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.4 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.4 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Length of the well-formed UTF-8 sequence starting at i, or 0 when the byte there starts none. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  const cont = (k: number) => i + k < bytes.length && (bytes[i + k] & 0xc0) === 0x80;
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const b1 = bytes[i + 1];
    if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f)) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const b1 = bytes[i + 1];
    if ((b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** A UTF-16 surrogate written as three UTF-8-style bytes (CESU-8, WTF-8): its code unit, or -1. */
function encodedSurrogate(bytes: Uint8Array, i: number): number {
  if (bytes[i] !== 0xed || i + 2 >= bytes.length) return -1;
  const b1 = bytes[i + 1];
  const b2 = bytes[i + 2];
  if (b1 < 0xa0 || b1 > 0xbf || b2 < 0x80 || b2 > 0xbf) return -1;
  return 0xd000 | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
}

/**
 * Pages pasted together from several sources mix UTF-8 with Windows-1252; decode each
 * well-formed UTF-8 sequence as UTF-8 and every stray byte as Windows-1252, so no
 * character is lost to U+FFFD. Surrogates encoded one by one (Java's CESU-8, WTF-8 from
 * JavaScript strings) are read as the character a pair stands for; a lone one is dropped.
 */
export function decodeMixedUtf8(bytes: Uint8Array): string {
  const out: string[] = [];
  const utf8 = new TextDecoder('utf-8');
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const len = utf8SequenceLength(bytes, i);
    if (len > 0) {
      i += len;
      continue;
    }
    if (i > runStart) out.push(utf8.decode(bytes.subarray(runStart, i)));
    const unit = encodedSurrogate(bytes, i);
    if (unit >= 0) {
      const low = unit < 0xdc00 ? encodedSurrogate(bytes, i + 3) : -1;
      if (low >= 0xdc00) {
        out.push(String.fromCharCode(unit, low));
        i += 6;
      } else i += 3;
    } else {
      out.push(CP1252_TABLE[bytes[i]]);
      i++;
    }
    runStart = i;
  }
  if (i > runStart) out.push(utf8.decode(bytes.subarray(runStart, i)));
  return out.join('');
}

function controlShare(text: string): number {
  if (text.length === 0) return 0;
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) controls++;
  }
  return controls / sample.length;
}

/** Whether the bytes hold at least one well-formed multi-byte UTF-8 sequence. */
function hasUtf8Multibyte(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1 << 20);
  for (let i = 0; i < n; i++) if (bytes[i] >= 0xc2 && utf8SequenceLength(bytes, i) > 1) return true;
  return false;
}

const LATIN_FAMILY = new Set(['windows-1252', 'iso-8859-1', 'us-ascii']);

function pickEncoding(bytes: Uint8Array, isHtml: boolean, declaredCharset: string | null): string {
  const bom = bomEncoding(bytes) ?? bomlessUtf16(bytes);
  if (bom) return bom;
  // Valid UTF-8 wins over a meta charset: pages are re-saved as UTF-8 far more often
  // than their <meta> is updated, and cp1252 text is almost never valid UTF-8 by accident.
  if (isValidUtf8(bytes)) return 'utf-8';
  const sniffed = (
    isHtml
      ? sniffHtmlEncoding(bytes, { transportLayerEncodingLabel: declaredCharset ?? undefined, defaultEncoding: 'windows-1252' })
      : (declaredCharset ?? 'windows-1252')
  ).toLowerCase();
  // Invalid UTF-8 that still holds UTF-8 sequences is a mix (UTF-8 page with pasted cp1252 bytes):
  // decode both. A declared non-Latin legacy charset (cp1251, Shift_JIS, …) is trusted as is.
  if (sniffed === 'utf-8' || (LATIN_FAMILY.has(sniffed) && hasUtf8Multibyte(bytes))) return 'mixed-utf-8';
  return sniffed;
}

/**
 * Decode an uploaded object. `declaredCharset` is the charset from the object's
 * Content-Type, when the uploader set one.
 */
export function decodeBytes(bytes: Uint8Array, opts: { isHtml: boolean; declaredCharset?: string | null }): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'The object is empty.' };
  const binary = detectBinary(bytes);
  if (binary) return { ok: false, reason: `The object is ${binary}, not a text or HTML page.` };
  const encoding = pickEncoding(bytes, opts.isHtml, opts.declaredCharset ?? null);
  let text: string;
  try {
    if (encoding === 'mixed-utf-8') text = decodeMixedUtf8(bytes);
    else if (encoding === 'windows-1252' || encoding === 'iso-8859-1' || encoding === 'us-ascii') text = decodeCp1252(bytes);
    else if (encoding === 'utf-16le' || encoding === 'utf-16be') text = decodeUtf16(bytes, encoding === 'utf-16be');
    else text = new TextDecoder(encoding).decode(bytes);
  } catch {
    text = decodeMixedUtf8(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (controlShare(text) > MAX_CONTROL_SHARE) {
    return { ok: false, reason: 'The object looks like binary data, not a text or HTML page.' };
  }
  // NULs and other C0 controls (but tab, newline, carriage return, form feed) and DEL carry
  // no text, break downstream parsers and would otherwise end up in stored records.
  if (STRAY_CONTROLS.test(text)) text = text.replace(STRAY_CONTROLS_ALL, '');
  if (text.trim() === '') return { ok: false, reason: 'The object contains only whitespace.' };
  return { ok: true, text, encoding };
}

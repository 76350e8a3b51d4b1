/**
 * S3 user metadata travels in HTTP headers, which carry ASCII only: Node refuses to send
 * `x-amz-meta-outlet: 日本-news` at all. S3's own convention is RFC 2047: it decodes encoded-words
 * on upload and hands non-ASCII values back encoded, so the writer encodes and every reader decodes
 * (the local S3 server stores the encoded form and returns it unchanged, which decodes the same).
 */

const PLAIN = /^[\x20-\x7e]*$/;
/** UTF-8 bytes per encoded-word, so each stays under RFC 2047's 75 characters once in base64. */
const WORD_BYTES = 45;

export function encodeMetadataValue(value: string): string {
  // A plain value that happens to look like an encoded-word is encoded too, so it reads back as written.
  if (PLAIN.test(value) && !value.includes('=?')) return value;
  const words: string[] = [];
  let chunk = '';
  for (const ch of value) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > WORD_BYTES) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(' ');
}

const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;
/** Whitespace between two encoded-words is not part of the value (RFC 2047 §6.2). */
const BETWEEN_WORDS = /(\?=)\s+(?==\?[^?\s]+\?[bBqQ]\?)/g;

function decodeWord(charset: string, encoding: string, text: string): string | null {
  let bytes: Buffer;
  if (encoding.toUpperCase() === 'B') {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
    bytes = Buffer.from(text, 'base64');
  } else {
    bytes = Buffer.from(
      text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    );
  }
  try {
    return new TextDecoder(charset.split('*')[0], { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The value as the uploader meant it; text that is not a valid encoded-word is kept as it came. */
export function decodeMetadataValue(value: string): string {
  if (!value.includes('=?')) return value;
  return value.replace(BETWEEN_WORDS, '$1').replace(ENCODED_WORD, (word, charset: string, enc: string, text: string) => decodeWord(charset, enc, text) ?? word);
}

export function encodeMetadata(metadata: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k, encodeMetadataValue(v)]));
}

export function decodeMetadata(metadata: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k, decodeMetadataValue(v)]));
}

/**
 * The record's language: what the page declares, checked against what its cleaned text is written in.
 *
 * Detection is franc (trigram profiles of 187 languages, pure JavaScript, synchronous, ~350 KB
 * minified). It was chosen over eld, tinyld, cld3-asm, lande and franc-min by
 * `npm run eval:language`; the measured table and the reasons are in the README (Language).
 * franc's own scoring is replaced by an indexed one with the same answers (trigram-detect.ts).
 */
import { LANGUAGE_RULES as L, TEXT_PATTERNS as P } from '../rules';
import { ISO_639_3_TO_1 } from './iso-639';
import { FRANC_MAX_LENGTH, francLanguage } from './trigram-detect';

/** franc reads at most 2,048 characters itself; more text would only cost time. */
export const LANGUAGE_SAMPLE_CHARS = FRANC_MAX_LENGTH;

function related(a: string, b: string): boolean {
  return L.closeRelatives.some((group) => group.includes(a) && group.includes(b));
}

/** ISO 639-1 code (639-3 where a language has none) of the text's language, or null when unsure. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, LANGUAGE_SAMPLE_CHARS);
  if ((sample.match(P.letter)?.length ?? 0) < L.minLetters) return null;
  const code = francLanguage(sample, { minLength: L.minLetters, ignore: L.shadowVarieties });
  return code === 'und' ? null : (ISO_639_3_TO_1[code] ?? code);
}

/**
 * "en-US" / "en_GB" / "pt-BR" → "en" / "pt"; three-letter tags only when they name a language
 * the detector knows (so a stray `lang="lan"` is no tag at all).
 */
export function normaliseLanguageTag(tag: string | null): string | null {
  const m = tag ? /^([a-z]{2,3})(?![a-z])/i.exec(tag.trim()) : null;
  if (!m) return null;
  const code = m[1].toLowerCase();
  if (code.length === 2) return code;
  return ISO_639_3_TO_1[code] ?? null;
}

/**
 * The declared tag when the text agrees with it (or is too short to tell, or reads as a close
 * relative of it); otherwise the detected language.
 */
export function recordLanguage(declaredTag: string | null, text: string): string | null {
  const declared = normaliseLanguageTag(declaredTag);
  const detected = detectLanguage(text);
  if (!declared) return detected;
  if (!detected || detected === declared || related(declared, detected)) return declared;
  return detected;
}

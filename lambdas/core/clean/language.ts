/**
 * Cheap language guess from scripts and stop words: enough to label records, not to
 * route rules (rules never depend on it).
 */

const STOP_WORDS: Record<string, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'with', 'was', 'said', 'on'],
  pt: ['de', 'que', 'não', 'uma', 'para', 'com', 'os', 'do', 'da', 'em', 'é', 'foi'],
  es: ['de', 'que', 'el', 'los', 'las', 'por', 'una', 'con', 'para', 'del', 'se', 'es'],
  it: ['di', 'che', 'il', 'della', 'per', 'non', 'una', 'del', 'con', 'gli', 'è', 'sono'],
  de: ['der', 'die', 'und', 'das', 'nicht', 'ist', 'mit', 'den', 'von', 'sich', 'auf', 'ein'],
  fr: ['le', 'les', 'et', 'des', 'est', 'une', 'pour', 'dans', 'que', 'qui', 'du', 'pas'],
  id: ['yang', 'dan', 'di', 'dengan', 'untuk', 'ini', 'dari', 'tidak', 'itu', 'dalam', 'akan', 'ke'],
};

const SCRIPTS: readonly [RegExp, string][] = [
  [/\p{Script=Hangul}/gu, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Cyrillic}/gu, 'ru'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Thai}/gu, 'th'],
];

export function guessLanguage(text: string): string | null {
  const sample = text.slice(0, 5000);
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  if (letters < 20) return null;
  for (const [re, code] of SCRIPTS) if ((sample.match(re) ?? []).length > letters * 0.3) return code;
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best: string | null = null;
  let bestHits = 0;
  for (const [code, list] of Object.entries(STOP_WORDS)) {
    const set = new Set(list);
    const hits = words.filter((w) => set.has(w)).length;
    if (hits > bestHits) [best, bestHits] = [code, hits];
  }
  return bestHits >= 3 ? best : null;
}

/** "en-US" / "en_GB" / "pt-BR" → "en" / "pt". */
export function normaliseLanguageTag(tag: string | null): string | null {
  const m = tag ? /^([a-z]{2,3})\b/i.exec(tag.trim()) : null;
  return m ? m[1].toLowerCase() : null;
}

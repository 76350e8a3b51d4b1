import fs from 'node:fs';
import path from 'node:path';
import { franc } from 'franc';
import { francLanguage } from '../../../lambdas/core/clean/trigram-detect';

const ROOT = path.resolve(__dirname, '../..');

/** Every page the repository ships (golden cases in 14 languages, fixtures), as text with the tags dropped. */
function realTexts(): string[] {
  const files: string[] = [];
  const collect = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) collect(file);
      else if (/^source\.(txt|html)$|\.(txt|html)$/.test(entry.name)) files.push(file);
    }
  };
  collect(path.join(ROOT, 'golden'));
  collect(path.join(ROOT, 'fixtures'));
  return files.map((f) => fs.readFileSync(f, 'utf8').replace(/<[^>]*>/g, ' '));
}

/** Deterministic strings mixing scripts, digits and punctuation: script ties, single-language scripts, no letters at all. */
function mixedTexts(count: number): string[] {
  const pool = 'abcxyz äöüß ÉÈ ЖЩЯ ًعربي 中文字 ひらがな 한국 ελληνικά ภาษา 123 !? \n\t';
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(next() * 300) }, () => pool[Math.floor(next() * pool.length)]).join(''));
}

const OPTIONS = [
  { minLength: 40, ignore: ['sco', 'nds'] },
  { minLength: 10, ignore: [] },
  // Ignoring a script's usual winner makes the runner-up (and ties among the rest) decide.
  { minLength: 10, ignore: ['eng', 'deu', 'por', 'arb', 'rus', 'cmn', 'ell'] },
];

describe('francLanguage', () => {
  const texts = realTexts();

  test('the repository ships enough real text to compare on', () => {
    expect(texts.length).toBeGreaterThan(100);
    expect(new Set(texts.map((t) => franc(t.slice(0, 2048)))).size).toBeGreaterThan(8);
  });

  test('names the language franc names, on real text cut at many lengths and offsets', () => {
    const differences: string[] = [];
    for (const text of texts)
      for (const piece of [text, text.slice(0, 45), text.slice(0, 120), text.slice(0, 400), text.slice(700, 1500), text.slice(2000)])
        for (const options of OPTIONS) {
          const expected = franc(piece, options);
          const got = francLanguage(piece, options);
          if (got !== expected) differences.push(`${expected} → ${got}: ${JSON.stringify(piece.slice(0, 60))}`);
        }
    expect(differences).toEqual([]);
  });

  test('names the language franc names on mixed scripts, digits and punctuation', () => {
    const differences = mixedTexts(1500).flatMap((text) =>
      OPTIONS.map((options) => [franc(text, options), francLanguage(text, options)]).filter(([expected, got]) => expected !== got),
    );
    expect(differences).toEqual([]);
  });

  test('reads no more than franc does: text after the first 2,048 characters changes nothing', () => {
    const english = texts.find((t) => t.length > 2048 && franc(t.slice(0, 2048)) === 'eng')!;
    const german = 'Der Stadtrat hat am Dienstag beschlossen, die Innenstadt für Autos zu sperren. '.repeat(60);
    expect(francLanguage(english.slice(0, 2048) + german, OPTIONS[0])).toBe('eng');
    expect(francLanguage(german, OPTIONS[0])).toBe('deu');
  });
});

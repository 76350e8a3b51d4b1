/**
 * Markup scans that fold case must cut the original page where they found the tag, whatever
 * letters come before it: Unicode's special-casing characters change length when lower-cased.
 */
import { cleanArticle } from '../../../lambdas/core/clean';
import { extractJsonLd, stripActiveContent } from '../../../lambdas/core/clean/html-prepare';
import { htmlNestingDepth } from '../../../lambdas/core/ingest/html-depth';
import { asciiLower, indexOfAsciiFolded } from '../../../lambdas/core/text/ascii-case';

/** Every code point whose lower- or upper-case form has another UTF-16 length than itself. */
function lengthChangingCodePoints(): string[] {
  const found: string[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const c = String.fromCodePoint(cp);
    if (c.toLowerCase().length !== c.length || c.toUpperCase().length !== c.length) found.push(c);
  }
  return found;
}

const SPECIAL = lengthChangingCodePoints();
/** Special casings that keep their length but depend on context (final sigma) or map to another special one. */
const CASES = [...SPECIAL, 'ẞ', 'Σ', 'ς'];
const AFTER = 'Everything after the script stays in the page, word for word.';
const SCRIPT_BODY = 'window.dataLayer = [];';

describe('length-changing case folds', () => {
  test('the scan finds the well-known special casings', () => {
    for (const c of ['İ', 'ß', 'ﬁ', 'ﬀ', 'ﬃ', 'ŉ', 'ǰ', 'ΐ', 'և']) expect(SPECIAL).toContain(c);
    expect(SPECIAL.length).toBeGreaterThanOrEqual(100);
  });

  test('asciiLower keeps every string its length and folds A–Z only', () => {
    for (const c of CASES) expect(asciiLower(`<SCRIPT>${c}`)).toBe(`<script>${c}`);
    expect(asciiLower('Σ ς İ ẞ')).toBe('Σ ς İ ẞ');
  });

  test('indexOfAsciiFolded finds what indexOf finds in the folded text, at the same offsets', () => {
    const text = `${CASES.join('')}<ScRiPt x><sCRIPTs></SCRIPT ${CASES.join('<')}</script><script`;
    for (const needle of ['<script', '</script', '<scripts', '<style', '<']) {
      for (let from = 0; from <= text.length; from += 7) expect(indexOfAsciiFolded(text, needle, from)).toBe(asciiLower(text).indexOf(needle, from));
    }
  });

  test.each(CASES.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, c]))(
    '%s before <script>/<style> keeps all text after them',
    (_name, c) => {
      const before = `<p>${c.repeat(40)} final sigma ΟΔΟΣ ${c}</p>`;
      const page = `<html><body>${before}<SCRIPT type="text/javascript">${SCRIPT_BODY}</SCRIPT><style>p{}</style><p>${AFTER}</p></body></html>`;
      const out = stripActiveContent(page);
      expect(out).toBe(`<html><body>${before}<p>${AFTER}</p></body></html>`);
      const ld = `<html><head><title>${c.repeat(40)}</title><script type="application/ld+json">{"headline":"${c}"}</script></head></html>`;
      expect(extractJsonLd(ld)).toEqual([`{"headline":"${c}"}`]);
      expect(htmlNestingDepth(`<div>${c.repeat(40)}<script>"<div><div>"</script><section>${c}</section></div>`)).toBe(2);
    },
  );
});

const TURKISH_STORY = [
  'İstanbul Büyükşehir Belediyesi, kentteki toplu taşıma ağını genişletmek için yeni bir metro hattının yapımına başlanacağını duyurdu.',
  'İlk etapta İkitelli ile İstinye arasında on iki istasyon yapılacak ve hattın dört yıl içinde hizmete girmesi bekleniyor.',
  'Belediye Başkanı, İBB Meclisi’nde yaptığı konuşmada projenin maliyetinin büyük bölümünün uluslararası kredilerle karşılanacağını söyledi.',
  'İnşaat sürecinde bazı caddelerin trafiğe kapatılacağını belirten yetkililer, sürücülere alternatif güzergâhları kullanmalarını önerdi.',
  'İşletmeciler ise kazı çalışmalarının dükkânlarının önünü aylarca kapatmasından endişe ettiklerini dile getirdi.',
  'İktisatçılar, yeni hattın özellikle kuzeydeki ilçelerde konut fiyatlarını yukarı çekebileceği uyarısında bulundu.',
  'İzmir ve Ankara’daki benzer projelerin gecikmelerle tamamlandığını hatırlatan uzmanlar, takvimin gerçekçi olup olmadığını sorguladı.',
  'İBB yetkilileri, ihaleye ilişkin tüm belgelerin önümüzdeki hafta kamuoyuyla paylaşılacağını açıkladı.',
];

describe('a Turkish page with an inline script', () => {
  test('keeps all eight paragraphs and is clean', () => {
    const html = [
      '<!doctype html><html lang="tr"><head><meta charset="utf-8"><title>İstanbul’a yeni metro hattı</title>',
      '<STYLE>.reklam{display:none}</STYLE></head><body><article><h1>İstanbul’a yeni metro hattı</h1>',
      ...TURKISH_STORY.slice(0, 3).map((p) => `<p>${p}</p>`),
      '<script>window.İçerik = {"bölüm": "İSTANBUL", "etiketler": ["İBB", "ULAŞIM"]};</script>',
      ...TURKISH_STORY.slice(3).map((p) => `<p>${p}</p>`),
      '</article></body></html>',
    ].join('\n');
    const r = cleanArticle({ content: html, format: 'html' });
    expect(r.status).toBe('clean');
    expect(r.paragraphs).toEqual(TURKISH_STORY);
    expect(r.paragraphs.join('\n')).not.toContain('window.');
  });
});

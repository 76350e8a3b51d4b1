import { cleanArticle } from '../../../lambdas/core/clean';
import { ISO_639_3_TO_1 } from '../../../lambdas/core/clean/iso-639';
import { detectLanguage, normaliseLanguageTag, recordLanguage } from '../../../lambdas/core/clean/language';

/** A few lines of ordinary news prose per language, written for this test. */
const TEXTS: Record<string, string> = {
  nl: `De gemeenteraad heeft dinsdagavond ingestemd met het plan om de binnenstad autovrij te maken.
Winkeliers vrezen dat klanten wegblijven, maar de wethouder verwacht juist meer bezoekers.
De eerste straten gaan volgend voorjaar dicht voor het verkeer.`,
  ca: `L'Ajuntament de Girona ha aprovat aquest dimarts un pla per reduir el trànsit al centre de la ciutat.
Els comerciants temen que les vendes baixin, però el regidor creu que vindran més visitants.
Els primers carrers es tancaran als cotxes la primavera vinent.`,
  sv: `Regeringen meddelade på tisdagen att skatten på bensin sänks från och med nästa månad.
Oppositionen kritiserar beslutet och menar att det gynnar dem som bor i storstäderna.
Finansministern säger att sänkningen är tillfällig och ska utvärderas i höst.`,
  pl: `Rada miasta zdecydowała we wtorek, że centrum Krakowa zostanie zamknięte dla samochodów.
Właściciele sklepów obawiają się spadku obrotów, ale wiceprezydent spodziewa się większego ruchu pieszych.
Pierwsze ulice zostaną zamknięte wiosną przyszłego roku.`,
  pt: `O governo anunciou nesta terça-feira que o preço dos transportes públicos vai baixar a partir de janeiro.
Os sindicatos dizem que a medida chega tarde, mas os utentes mostram-se satisfeitos.
O ministro garantiu que a redução não vai pôr em causa o investimento nas linhas de comboio.`,
  es: `El ayuntamiento aprobó el martes un plan para cerrar el centro de la ciudad a los coches.
Los comerciantes temen que bajen las ventas, pero la concejala cree que llegarán más visitantes.
Las primeras calles se cerrarán al tráfico la próxima primavera.`,
  de: `Der Stadtrat hat am Dienstag beschlossen, die Innenstadt ab dem kommenden Frühjahr für Autos zu sperren.
Die Händler befürchten Umsatzeinbußen, doch die Bürgermeisterin rechnet mit mehr Besuchern.
Die ersten Straßen sollen im April für den Verkehr geschlossen werden.`,
  tr: `Belediye meclisi salı günü şehir merkezini araç trafiğine kapatma planını onayladı.
Esnaf satışların düşeceğinden endişe ediyor, ancak belediye başkanı daha fazla ziyaretçi bekliyor.
İlk sokaklar önümüzdeki ilkbaharda trafiğe kapatılacak.`,
  ar: `وافق مجلس المدينة يوم الثلاثاء على خطة لإغلاق وسط المدينة أمام السيارات.
ويخشى أصحاب المتاجر من تراجع المبيعات، لكن رئيس البلدية يتوقع زيادة عدد الزوار.
وستغلق الشوارع الأولى أمام حركة المرور في الربيع المقبل.`,
  zh: `市议会周二批准了一项计划，从明年春天起禁止汽车进入市中心。
商户担心销售额会下降，但副市长预计会有更多游客前来。
第一批街道将于四月起对车辆关闭。`,
  ja: `市議会は火曜日、来年の春から市の中心部への車の乗り入れを禁止する計画を承認した。
商店主たちは売り上げの減少を心配しているが、副市長は訪問者が増えると見込んでいる。
最初の通りは四月に閉鎖される予定だ。`,
  ru: `Городской совет во вторник одобрил план закрыть центр города для автомобилей.
Владельцы магазинов опасаются падения продаж, но мэр ожидает, что посетителей станет больше.
Первые улицы закроют для движения следующей весной.`,
  hi: `नगर परिषद ने मंगलवार को शहर के केंद्र को गाड़ियों के लिए बंद करने की योजना को मंज़ूरी दे दी।
दुकानदारों को डर है कि बिक्री घटेगी, लेकिन महापौर को उम्मीद है कि ज़्यादा लोग आएँगे।
पहली सड़कें अगले वसंत में यातायात के लिए बंद कर दी जाएँगी।`,
};

describe('detectLanguage', () => {
  test.each(Object.entries(TEXTS))('reads %s text as its language', (code, text) => {
    expect(detectLanguage(text)).toBe(code);
  });

  test('names no language for text too short to tell', () => {
    expect(detectLanguage('Ja, klar.')).toBeNull();
    expect(detectLanguage('12:45 — 3:1 (2:0)')).toBeNull();
  });

  test('maps every detector code to a two-letter code', () => {
    for (const [three, one] of Object.entries(ISO_639_3_TO_1)) {
      expect(three).toMatch(/^[a-z]{3}$/);
      expect(one).toMatch(/^[a-z]{2}$/);
    }
  });
});

describe('normaliseLanguageTag', () => {
  test.each([
    ['en-US', 'en'],
    ['pt_BR', 'pt'],
    [' DE ', 'de'],
    ['nld', 'nl'],
    ['lan', null],
    ['english', null],
    ['', null],
    [null, null],
  ])('%p → %p', (tag, code) => {
    expect(normaliseLanguageTag(tag)).toBe(code);
  });
});

describe('recordLanguage', () => {
  test('keeps the declared tag when the text agrees or is too short to tell', () => {
    expect(recordLanguage('de-DE', TEXTS.de)).toBe('de');
    expect(recordLanguage('ca', 'Bon dia a tothom.')).toBe('ca');
  });

  test('lets the text overrule a tag from an unrelated language (a template default)', () => {
    expect(recordLanguage('en-US', TEXTS.de)).toBe('de');
    expect(recordLanguage('en', TEXTS.ar)).toBe('ar');
    expect(recordLanguage('no', TEXTS.sv)).toBe('sv');
  });

  test('keeps the declared tag when the text reads as a close relative of it', () => {
    expect(detectLanguage(TEXTS.es)).toBe('es');
    expect(recordLanguage('gl', TEXTS.es)).toBe('gl');
    expect(recordLanguage('ca', TEXTS.es)).toBe('ca');
  });

  test('uses the detector alone when there is no usable tag', () => {
    expect(recordLanguage(null, TEXTS.nl)).toBe('nl');
    expect(recordLanguage('lan', TEXTS.pl)).toBe('pl');
  });
});

describe('record language through the cleaner', () => {
  test('a Dutch text dump and an HTML page with a wrong template tag', () => {
    const paragraphs = TEXTS.nl.split('\n');
    const text = cleanArticle({ content: ['Binnenstad wordt autovrij', ...paragraphs].join('\n\n'), format: 'text' });
    expect(text.language).toBe('nl');
    const html = `<html lang="en-US"><body><article><h1>Innenstadt wird autofrei</h1>${TEXTS.de
      .split('\n')
      .map((p) => `<p>${p}</p>`)
      .join('')}</article></body></html>`;
    expect(cleanArticle({ content: html, format: 'html' }).language).toBe('de');
  });
});

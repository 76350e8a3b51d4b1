/**
 * Text primitives in other languages and scripts: sentence stops, tokens of scripts without
 * spaces, Arabic-script folding, language of a text; then the multilingual syndication set.
 */
import { assignStory, buildFingerprint, indexKeys, InMemoryFingerprintIndex, storyView, type DedupeDoc } from '../../../lambdas/core/dedupe';
import { detectLanguage, tokenHash } from '../../../lambdas/core/dedupe/languages';
import { normaliseText, tokenize } from '../../../lambdas/core/dedupe/normalise';
import { splitSentences } from '../../../lambdas/core/dedupe/sentences';
import { buildMultilingualCorpus, readDeclaration } from '../../eval/multilingual-corpus';

// NFKC as the fingerprint applies it (fullwidth stops become ASCII); the letter folding is left
// out so that expectations read as written.
const split = (text: string): string[] => splitSentences(text.normalize('NFKC'));

describe('sentences in every script', () => {
  it('Arabic: full stop and question mark end sentences without capitals, commas do not, "د." is a title', () => {
    expect(split('قال الوزير إن الاجتماع انتهى، وإن البيان صدر. وأضاف د. محمد أن الوفد غادر؟ نعم غادر')).toEqual([
      'قال الوزير إن الاجتماع انتهى، وإن البيان صدر.',
      'وأضاف د. محمد أن الوفد غادر؟',
      'نعم غادر',
    ]);
  });

  it('Arabic: a stop with a space before it, or none after it, still ends the sentence', () => {
    expect(split('سيعود الوزراء إلى عدن . وقال بادي في تصريح.وأكد أن الموعد قريب')).toEqual([
      'سيعود الوزراء إلى عدن .',
      'وقال بادي في تصريح.',
      'وأكد أن الموعد قريب',
    ]);
  });

  it('Urdu: the Urdu full stop (۔) and question mark', () => {
    expect(split('وزیر اعظم نے اجلاس کی صدارت کی۔ اجلاس میں کیا فیصلہ ہوا؟ کابینہ نے بجٹ منظور کر لیا۔')).toEqual([
      'وزیر اعظم نے اجلاس کی صدارت کی۔',
      'اجلاس میں کیا فیصلہ ہوا؟',
      'کابینہ نے بجٹ منظور کر لیا۔',
    ]);
  });

  it('Hindi: the danda', () => {
    expect(split('प्रधानमंत्री ने बैठक की अध्यक्षता की। मंत्रिमंडल ने बजट को मंज़ूरी दी। क्या चुनाव होंगे?')).toEqual([
      'प्रधानमंत्री ने बैठक की अध्यक्षता की।',
      'मंत्रिमंडल ने बजट को मंज़ूरी दी।',
      'क्या चुनाव होंगे?',
    ]);
  });

  it('Chinese: ideographic full stop and fullwidth marks, no spaces after them', () => {
    expect(split('国务院召开常务会议。会议通过了预算！明年会举行选举吗？会。')).toEqual([
      '国务院召开常务会议。',
      '会议通过了预算!',
      '明年会举行选举吗?',
      '会。',
    ]);
  });

  it('Japanese: the ideographic full stop inside closing brackets', () => {
    expect(split('首相は「会議を開く。」と述べた。予算は承認された。')).toEqual(['首相は「会議を開く。」', 'と述べた。', '予算は承認された。']);
  });

  it('Thai: no sentence punctuation, so a paragraph stays one unit (clause spaces are not stops)', () => {
    const paragraph = 'นายกรัฐมนตรีเป็นประธานการประชุม คณะรัฐมนตรีอนุมัติงบประมาณ';
    expect(split(paragraph)).toEqual([paragraph]);
  });

  it('Russian and German: cased scripts keep the case rule and abbreviations', () => {
    expect(split('Это первое предложение. Второе! А это? нет, продолжение.')).toEqual(['Это первое предложение.', 'Второе!', 'А это? нет, продолжение.']);
    expect(split('Der Minister, Dr. Müller, kam z. B. nach Berlin. Dort sprach er. Danach reiste er ab.')).toEqual([
      'Der Minister, Dr. Müller, kam z. B. nach Berlin.',
      'Dort sprach er.',
      'Danach reiste er ab.',
    ]);
  });

  it('English: unchanged, including several opening quotes and brackets', () => {
    expect(split("He said nothing. \"'I don't care,' she said.\" [It] ended. The U.S. team won.")).toEqual([
      'He said nothing.',
      "\"'I don't care,' she said.\"",
      '[It] ended.',
      'The U.S. team won.',
    ]);
  });

  it('splits the real declaration at every stop of its script', () => {
    for (const [file, stop] of [
      ['hin', '।'],
      ['urd', '۔'],
      ['cmn_hans', '。'],
      ['jpn', '。'],
    ] as const) {
      const { parts } = readDeclaration(file);
      for (const paragraph of parts.flat()) {
        const stops = [...paragraph.trim().slice(0, -1)].filter((c) => c === stop).length;
        expect(split(paragraph).length).toBeGreaterThanOrEqual(stops + 1);
      }
    }
  });
});

describe('tokens', () => {
  const tokens = (text: string): string[] => tokenize(normaliseText(text));

  it('Chinese: overlapping character bigrams, figures apart', () => {
    expect(tokens('国务院2015年预算')).toEqual(['国务', '务院', '2015', '年预', '预算']);
    expect(tokens('在2015年')).toEqual(['在', '2015', '年']);
  });

  it('Japanese: kanji bigrams, each kana run one token', () => {
    expect(tokens('東京都はオリンピックを開催した')).toEqual(['東京', '京都', 'は', 'オリンピック', 'を', '開催', 'した']);
  });

  it('Thai: character bigrams, vowel and tone marks inside', () => {
    expect(tokens('ไทยรัฐ')).toEqual(['ไท', 'ทย', 'ยร', 'รั', 'ัฐ']);
  });

  it('Devanagari and Bengali: vowel signs and viramas stay inside words', () => {
    expect(tokens('हिन्दी भाषा')).toEqual(['हिन्दी', 'भाषा']);
    expect(tokens('বাংলা ভাষা')).toEqual(['বাংলা', 'ভাষা']);
  });

  it('Korean and Cyrillic: spaced words as they are', () => {
    expect(tokens('서울에서 회의가 열렸다')).toEqual(['서울에서', '회의가', '열렸다']);
    expect(tokens('Москва, 2015')).toEqual(['москва', '2015']);
  });
});

describe('Arabic-script normalisation', () => {
  const tokens = (text: string): string[] => tokenize(normaliseText(text));

  it('folds the letter forms outlets write interchangeably', () => {
    // Hamza and madda alefs, alef maqsura, ta marbuta.
    expect(tokens('أحمد إلى آخر مدرسة')).toEqual(tokens('احمد الي اخر مدرسه'));
    // Persian/Urdu yeh and keheh against Arabic yeh and kaf.
    expect(tokens('کتاب یک')).toEqual(tokens('كتاب يك'));
  });

  it('drops diacritics, tatweel and invisible joiners', () => {
    expect(tokens('مُحَمَّدٌ الـــعربية')).toEqual(tokens('محمد العربية'));
    expect(tokens('می\u200Cخواهم')).toEqual(tokens('میخواهم'));
  });

  it('reads Arabic-Indic and Persian digits as figures', () => {
    expect(tokens('عام ٢٠١٥ و۱۳۹۴ بنسبة ٤٫٥٪')).toEqual(['عام', '2015', 'و1394', 'بنسبه', '4.5', 'percent']);
  });

  it('gives a respelled reprint the same body hash and keys', () => {
    const doc: DedupeDoc = {
      id: 'a',
      outlet: 'x',
      title: null,
      body: 'أعلنت وزارة الصحة اليوم عن إطلاق حملة التطعيم في 13 منطقة.\n\nوقال المتحدث إن الحملة تستمر أسبوعين.',
      published: null,
      syndication: [],
    };
    const respelled = { ...doc, id: 'b', body: 'اعلنت وزارة الصحه اليوم عن اطلاق حملـة التطعيم في ١٣ منطقة.\n\nوقال المتحدث إن الحملة تستمر أُسبوعين.' };
    expect(buildFingerprint(respelled).bodyHash).toBe(buildFingerprint(doc).bodyHash);
    expect(indexKeys(buildFingerprint(respelled))).toEqual(indexKeys(buildFingerprint(doc)));
  });
});

describe('language of a text', () => {
  const lang = (text: string): string => detectLanguage(tokenize(normaliseText(text)).map(tokenHash));

  it('is told from its function words', () => {
    expect(lang('قال الوزير إن الحكومة ستعقد اجتماعا في العاصمة من أجل بحث الميزانية')).toBe('ar');
    expect(lang('وزیر اعظم نے کہا کہ حکومت اس سال بجٹ میں اضافہ کرے گی اور یہ فیصلہ کابینہ کا ہے')).toBe('ur');
    expect(lang('प्रधानमंत्री ने कहा कि सरकार इस साल बजट में वृद्धि करेगी और यह फैसला मंत्रिमंडल का है')).toBe('hi');
    expect(lang('Der Minister sagte, dass die Regierung in diesem Jahr den Haushalt erhöhen wird und das ist gut')).toBe('de');
    expect(lang('Министр сказал, что правительство в этом году увеличит бюджет, и это решение кабинета')).toBe('ru');
    expect(lang('The minister said that the government would raise the budget this year and that it was final')).toBe('en');
  });

  it('is not stored for English, so English fingerprints read as they always did', () => {
    const english: DedupeDoc = {
      id: 'e',
      outlet: 'x',
      title: 'A title',
      body: 'The minister said that the budget would rise this year.',
      published: null,
      syndication: [],
    };
    expect(buildFingerprint(english).lang).toBeUndefined();
    expect(buildFingerprint({ ...english, body: 'قال الوزير إن الميزانية ستزيد هذا العام من أجل التنمية.' }).lang).toBe('ar');
  });
});

describe('multilingual syndication set', () => {
  it.each([1, 2])('groups every copy with its story and keeps every story apart (seed %i)', async (seed) => {
    const { docs, labels } = buildMultilingualCorpus(seed);
    const port = new InMemoryFingerprintIndex();
    const assigned = new Map<string, string>();
    for (const doc of docs) assigned.set(doc.id, (await assignStory(doc, port)).storyId);
    const predicted = new Map<string, string>();
    for (const doc of docs) predicted.set(doc.id, (await storyView(assigned.get(doc.id)!, port)).storyId);
    const goldStoriesOf = new Map<string, Set<string>>();
    const predictedOf = new Map<string, Set<string>>();
    for (const doc of docs) {
      const p = predicted.get(doc.id)!;
      goldStoriesOf.set(p, (goldStoriesOf.get(p) ?? new Set()).add(labels[doc.id]));
      predictedOf.set(labels[doc.id], (predictedOf.get(labels[doc.id]) ?? new Set()).add(p));
    }
    const merged = [...goldStoriesOf.values()].filter((s) => s.size > 1).map((s) => [...s]);
    const split = [...predictedOf.entries()].filter(([, s]) => s.size > 1).map(([g]) => g);
    expect(merged).toEqual([]);
    expect(split).toEqual([]);
  });
});

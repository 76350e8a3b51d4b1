/**
 * ISO 639-3 → ISO 639-1 for every language the detector (franc) can name that has a two-letter
 * code. Records carry two-letter codes, as `<html lang>` does; languages without one keep their
 * three-letter code. Individual languages map to their macrolanguage's code where that is what
 * pages declare (Standard Arabic → ar, Mandarin → zh, Norwegian Bokmål → nb, Western Farsi → fa).
 */
export const ISO_639_3_TO_1: Readonly<Record<string, string>> = {
  afr: 'af', als: 'sq', amh: 'am', arb: 'ar', ayr: 'ay', azj: 'az', bam: 'bm', bel: 'be', ben: 'bn', bod: 'bo',
  bos: 'bs', bul: 'bg', cat: 'ca', ces: 'cs', cmn: 'zh', dan: 'da', deu: 'de', ekk: 'et', ell: 'el', eng: 'en',
  epo: 'eo', ewe: 'ee', fin: 'fi', fra: 'fr', glg: 'gl', guj: 'gu', hat: 'ht', hau: 'ha', heb: 'he', hin: 'hi',
  hrv: 'hr', hun: 'hu', hye: 'hy', ibo: 'ig', iii: 'ii', ind: 'id', ita: 'it', jav: 'jv', jpn: 'ja', kan: 'kn',
  kat: 'ka', kaz: 'kk', khk: 'mn', khm: 'km', kin: 'rw', kir: 'ky', knc: 'kr', kng: 'kg', kor: 'ko', lao: 'lo',
  lin: 'ln', lit: 'lt', lug: 'lg', lvs: 'lv', mal: 'ml', mar: 'mr', mkd: 'mk', mya: 'my', ndo: 'ng', nld: 'nl',
  nno: 'nn', nob: 'nb', npi: 'ne', nya: 'ny', pan: 'pa', pbu: 'ps', pes: 'fa', plt: 'mg', pol: 'pl', por: 'pt',
  prs: 'fa', quz: 'qu', ron: 'ro', run: 'rn', rus: 'ru', sag: 'sg', sin: 'si', slk: 'sk', slv: 'sl', sna: 'sn',
  som: 'so', sot: 'st', spa: 'es', src: 'sc', srp: 'sr', ssw: 'ss', sun: 'su', swe: 'sv', swh: 'sw', tam: 'ta',
  tat: 'tt', tel: 'te', tgk: 'tg', tgl: 'tl', tha: 'th', tir: 'ti', tsn: 'tn', tso: 'ts', tuk: 'tk', tur: 'tr',
  uig: 'ug', ukr: 'uk', urd: 'ur', uzn: 'uz', ven: 've', vie: 'vi', wol: 'wo', xho: 'xh', ydd: 'yi', yor: 'yo',
  zlm: 'ms', zul: 'zu', zyb: 'za',
};

/**
 * Month names and the regexes that read dates and times out of datelines (clean/dates.ts):
 * what a date looks like decides which lines are datelines, so it lives with the rules.
 */
// Full names and the abbreviations pages print, in the languages of the news: en, pt, es, it,
// de, fr, nl, ru (nominative and the genitive dates use), tr, ar (Egyptian/Gulf and Levantine).
export const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'jan', 'janeiro', 'enero', 'ene', 'gennaio', 'gen', 'januar', 'jänner', 'jän', 'janvier', 'janv', 'januari', 'январь', 'января', 'янв', 'ocak', 'يناير', 'كانون الثاني'],
  ['february', 'feb', 'fevereiro', 'fev', 'febrero', 'febbraio', 'februar', 'feber', 'février', 'fevrier', 'févr', 'fevr', 'februari', 'февраль', 'февраля', 'фев', 'şubat', 'subat', 'فبراير', 'شباط'],
  ['march', 'mar', 'março', 'marco', 'marzo', 'märz', 'maerz', 'mär', 'mars', 'maart', 'mrt', 'март', 'марта', 'мар', 'mart', 'مارس', 'آذار', 'اذار'],
  ['april', 'apr', 'abril', 'abr', 'aprile', 'avril', 'avr', 'апрель', 'апреля', 'апр', 'nisan', 'أبريل', 'ابريل', 'إبريل', 'نيسان'],
  ['may', 'maio', 'mayo', 'maggio', 'mag', 'mai', 'mei', 'май', 'мая', 'mayıs', 'mayis', 'مايو', 'أيار', 'ايار'],
  ['june', 'jun', 'junho', 'junio', 'giugno', 'giu', 'juni', 'juin', 'июнь', 'июня', 'июн', 'haziran', 'يونيو', 'يونيه', 'حزيران'],
  ['july', 'jul', 'julho', 'julio', 'luglio', 'lug', 'juli', 'juillet', 'juil', 'июль', 'июля', 'июл', 'temmuz', 'يوليو', 'يوليه', 'تموز'],
  ['august', 'aug', 'agosto', 'ago', 'août', 'aout', 'augustus', 'август', 'августа', 'авг', 'ağustos', 'agustos', 'أغسطس', 'اغسطس', 'آب'],
  ['september', 'sep', 'sept', 'setembro', 'set', 'septiembre', 'setiembre', 'settembre', 'septembre', 'сентябрь', 'сентября', 'сен', 'сент', 'eylül', 'eylul', 'سبتمبر', 'أيلول', 'ايلول'],
  ['october', 'oct', 'outubro', 'out', 'octubre', 'ottobre', 'ott', 'oktober', 'okt', 'octobre', 'октябрь', 'октября', 'окт', 'ekim', 'أكتوبر', 'اكتوبر', 'تشرين الأول', 'تشرين الاول'],
  ['november', 'nov', 'novembro', 'noviembre', 'novembre', 'ноябрь', 'ноября', 'ноя', 'kasım', 'kasim', 'نوفمبر', 'تشرين الثاني'],
  ['december', 'dec', 'dezembro', 'dez', 'diciembre', 'dic', 'dicembre', 'dezember', 'décembre', 'decembre', 'déc', 'декабрь', 'декабря', 'дек', 'aralık', 'aralik', 'ديسمبر', 'كانون الأول', 'كانون الاول'],
];

/** Levantine month names are two words; they are joined with a no-break space so a month is one token. */
const TWO_WORD_MONTH = new RegExp(`(${MONTH_NAMES.flat().filter((n) => n.includes(' ')).join('|')})`, 'g');

export const DATE_PATTERNS = {
  twoWordMonth: TWO_WORD_MONTH,
  combiningDot: /\u0307/g,
  noBreakSpace: /\u00a0/g,
  easternDigit: /[\u0660-\u0669\u06f0-\u06f9]/g,
  time: /(\d{1,2})[:.h](\d{2})(?::(\d{2}))?\s*([ap])?\.?\s*m?\.?(?:\s*(?:GMT|UTC)?\s*([+-])(\d{1,2})(?::?(\d{2}))?(?!\d))?/i,
  iso: /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/,
  dayMonthYear: /(\d{1,2})(?:st|nd|rd|th|er|º|°)?\.?\s+(?:de\s+)?([\p{L}\u00a0]{2,14})\.?,?\s+(?:de\s+)?(\d{4})(.{0,40})/u,
  monthDayYear: /(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(.{0,30})/u,
  cjkDate: /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?(.{0,20})/u,
  dayFirstNumeric: /\b(\d{1,2})[./](\d{1,2})[./](\d{4})(.{0,20})/,
  yearFirstNumeric: /\b(\d{4})[./](\d{1,2})[./](\d{1,2})\b(.{0,20})/,
  embeddedIso: /\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?/,
  stripDayMonthYear: /\d{1,2}(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?\p{L}{3,10}\.?,?\s+(?:de\s+)?\d{4}(?:\s+(?:г\.|года))?/u,
  stripMonthDayYear: /\p{L}{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}/u,
  stripNumericDate: /\d{4}\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]?|\b\d{1,2}[./]\d{1,2}[./]\d{4}\b|\b\d{4}-\d{2}-\d{2}\b/u,
  stripTime: /\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?|\s*(?:uhr|h)\b)?/i,
  stripEdgePunctuation: /^[\s\-–—|,•:]+|[\s\-–—|,•:]+$/g,
} as const;

/** Numbers that decide what reads as a date. */
export const DATE_THRESHOLDS = {
  /** Years outside this range are a number that looks like a date (a price, a count), not a date. */
  minYear: 1900,
  maxYear: 2100,
  /** Characters of a dateline searched for its date: a date further in belongs to the text, not the stamp. */
  searchChars: 200,
} as const;

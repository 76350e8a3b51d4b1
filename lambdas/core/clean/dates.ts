/**
 * Dateline → ISO 8601 of the wall-clock time the page shows. No time-zone conversion: an
 * offset is written only when the page states a numeric one (or Z).
 */

const MONTHS: Record<string, number> = {};
// Full names and the abbreviations pages print, in the languages of the news: en, pt, es, it,
// de, fr, nl, ru (nominative and the genitive dates use), tr, ar (Egyptian/Gulf and Levantine).
const MONTH_NAMES: readonly (readonly string[])[] = [
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
MONTH_NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

/** Levantine month names are two words; they are joined with a no-break space so a month is one token. */
const TWO_WORD_MONTHS = new RegExp(`(${MONTH_NAMES.flat().filter((n) => n.includes(' ')).join('|')})`, 'g');

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** Month number of a month word, any case ("MÄRZ", "Mart", "NİSAN"). */
function monthOf(word: string): number | undefined {
  // Turkish dotted capital İ lower-cases to i + combining dot.
  return MONTHS[word.toLowerCase().replace(/\u0307/g, '').replace(/\u00a0/g, ' ')];
}

/** Eastern Arabic and Persian digits as ASCII, so "١٩ مارس ٢٠٢١" reads like "19 مارس 2021". */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/** Time after a date: "13:46", "9:24 pm", "13h46", "13.46 Uhr", with a numeric offset only when one is printed. */
function timePart(rest: string): string {
  const t = /(\d{1,2})[:.h](\d{2})(?::(\d{2}))?\s*([ap])?\.?\s*m?\.?(?:\s*(?:GMT|UTC)?\s*([+-])(\d{1,2})(?::?(\d{2}))?(?!\d))?/i.exec(rest);
  if (!t) return '';
  let h = Number(t[1]);
  const min = Number(t[2]);
  const ampm = t[4]?.toLowerCase();
  if (ampm === 'p' && h < 12) h += 12;
  if (ampm === 'a' && h === 12) h = 0;
  if (h > 23 || min > 59) return '';
  const offset = t[5] && Number(t[6]) <= 14 ? `${t[5]}${pad(Number(t[6]))}:${t[7] ?? '00'}` : '';
  return `T${pad(h)}:${pad(min)}${t[3] ? ':' + t[3] : ''}${offset}`;
}

/** Already ISO-like values (meta tags, JSON-LD): keep the stated offset, drop nothing else. */
function fromIso(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/.exec(text.trim());
  if (!m || !validDate(+m[1], +m[2], +m[3])) return null;
  let out = `${m[1]}-${m[2]}-${m[3]}`;
  if (m[4]) out += `T${m[4]}:${m[5]}${m[6] ? ':' + m[6] : ''}`;
  if (m[4] && m[7]) out += m[7] === 'Z' ? 'Z' : m[7].includes(':') ? m[7] : `${m[7].slice(0, 3)}:${m[7].slice(3)}`;
  return out;
}

const ymd = (y: string, m: number, d: string, rest: string) => `${y}-${pad(m)}-${pad(+d)}${timePart(rest)}`;

/** First date (with its time, when one follows) in a dateline, or null. */
export function parseDateline(text: string): string | null {
  const iso = fromIso(text);
  if (iso) return iso;
  const s = asciiDigits(text.slice(0, 200).normalize('NFC')).replace(TWO_WORD_MONTHS, (w) => w.replace(' ', '\u00a0'));
  // 19 March 2021 - 13:46 · 3. März 2021 · 19 de marzo de 2021 · 1er mars 2021 · 19 марта 2021 г.
  let m = /(\d{1,2})(?:st|nd|rd|th|er|º|°)?\.?\s+(?:de\s+)?([\p{L}\u00a0]{2,14})\.?,?\s+(?:de\s+)?(\d{4})(.{0,40})/u.exec(s);
  let month = m ? monthOf(m[2]) : undefined;
  if (m && month && validDate(+m[3], month, +m[1])) return ymd(m[3], month, m[1], m[4]);
  // Nov 18, 2019 at 9:24 pm
  m = /(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(.{0,30})/u.exec(s);
  month = m ? monthOf(m[1]) : undefined;
  if (m && month && validDate(+m[3], month, +m[2])) return ymd(m[3], month, m[2], m[4]);
  // 2021年3月19日 13:46 (Chinese, Japanese) · 2021년 3월 19일 (Korean)
  m = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?(.{0,20})/u.exec(s);
  if (m && validDate(+m[1], +m[2], +m[3])) return ymd(m[1], +m[2], m[3], m[4]);
  // 19.03.2021 13:46 (day first, as most non-US pages write it)
  m = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})(.{0,20})/.exec(s);
  if (m && validDate(+m[3], +m[2], +m[1])) return ymd(m[3], +m[2], m[1], m[4]);
  // 2021/03/19 13:46
  m = /\b(\d{4})[./](\d{1,2})[./](\d{1,2})\b(.{0,20})/.exec(s);
  if (m && validDate(+m[1], +m[2], +m[3])) return ymd(m[1], +m[2], m[3], m[4]);
  const embedded = /\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?/.exec(s);
  return embedded ? fromIso(embedded[0]) : null;
}

/** The words of a dateline that are not the date: "19 March 2021 - 13:46 Andrey Biryukov" → "Andrey Biryukov". */
export function stripDate(text: string): string {
  return text
    .replace(/\d{1,2}(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?\p{L}{3,10}\.?,?\s+(?:de\s+)?\d{4}(?:\s+(?:г\.|года))?/u, ' ')
    .replace(/\p{L}{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}/u, ' ')
    .replace(/\d{4}\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]?|\b\d{1,2}[./]\d{1,2}[./]\d{4}\b|\b\d{4}-\d{2}-\d{2}\b/u, ' ')
    .replace(/\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?|\s*(?:uhr|h)\b)?/i, ' ')
    .replace(/^[\s\-–—|,•:]+|[\s\-–—|,•:]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

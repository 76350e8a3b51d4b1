/**
 * Dateline → ISO 8601 of the wall-clock time the page shows. No time-zone conversion: an
 * offset is written only when the page states a numeric one (or Z).
 */

import { DATE_PATTERNS as D, DATE_THRESHOLDS, MONTH_NAMES, TEXT_PATTERNS } from '../rules';

const MONTHS: Record<string, number> = {};
MONTH_NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): boolean {
  return y >= DATE_THRESHOLDS.minYear && y <= DATE_THRESHOLDS.maxYear && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** Month number of a month word, any case ("MÄRZ", "Mart", "NİSAN"). */
function monthOf(word: string): number | undefined {
  // Turkish dotted capital İ lower-cases to i + combining dot.
  return MONTHS[word.toLowerCase().replace(D.combiningDot, '').replace(D.noBreakSpace, ' ')];
}

/** Eastern Arabic and Persian digits as ASCII, so "١٩ مارس ٢٠٢١" reads like "19 مارس 2021". */
function asciiDigits(text: string): string {
  return text.replace(D.easternDigit, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/** Time after a date: "13:46", "9:24 pm", "13h46", "13.46 Uhr", with a numeric offset only when one is printed. */
function timePart(rest: string): string {
  const t = D.time.exec(rest);
  if (!t) return '';
  let h = Number(t[1]);
  const min = Number(t[2]);
  const ampm = t[4]?.toLowerCase();
  if (ampm === 'p' && h < 12) h += 12;
  if (ampm === 'a' && h === 12) h = 0;
  if (h > 23 || min > 59) return '';
  // No time zone is more than 14 hours from UTC.
  const offset = t[5] && Number(t[6]) <= 14 ? `${t[5]}${pad(Number(t[6]))}:${t[7] ?? '00'}` : '';
  return `T${pad(h)}:${pad(min)}${t[3] ? ':' + t[3] : ''}${offset}`;
}

/** Already ISO-like values (meta tags, JSON-LD): keep the stated offset, drop nothing else. */
function fromIso(text: string): string | null {
  const m = D.iso.exec(text.trim());
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
  const s = asciiDigits(text.slice(0, DATE_THRESHOLDS.searchChars).normalize('NFC')).replace(D.twoWordMonth, (w) => w.replace(' ', '\u00a0'));
  // 19 March 2021 - 13:46 · 3. März 2021 · 19 de marzo de 2021 · 1er mars 2021 · 19 марта 2021 г.
  let m = D.dayMonthYear.exec(s);
  let month = m ? monthOf(m[2]) : undefined;
  if (m && month && validDate(+m[3], month, +m[1])) return ymd(m[3], month, m[1], m[4]);
  // Nov 18, 2019 at 9:24 pm
  m = D.monthDayYear.exec(s);
  month = m ? monthOf(m[1]) : undefined;
  if (m && month && validDate(+m[3], month, +m[2])) return ymd(m[3], month, m[2], m[4]);
  // 2021年3月19日 13:46 (Chinese, Japanese) · 2021년 3월 19일 (Korean)
  m = D.cjkDate.exec(s);
  if (m && validDate(+m[1], +m[2], +m[3])) return ymd(m[1], +m[2], m[3], m[4]);
  // 19.03.2021 13:46 (day first, as most non-US pages write it)
  m = D.dayFirstNumeric.exec(s);
  if (m && validDate(+m[3], +m[2], +m[1])) return ymd(m[3], +m[2], m[1], m[4]);
  // 2021/03/19 13:46
  m = D.yearFirstNumeric.exec(s);
  if (m && validDate(+m[1], +m[2], +m[3])) return ymd(m[1], +m[2], m[3], m[4]);
  const embedded = D.embeddedIso.exec(s);
  return embedded ? fromIso(embedded[0]) : null;
}

/** The words of a dateline that are not the date: "19 March 2021 - 13:46 Andrey Biryukov" → "Andrey Biryukov". */
export function stripDate(text: string): string {
  return text
    .replace(D.stripDayMonthYear, ' ')
    .replace(D.stripMonthDayYear, ' ')
    .replace(D.stripNumericDate, ' ')
    .replace(D.stripTime, ' ')
    .replace(D.stripEdgePunctuation, '')
    .replace(TEXT_PATTERNS.space, ' ')
    .trim();
}

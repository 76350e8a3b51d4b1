/**
 * Dateline → ISO 8601 of the wall-clock time the page shows. No time-zone conversion: an
 * offset is written only when the page states a numeric one (or Z).
 */

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'jan', 'janeiro', 'enero', 'gennaio', 'januar', 'janvier'],
  ['february', 'feb', 'fevereiro', 'fev', 'febrero', 'febbraio', 'februar', 'février'],
  ['march', 'mar', 'março', 'marzo', 'märz', 'mars'],
  ['april', 'apr', 'abril', 'abr', 'aprile', 'avril'],
  ['may', 'maio', 'mayo', 'maggio', 'mai'],
  ['june', 'jun', 'junho', 'junio', 'giugno', 'juni', 'juin'],
  ['july', 'jul', 'julho', 'julio', 'luglio', 'juli', 'juillet'],
  ['august', 'aug', 'agosto', 'ago', 'août'],
  ['september', 'sep', 'sept', 'setembro', 'set', 'septiembre', 'settembre', 'septembre'],
  ['october', 'oct', 'outubro', 'out', 'octubre', 'ottobre', 'oktober', 'okt', 'octobre'],
  ['november', 'nov', 'novembro', 'noviembre', 'novembre'],
  ['december', 'dec', 'dezembro', 'dez', 'diciembre', 'dicembre', 'dezember', 'décembre'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

function timePart(rest: string): string {
  const t = /(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*([ap])?\.?\s*m?\.?/i.exec(rest);
  if (!t) return '';
  let h = Number(t[1]);
  const min = Number(t[2]);
  const ampm = t[4]?.toLowerCase();
  if (ampm === 'p' && h < 12) h += 12;
  if (ampm === 'a' && h === 12) h = 0;
  if (h > 23 || min > 59) return '';
  return `T${pad(h)}:${pad(min)}${t[3] ? ':' + t[3] : ''}`;
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

/** First date (with its time, when one follows) in a dateline, or null. */
export function parseDateline(text: string): string | null {
  const iso = fromIso(text);
  if (iso) return iso;
  const s = text.slice(0, 200);
  // 19 March 2021 - 13:46
  let m = /(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+)?(\d{4})(.{0,30})/u.exec(s);
  if (m && MONTHS[m[2].toLowerCase()] && validDate(+m[3], MONTHS[m[2].toLowerCase()], +m[1])) {
    return `${m[3]}-${pad(MONTHS[m[2].toLowerCase()])}-${pad(+m[1])}${timePart(m[4])}`;
  }
  // Nov 18, 2019 at 9:24 pm
  m = /(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(.{0,30})/u.exec(s);
  if (m && MONTHS[m[1].toLowerCase()] && validDate(+m[3], MONTHS[m[1].toLowerCase()], +m[2])) {
    return `${m[3]}-${pad(MONTHS[m[1].toLowerCase()])}-${pad(+m[2])}${timePart(m[4])}`;
  }
  // 19.03.2021 13:46 (day first, as most non-US pages write it)
  m = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})(.{0,20})/.exec(s);
  if (m && validDate(+m[3], +m[2], +m[1])) return `${m[3]}-${pad(+m[2])}-${pad(+m[1])}${timePart(m[4])}`;
  const embedded = /\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?/.exec(s);
  return embedded ? fromIso(embedded[0]) : null;
}

/** The words of a dateline that are not the date: "19 March 2021 - 13:46 Andrey Biryukov" → "Andrey Biryukov". */
export function stripDate(text: string): string {
  return text
    .replace(/\d{1,2}(?:st|nd|rd|th)?\.?\s+\p{L}{3,10}\.?,?\s+\d{4}/u, ' ')
    .replace(/\p{L}{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}/u, ' ')
    .replace(/\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?/i, ' ')
    .replace(/^[\s\-–—|,•:]+|[\s\-–—|,•:]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

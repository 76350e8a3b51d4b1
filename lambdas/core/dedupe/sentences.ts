/**
 * Paragraph and sentence segmentation on the original (cased) text: sentence starts are found
 * by case, which normalisation would erase.
 */

// Words after which a full stop does not end a sentence ("Mr. Putin", "U.S. officials").
const ABBREVIATIONS = new Set(
  'mr mrs ms dr st sr jr gen gov sen rep lt col capt sgt prof inc ltd co corp no vs jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);

const BOUNDARY = /[.!?]["'\u201D\u2019)\]]*\s+(?=["'\u201C\u2018([]?[\p{Lu}\p{N}])/gu;

export function splitParagraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of paragraph.matchAll(BOUNDARY)) {
    const end = (m.index ?? 0) + 1;
    const lastWord = wordBefore(paragraph, end - 1, start);
    // A single letter before the dot is an initial or part of "U.S."; a known abbreviation too.
    if (lastWord.length === 1 || ABBREVIATIONS.has(lastWord.toLowerCase())) continue;
    const sentence = paragraph.slice(start, (m.index ?? 0) + m[0].length).trim();
    if (sentence) out.push(sentence);
    start = (m.index ?? 0) + m[0].length;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** The run of letters ending just before `end` (scanning back no further than `floor`). */
function wordBefore(text: string, end: number, floor: number): string {
  let i = end;
  while (i > floor && isLetter(text, i - 1)) i--;
  return text.slice(i, end);
}

function isLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /\p{L}/u.test(text[i]);
}

/**
 * Named pieces that rule patterns are built from, so a concept (a person's name, a social
 * network, a date) is spelled once and a long pattern reads as the list of things it names.
 * Pieces are regex source (written with String.raw, so `\p{L}` needs no doubling).
 */

/**
 * `a|b|c` from regex source pieces. Refuses an empty list or an empty piece: either would
 * turn the group around it into one that matches the empty string, i.e. everywhere.
 */
export function anyOf(pieces: readonly string[]): string {
  if (pieces.length === 0) throw new Error('anyOf: empty alternation');
  if (pieces.some((p) => p === '')) throw new Error(`anyOf: empty piece in ${pieces.join('|')}`);
  return pieces.join('|');
}

/** Regex source that matches `text` literally (an agency name with a dot or a bracket in it). */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Words that introduce a byline name: "By", "Von", "Автор"; the colon after them is optional. */
export const BY_WORDS = ['By', 'BY', 'by', 'Written by', 'Words by', 'Story by', 'Reporting by', 'Por', 'POR', 'Di', 'Von', 'VON', 'Par', 'PAR', 'Door', 'Автор', 'بقلم'];
/** Labels that need a colon before the name: "Texto:", "Autor:". */
export const AUTHOR_LABELS = ['Texto', 'Text', 'Tekst', 'Autor', 'Autorin', 'Auteur', 'Autore', 'Yazan', 'Yazar', 'كتب'];
/** One capitalised name word ("Ann", "O’Neill", "J.", "Müller-Lüdenscheidt", "张"). */
export const NAME_WORD = String.raw`[\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20}`;

/** A name of `n` words ("Ann Lee", "Ana María Duarte"). */
export const nameOfWords = (n: number): string => Array.from({ length: n }, () => NAME_WORD).join(' ');

/** Time zone abbreviations printed after a time ("07:45 GMT"): never a byline name. */
export const TIME_ZONES = anyOf(['GMT', 'UTC', 'BST', 'WET', 'WEST', 'CET', 'CEST', 'EET', 'EEST', 'MSK', 'IST', 'JST', 'KST', 'AEST', 'AEDT', 'EST', 'EDT', 'CST', 'CDT', 'MST', 'MDT', 'PST', 'PDT']);

/** "and" between two names, in the languages of the news. */
export const NAME_AND = anyOf(['and', 'und', 'et', 'y', 'e', 'en', 'и', 've', 'و']);

/** Social networks and messengers as share bars and "follow us" lines name them. */
export const SOCIAL_NETWORKS = ['facebook', 'twitter', 'x', 'linkedin', 'whatsapp', 'reddit', 'pinterest', 'email', 'e-mail', 'messenger', 'telegram', 'flipboard'] as const;

/** Date forms of bylines and datelines: "19 March 2021", "3. März 2021", "19 de marzo de 2021", "19 مارس 2021". */
export const DAY_MONTH_YEAR = String.raw`\d{1,2}(st|nd|rd|th|er|º|\.)? (de )?\p{L}{2,12}( de| الأول| الاول| الثاني)?[.,]{0,2} \d{4}`;
/** "March 19, 2021", "Nov. 3 2021". */
export const MONTH_DAY_YEAR = String.raw`\p{L}{3,10}\.? \d{1,2}(st|nd|rd|th)?,? \d{4}`;
/** "19.03.2021", "2021-03-19", "3/19/21". */
export const NUMERIC_DATE = String.raw`\d{1,4}[./-]\d{1,2}[./-]\d{2,4}`;
/** "2021年3月19日", "2021년 3월 19일" without spaces. */
export const CJK_DATE = String.raw`\d{4}[年년]\d{1,2}[月월]\d{1,2}[日일]`;

/** Labels of a tag list, in the languages of the news ("Tags", "Themen", "Mots-clés", "标签"). */
export const TAG_LABELS = [
  'tags', 'tag', 'topics', 'topic', 'filed under', 'categories', 'category', 'keywords', 'related topics', 'more on',
  'assuntos', 'argomenti', 'temas', 'themen', 'thema', 'schlagwörter', 'schlagworte', 'stichwörter', 'étiquettes',
  'mots-clés', 'mots clés', 'sujets', 'etiquetas', 'palabras clave', 'tópicos', 'parole chiave', 'trefwoorden',
  'onderwerpen', 'теги', 'метки', 'ключевые слова', 'темы', 'etiketler', 'anahtar kelimeler', 'الكلمات المفتاحية',
  'وسوم', '标签', '关键词', 'kategorien', 'catégories', 'categorías', 'categorie', 'categorieën', 'рубрики', 'kategoriler',
] as const;

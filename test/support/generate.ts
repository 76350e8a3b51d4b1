/** Synthetic but story-shaped articles: distinct vocabulary per article, deterministic per seed. */

const SUBJECTS = [
  'The council',
  'The minister',
  'Local residents',
  'The company',
  'Researchers',
  'The union',
  'Police',
  'The museum',
  'Farmers',
  'The hospital',
];
const VERBS = ['announced', 'rejected', 'delayed', 'approved', 'questioned', 'celebrated', 'investigated', 'funded', 'postponed', 'defended'];
const OBJECTS = [
  'a new bridge',
  'the budget',
  'the harvest plan',
  'a river survey',
  'the school merger',
  'a tram line',
  'the festival',
  'the water tariff',
  'a housing scheme',
  'the ferry contract',
];
const PLACES = ['Ashford', 'Brampton', 'Carrick', 'Dunmore', 'Elgin', 'Fenwick', 'Galway', 'Hexham', 'Ilkley', 'Jarrow', 'Kendal', 'Lanark'];

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const SYLLABLES = ['ka', 'lo', 'mer', 'tin', 'sa', 'bro', 'vel', 'dun', 'quo', 'ris', 'pha', 'gle', 'tor', 'nim', 'shu', 'wex'];

/** Pseudo-words: each article gets vocabulary of its own, so different articles never look like copies. */
function word(r: () => number): string {
  const n = 2 + Math.floor(r() * 2);
  let w = '';
  for (let i = 0; i < n; i++) w += pick(r, SYLLABLES);
  return w;
}

export interface GeneratedArticle {
  title: string;
  paragraphs: string[];
  text: string;
}

/** A text dump: title line, then paragraphs, blank lines between, as the seeds are laid out. */
export function generateArticle(n: number): GeneratedArticle {
  const r = rng(n * 7919 + 17);
  const place = PLACES[n % PLACES.length];
  const title = `${pick(r, SUBJECTS)} in ${place} ${pick(r, VERBS)} ${pick(r, OBJECTS)} (report ${n})`;
  const paragraphs = Array.from({ length: 5 + (n % 4) }, () => {
    const sentences = Array.from({ length: 3 }, () => {
      const num = Math.floor(r() * 9000) + 1000;
      const words = Array.from({ length: 6 }, () => word(r)).join(' ');
      return `${pick(r, SUBJECTS)} in ${place} ${pick(r, VERBS)} the ${word(r)} ${pick(r, OBJECTS)} after ${words}, citing ${num} ${word(r)} ${word(r)}.`;
    });
    return sentences.join(' ');
  });
  return { title, paragraphs, text: [title, ...paragraphs].join('\n\n') + '\n' };
}

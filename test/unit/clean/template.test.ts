/**
 * Per-outlet template learning: lines an outlet prints under every article are learned from
 * earlier articles' counts and dropped from later ones, and no story line is ever lost.
 */
import { cleanArticle, templateCandidates, templateLineKey } from '../../../lambdas/core/clean';
import type { CleanResult } from '../../../lambdas/core/types';

// Two footer lines no rule names: a short slogan and a short contact line.
const FOOTER = ['Harbourview Courier · Independent local journalism since 1921', 'Part of the Coastline Community Press group'];

const STORIES: string[][] = [
  [
    'The harbour board voted on Monday to dredge the outer channel before the winter storms arrive, ending a year of argument over the cost.',
    'Fishing crews had warned that silt was building up so quickly that larger boats could only leave at high tide.',
    'The work will take six weeks and will be paid for from the board reserve rather than from higher mooring fees.',
  ],
  [
    'A second primary school in the town will close at the end of the year because too few children now live in the old quarter.',
    'Parents were told at a meeting on Thursday that pupils would move to the larger school on the hill, which has spare classrooms.',
    'The council said the building would be offered to community groups before any decision on selling it was taken.',
  ],
  [
    'Ferry fares to the islands will rise by eight percent in March, the operator said, blaming the price of fuel and new safety rules.',
    'Island residents keep their discount, but visitors and freight companies will pay the full increase from the first sailing of the month.',
    'The operator said it had not raised fares for three years and had cut other costs as far as it could.',
  ],
  [
    'Volunteers planted four hundred trees along the river path on Saturday, the first step of a plan to shade the route by the end of the decade.',
    'The saplings were donated by a nursery outside town, and the council will water them through their first two summers.',
    'Organisers said more than two hundred people turned up, twice as many as they had expected.',
  ],
  [
    'The old fish market will reopen as a food hall in the spring after a developer agreed to keep the listed iron roof.',
    'Plans approved on Wednesday include twenty stalls, a bakery and a space for the Saturday farmers market, which lost its home last year.',
    'Traders from the original market will be offered the first leases at reduced rents for their first two years.',
  ],
];

function page(title: string, paragraphs: string[]): string {
  return [title, ...paragraphs, ...FOOTER].join('\n\n') + '\n';
}

/** The outlet's HTML: footer lines sit inside the article container, where Readability keeps them. */
function htmlPage(title: string, paragraphs: string[]): string {
  const p = (t: string) => `<p>${t}</p>`;
  return `<html><head><title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs.map(p).join('')}${FOOTER.map(p).join('')}</article></body></html>`;
}

/** Text dump with the outlet's lines between paragraphs, inside the story run. */
function textPageWithInlineTemplate(title: string, paragraphs: string[]): string {
  return [title, paragraphs[0], ...FOOTER, ...paragraphs.slice(1)].join('\n\n') + '\n';
}

test.each([
  ['html', htmlPage],
  ['text', textPageWithInlineTemplate],
] as const)('outlet lines no rule names are learned from earlier articles (%s) and never cost a story line', (format, render) => {
  const counts: Record<string, number> = {};
  const results: CleanResult[] = [];
  STORIES.forEach((paragraphs, i) => {
    const result = cleanArticle(
      { content: render(`Local story number ${i + 1}`, paragraphs), format, outlet: 'harbourview' },
      { templateCounts: { ...counts }, dom: 'linkedom' },
    );
    results.push(result);
    // The caller counts after cleaning, so an article never votes on itself.
    for (const key of templateCandidates(result)) counts[key] = (counts[key] ?? 0) + 1;
  });

  // Every body line of every article survives.
  results.forEach((r, i) => expect(r.paragraphs).toEqual(expect.arrayContaining(STORIES[i])));
  // The first articles cannot know the footer yet: no rule names it, so it is in their bodies.
  expect([...results[0].paragraphs, ...results[0].headings]).toEqual(expect.arrayContaining(FOOTER));
  // Once two earlier articles carried it, it is template chrome.
  for (const r of results.slice(2)) {
    expect(r.paragraphs).toEqual(STORIES[results.indexOf(r)]);
    expect(r.headings).toEqual([]);
    expect(r.removed.filter((b) => b.rule === 'structure.outlet-template').map((b) => b.text)).toEqual(FOOTER);
  }
});

test('story sentences repeated across an outlet (two copies of one wire story) are never template chrome', () => {
  const story = STORIES[0];
  const counts: Record<string, number> = {};
  for (const p of story) counts[templateLineKey(p)] = 99;
  const result = cleanArticle({ content: page('Harbour to be dredged', story), format: 'text' }, { templateCounts: counts });
  expect(result.paragraphs).toEqual(expect.arrayContaining(story));
});

test('templateCandidates offers removed and short blocks but no kept story sentence', () => {
  const result = cleanArticle({ content: page('Harbour to be dredged', STORIES[0]), format: 'text' });
  const keys = new Set(templateCandidates(result));
  for (const p of STORIES[0]) expect(keys.has(templateLineKey(p))).toBe(false);
  for (const f of FOOTER) expect(keys.has(templateLineKey(f))).toBe(true);
  expect(keys.has(templateLineKey('Harbour to be dredged'))).toBe(true);
});

test('templateLineKey is stable over case, spacing, quotes and digits', () => {
  expect(templateLineKey('Read our  “Daily” digest — 2024')).toBe(templateLineKey('read our "daily" digest - 2025'));
  expect(templateLineKey('Sign up')).not.toBe(templateLineKey('Sign out'));
  expect(templateLineKey('x')).toMatch(/^[0-9a-f]{16}$/);
});

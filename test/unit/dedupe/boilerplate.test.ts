/**
 * Outlet chrome must never link articles: 50 different articles of one outlet that share a long
 * identical header and footer stay 50 stories.
 */
import { assignStory, InMemoryFingerprintIndex, type DedupeDoc } from '../../../lambdas/core/dedupe';
import { seededRandom, syntheticArticle } from './helpers';

const HEADER = [
  'Welcome to the Riverside Gazette, the trusted source of news for the valley and its towns since 1887.',
  'Subscribers enjoy unlimited access to every story, the morning newsletter, puzzles and the weekend magazine.',
  'Follow the Riverside Gazette on social media for breaking updates, weather warnings and traffic alerts.',
].join(' ');
const FOOTER = [
  'Copyright 2024 Riverside Gazette Media Group. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
  'Spotted an error in this story? Contact the newsroom corrections desk and a duty editor will review your message.',
  'Support local journalism in the valley: subscribe to the Riverside Gazette today for less than a coffee a week.',
].join(' ');

describe('outlet boilerplate', () => {
  it('keeps 50 different articles with one header and footer in 50 stories', async () => {
    const rand = seededRandom(7);
    const docs = Array.from({ length: 50 }, (_, i) =>
      syntheticArticle(`gazette-${String(i).padStart(2, '0')}`, rand, { header: HEADER, footer: FOOTER, hour: i / 4 }),
    );
    const chrome = HEADER.split(/\s+/).length + FOOTER.split(/\s+/).length;
    const words = docs[0].body.split(/\s+/).length;
    // The shared chrome is a large part of each page, which is what makes this hard.
    expect(chrome / words).toBeGreaterThan(0.35);
    const port = new InMemoryFingerprintIndex();
    const stories = new Set<string>();
    for (const doc of docs) {
      const a = await assignStory(doc, port);
      expect(a.match).toBeNull();
      stories.add(a.storyId);
    }
    expect(stories.size).toBe(50);
  });

  it('still groups a copy that carries the same chrome', async () => {
    const rand = seededRandom(11);
    const docs = Array.from({ length: 10 }, (_, i) =>
      syntheticArticle(`gazette-${String(i).padStart(2, '0')}`, rand, { header: HEADER, footer: FOOTER, hour: i / 4 }),
    );
    const port = new InMemoryFingerprintIndex();
    for (const doc of docs) await assignStory(doc, port);
    const original = docs[3];
    const paragraphs = original.body.split('\n\n');
    // An outlet republishing with the tail paragraph trimmed.
    const copy: DedupeDoc = { ...original, id: 'gazette-copy', outlet: 'Hillside Echo', body: [...paragraphs.slice(0, -2), paragraphs.at(-1)!].join('\n\n') };
    const a = await assignStory(copy, port);
    expect(a.match?.articleId).toBe(original.id);
    expect(a.role).toBe('copy');
  });
});

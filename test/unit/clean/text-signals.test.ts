/**
 * Line-level signals the structural rules build on.
 */
import { endsSentence, isGluedTeaser } from '../../../lambdas/core/clean/text-signals';

describe('isGluedTeaser', () => {
  test.each([
    'Harbour Bridge Reopens After Two Years Of RepairsThe bridge carried its first traffic on Monday morning.',
    'Two Held After Death Of Local Student-AthleteA 24-year-old woman and a 28-year-old man were arrested on Friday.',
    'Diners Leave Without Paying $690 BillAt least six people walked out of a steakhouse on Saturday night, police said.',
    'State To Mail Panel Applications To 250,000The state will mail the applications to randomly chosen voters next month.',
    'Minister resigns over contracts row after weeks of pressure NEW DELHI: The minister stepped down on Tuesday after a report found he had approved the deals.',
  ])('headline fused to its teaser: %s', (line) => {
    expect(isGluedTeaser(line)).toBe(true);
  });

  test.each([
    'The price of one of the PS4 DualShock controllers has dropped to its holiday level, the retailer said.',
    'A Bang & Olufsen Premium 3D Sound System will be available as an option on the top trim, the company said.',
    'Now the agency’s SciSpacE team has called in its design facility to study the mission in detail.',
    'Sony Unveils New PlayStation Console',
    'He said the McDonald’s franchise in the town would stay open until the end of the year.',
    'NEW DELHI: The minister stepped down on Tuesday after a report found he had approved the deals.',
    'DEAR ABBY: My husband of twenty years has booked a long trip abroad and I do not want to go.',
    'That is especially true when we are watching TV: a handful of chips here, a chicken wing there, and the evening is gone.',
  ])('story text and brand names stay: %s', (line) => {
    expect(isGluedTeaser(line)).toBe(false);
  });
});

describe('endsSentence', () => {
  test.each([
    ['a zero-width space', 'The road reopens on Monday.\u200b'],
    ['a right-to-left mark', 'افتتحت الهيئة الخط الجديد.\u200f'],
    ['a BOM and a closing quote', 'He said it was “over.”\ufeff'],
    ['a pop-directional-isolate', 'The vote passed, 52 to 48.\u2069'],
  ])('sees the full stop behind %s', (_name, text) => {
    expect(endsSentence(text)).toBe(true);
  });

  test('an invisible character is not a full stop', () => {
    expect(endsSentence('Read more\u200b')).toBe(false);
    expect(endsSentence('Read more \u200f')).toBe(false);
  });
});

/**
 * Contract of the cleaning core: shapes, rejection instead of exceptions, rules version.
 */
import { cleanArticle, templateCandidates, templateLineKey } from '../../../lambdas/core/clean';
import { CHROME_TABLES, RULE_SET, RULES_VERSION, rulesVersionOf } from '../../../lambdas/core/rules';

const STORY = [
  'The regional water company will replace four hundred kilometres of old pipes over the next five years, its chief executive said on Monday.',
  'Leaks from the cast-iron network lose almost a quarter of the water the company treats, one of the worst rates in the country.',
  'Customers will pay about twelve more a year for the work, which the regulator approved after a public consultation.',
];

describe('cleanArticle', () => {
  test('returns the record fields for a text dump', () => {
    const r = cleanArticle({ content: ['Water company to replace old pipes', ...STORY].join('\n\n'), format: 'text' });
    expect(r).toMatchObject({ status: 'clean', reason: null, title: 'Water company to replace old pipes', paragraphs: STORY, language: 'en' });
  });

  test.each([
    ['empty text', { content: '', format: 'text' as const }],
    ['whitespace', { content: ' \n\t\n ', format: 'text' as const }],
    ['binary noise', { content: '\u0000\u0001\u0002\uFFFD'.repeat(500), format: 'text' as const }],
    ['empty html', { content: '', format: 'html' as const }],
    ['broken html', { content: '<html><body><div><p>Hi<table><tr><td>', format: 'html' as const }],
    ['navigation only', { content: 'Home\nNews\nSport\nContact us', format: 'text' as const }],
  ])('rejects %s with a one-sentence reason instead of throwing', (_name, input) => {
    const r = cleanArticle(input);
    expect(r.status).toBe('rejected');
    expect(r.reason).toMatch(/^[A-Z][^.]*\.$/);
  });

  test('jsdom and linkedom give the same record', () => {
    const html = `<html lang="en"><head><meta property="og:title" content="Pipes to be replaced"></head><body><article>${STORY.map((p) => `<p>${p}</p>`).join('')}<p>Advertisement</p></article></body></html>`;
    const a = cleanArticle({ content: html, format: 'html' }, { dom: 'jsdom' });
    const b = cleanArticle({ content: html, format: 'html' }, { dom: 'linkedom' });
    expect(a).toEqual(b);
    expect(a.paragraphs).toEqual(STORY);
    expect(a.removed).toEqual([{ text: 'Advertisement', rule: 'ad-marker.label', category: 'ad-marker' }]);
  });

  test('scripts never run and styles never reach the parser', () => {
    const html = `<html><head><style>p{color:red}</style><script>globalThis.__ran = true</script></head><body><article>${STORY.map((p) => `<p>${p}</p>`).join('')}<script>globalThis.__ran = true</script></article></body></html>`;
    const r = cleanArticle({ content: html, format: 'html' }, { dom: 'jsdom' });
    expect((globalThis as Record<string, unknown>).__ran).toBeUndefined();
    expect(r.paragraphs.join(' ')).not.toMatch(/color|__ran/);
  });

  test('extra rule tables are applied; malformed ones are ignored', () => {
    const extra = [{ category: 'test', rules: [{ id: 'test.water', pattern: /^Customers will pay/, maxChars: 200 }] }, { nonsense: true }];
    const r = cleanArticle({ content: ['Headline here', ...STORY].join('\n\n'), format: 'text' }, { extraRules: extra });
    expect(r.removed).toContainEqual({ text: STORY[2], rule: 'test.water', category: 'test' });
  });

  test('every removed block names its rule and category', () => {
    const r = cleanArticle({
      content: ['Skip to main content', 'Headline here', 'By Ann Lee', ...STORY, 'Share this article', 'Tags: water, pipes'].join('\n\n'),
      format: 'text',
    });
    expect(r.paragraphs).toEqual(STORY);
    expect(r.byline).toBe('Ann Lee');
    for (const b of r.removed) {
      expect(b.rule).toMatch(/^[a-z-]+\.[a-z-]+$/);
      expect(b.category).toMatch(/^[a-z-]+$/);
    }
  });
});

describe('template helpers', () => {
  test('templateCandidates accepts blocks or strings as well as results', () => {
    expect(templateCandidates(['Follow us', 'Follow us'])).toEqual([templateLineKey('Follow us')]);
    expect(templateCandidates([{ text: 'Follow us', kind: 'other', linkDensity: 1, index: 0 }])).toEqual([templateLineKey('Follow us')]);
  });
});

describe('RULES_VERSION', () => {
  test('is 12 hex digits of the current rule set', () => {
    expect(RULES_VERSION).toMatch(/^[0-9a-f]{12}$/);
    expect(rulesVersionOf(RULE_SET)).toBe(RULES_VERSION);
  });

  test('changes when any rule changes', () => {
    const first = CHROME_TABLES[0];
    const edited = {
      ...RULE_SET,
      CHROME_TABLES: [{ ...first, rules: [{ ...first.rules[0], maxChars: first.rules[0].maxChars + 1 }, ...first.rules.slice(1)] }, ...CHROME_TABLES.slice(1)],
    };
    expect(rulesVersionOf(edited)).not.toBe(RULES_VERSION);
    const pattern = {
      ...RULE_SET,
      CHROME_TABLES: [{ ...first, rules: [{ ...first.rules[0], pattern: /changed/ }, ...first.rules.slice(1)] }, ...CHROME_TABLES.slice(1)],
    };
    expect(rulesVersionOf(pattern)).not.toBe(RULES_VERSION);
  });

  test('changes when a structural regex or threshold changes', () => {
    expect(rulesVersionOf({ ...RULE_SET, TEXT_PATTERNS: { ...RULE_SET.TEXT_PATTERNS, stamp: /changed/ } })).not.toBe(RULES_VERSION);
    expect(rulesVersionOf({ ...RULE_SET, STRUCTURE_THRESHOLDS: { ...RULE_SET.STRUCTURE_THRESHOLDS, headingMaxWords: 15 } })).not.toBe(RULES_VERSION);
  });

  /** RULE_SET with the value at `path` replaced; a path outside RULE_SET throws, as editing it would prove nothing. */
  function edited(path: readonly (string | number)[], value: unknown): unknown {
    const replace = (node: unknown, depth: number): unknown => {
      if (depth === path.length) return value;
      const key = path[depth];
      if (!node || typeof node !== 'object' || !(key in node)) throw new Error(`${path.join('.')} is not in RULE_SET`);
      const source = node as Record<string | number, unknown>;
      const copy = (Array.isArray(node) ? [...(node as unknown[])] : { ...source }) as Record<string | number, unknown>;
      copy[key] = replace(source[key], depth + 1);
      return copy;
    };
    return replace(RULE_SET, 0);
  }

  test('an edit outside the rule set is refused', () => {
    expect(() => edited(['STRUCTURE_THRESHOLDS', 'noSuchThreshold'], 1)).toThrow(/not in RULE_SET/);
  });

  // Issue 16: the regexes and thresholds moved out of the cleaner are inside the hash.
  test.each([
    [['TEXT_PATTERNS', 'letter'], /\p{Lu}/gu],
    [['TEXT_PATTERNS', 'digitRun'], /\d/g],
    [['TEXT_PATTERNS', 'colonEnd'], /[:：]$/],
    [['DATE_THRESHOLDS', 'minYear'], 1950],
    [['DATE_THRESHOLDS', 'maxYear'], 2050],
    [['DATE_THRESHOLDS', 'searchChars'], 100],
    [['STRUCTURE_THRESHOLDS', 'runDensitySmoothing'], 2],
    [['STRUCTURE_THRESHOLDS', 'teaserStackHeadingShare'], 0.75],
    [['STRUCTURE_THRESHOLDS', 'wireDatelineParagraphs'], 3],
    [['STRUCTURE_THRESHOLDS', 'wireDatelineSearchChars'], 80],
    [['LANGUAGE_RULES', 'minLetters'], 20],
    [
      ['LANGUAGE_RULES', 'closeRelatives', 0],
      ['id', 'ms'],
    ],
    [['LANGUAGE_RULES', 'shadowVarieties'], ['sco']],
    [['HTML_METADATA', 'jsonLdArticleTypes'], /article/i],
    [['WIRE_AGENCY_PATTERNS', 0, 'acronyms'], /\bAP\b/u],
  ])('changes when %j changes', (path, value) => {
    expect(rulesVersionOf(edited(path, value))).not.toBe(RULES_VERSION);
  });

  test('does not change when only the examples of a rule change: they prove a rule, they do not make it cut', () => {
    const first = CHROME_TABLES[0];
    const proof = {
      ...RULE_SET,
      CHROME_TABLES: [
        { ...first, rules: [{ ...first.rules[0], examples: ['Another example'], nearMisses: [] }, ...first.rules.slice(1)] },
        ...CHROME_TABLES.slice(1),
      ],
    };
    expect(rulesVersionOf(proof)).toBe(RULES_VERSION);
  });
});

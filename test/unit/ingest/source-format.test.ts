import { formatFromKey, outletFromKey, parseJsonEnvelope, sniffFormat } from '../../../lambdas/core/ingest/source-format';

describe('source format', () => {
  it('maps extensions', () => {
    expect(formatFromKey('raw/o/a.HTML')).toBe('html');
    expect(formatFromKey('raw/o/a.htm')).toBe('html');
    expect(formatFromKey('raw/o/a.txt')).toBe('text');
    expect(formatFromKey('raw/o/a.json')).toBe('json');
    expect(formatFromKey('raw/o/a.docx')).toBeNull();
    expect(formatFromKey('raw/o/noext')).toBeNull();
    expect(formatFromKey('raw/o.d/noext')).toBeNull();
  });

  it('sniffs HTML from markup and text otherwise', () => {
    expect(sniffFormat('  <!DOCTYPE html><html>')).toBe('html');
    expect(sniffFormat('<div><p>a</p><p>b</p></div>')).toBe('html');
    expect(sniffFormat('Headline\n\nFirst paragraph. 3 < 4 and 5 > 2.')).toBe('text');
  });

  it('takes the outlet from raw/<outlet>/ keys only', () => {
    expect(outletFromKey('raw/the-times/a.html')).toBe('the-times');
    expect(outletFromKey('raw/a.html')).toBeNull();
    expect(outletFromKey('other/x/a.html')).toBeNull();
  });

  it('reads JSON envelopes and explains bad ones', () => {
    expect(parseJsonEnvelope('{"html":"<p>x</p>","url":"https://e.example/a","outlet":"e"}')).toEqual({
      content: '<p>x</p>',
      format: 'html',
      url: 'https://e.example/a',
      outlet: 'e',
    });
    expect(parseJsonEnvelope('{"text":"Just text"}')).toMatchObject({ format: 'text', content: 'Just text' });
    expect(parseJsonEnvelope('{"html": 42}')).toMatch(/no non-empty/);
    expect(parseJsonEnvelope('[1,2]')).toMatch(/not a JSON object/);
    expect(parseJsonEnvelope('{oops')).toMatch(/not valid JSON/);
  });
});

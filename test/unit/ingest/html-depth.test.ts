import { htmlNestingDepth } from '../../../lambdas/core/ingest/html-depth';

describe('htmlNestingDepth', () => {
  it('counts nested elements that need an end tag', () => {
    expect(htmlNestingDepth('<div><section><article><p>a</p></article></section></div>')).toBe(3);
    expect(htmlNestingDepth(`${'<div>'.repeat(300)}x${'</div>'.repeat(300)}`)).toBe(300);
  });

  it('ignores void elements, implied end tags, comments, scripts and SVG', () => {
    expect(htmlNestingDepth('<html><body><p>a<p>b<li>c<br><img src=x><meta charset=utf-8><hr></body></html>')).toBe(0);
    expect(htmlNestingDepth(`<div><!-- ${'<div>'.repeat(50)} --></div>`)).toBe(1);
    expect(htmlNestingDepth(`<div><script>document.write("${'<span>'.repeat(50)}")</script></div>`)).toBe(1);
    expect(htmlNestingDepth(`<div><svg>${'<g><path/>'.repeat(50)}</svg></div>`)).toBe(1);
  });

  it('closes everything opened inside an element at its end tag', () => {
    expect(htmlNestingDepth(`${'<div><span><b>x</div>'.repeat(200)}`)).toBe(3);
  });

  it('counts <div/> as open, as HTML parsers do, and stops early past the bound', () => {
    expect(htmlNestingDepth('<div/>'.repeat(20))).toBe(20);
    expect(htmlNestingDepth('<div>'.repeat(100_000), 256)).toBe(257);
  });
});

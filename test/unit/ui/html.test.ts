import { escapeHtml, href, html, SafeHtml } from '../../../lambdas/core/ui/html';
import { barChart } from '../../../lambdas/core/ui/bar-chart';
import { errorPage, page } from '../../../lambdas/core/ui/layout';

const HOSTILE = `<script>alert("x")</script><img src=x onerror='alert(1)'> \`tick\` & <a href="javascript:alert(2)">`;

describe('escapeHtml', () => {
  it('escapes every character that can open markup or leave a quoted attribute', () => {
    expect(escapeHtml(`<>&"'\``)).toBe('&lt;&gt;&amp;&quot;&#39;&#96;');
    expect(escapeHtml('plain text, 5 > 3')).toBe('plain text, 5 &gt; 3');
  });

  it('leaves no raw angle bracket or quote in hostile text', () => {
    expect(escapeHtml(HOSTILE)).not.toMatch(/[<>"'`]/);
  });
});

describe('html template tag', () => {
  it('escapes interpolated strings and numbers, keeps the constant parts', () => {
    const out = html`<p title="${HOSTILE}">${HOSTILE} ${42}</p>`;
    expect(out).toBeInstanceOf(SafeHtml);
    expect(out.value.startsWith('<p title="&lt;script&gt;')).toBe(true);
    expect(out.value).not.toContain('<script>');
    expect(out.value).not.toContain('<img');
    expect(out.value).toContain(' 42</p>');
  });

  it('nests safe fragments unescaped, joins arrays, drops null, undefined and false', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<div>${inner}${[html`<br>`, 'a<b']}${null}${undefined}${false}</div>`.value).toBe('<div><b>&lt;i&gt;</b><br>a&lt;b</div>');
  });

  it('cannot be fooled by a string that looks like SafeHtml', () => {
    const fake = { value: '<script>x</script>', toString: () => '<script>x</script>' } as unknown as string;
    expect(html`${fake}`.value).toBe('&lt;script&gt;x&lt;/script&gt;');
  });
});

describe('href', () => {
  it('encodes parameters and leaves out empty ones, so links stay shareable', () => {
    expect(href('/ui/', { q: 'a&b c', outlet: '', cursor: null, copies: '1' })).toBe('/ui/?q=a%26b%20c&copies=1');
    expect(href('/ui/stats')).toBe('/ui/stats');
  });
});

describe('pages built on the tag', () => {
  it('a bar chart escapes its labels and uses no style attributes (the CSP forbids inline styles)', () => {
    const svg = barChart('t', [{ label: HOSTILE, value: 3, extra: 1 }]).value;
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('style=');
    expect(svg).toContain('&lt;script&gt;');
  });

  it('the page shell and error page escape their text and load only same-origin files', () => {
    const p = page({ title: HOSTILE, section: null, body: html`${HOSTILE}`, q: HOSTILE });
    expect(p).not.toContain('<script>alert');
    expect(p.match(/<script[^>]*>/g)).toEqual(['<script src="/ui/static/ui.js" defer>']);
    expect(errorPage(500, HOSTILE)).toContain('&lt;img src=x onerror=&#39;alert(1)&#39;&gt;');
  });
});

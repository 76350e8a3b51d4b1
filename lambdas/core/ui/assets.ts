/**
 * The review UI's only static files, served same-origin from /ui/static/ (no CDN, no fonts):
 * one stylesheet and one small script. They live here as strings so `tsc` output is all the
 * server needs; the script only adds conveniences, every page works without it.
 */

export const UI_CSS = `
:root{--fg:#1d232a;--muted:#5d6873;--line:#d5dbe1;--bg:#fff;--soft:#f3f5f7;--accent:#0b5cad;--shared:#dff3e4;--similar:#fff4cc;--only:#fde2e1;--cut:#8a939c}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible,[tabindex]:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:2}
header.top{display:flex;flex-wrap:wrap;gap:8px 20px;align-items:center;padding:8px 16px;border-bottom:1px solid var(--line);background:var(--soft)}
header.top .brand{font-weight:700;text-decoration:none;color:var(--fg)}
header.top nav a{margin-right:12px}
header.top nav a[aria-current]{font-weight:700;color:var(--fg)}
main{padding:12px 16px 40px;max-width:1280px;margin:0 auto}
h1{font-size:1.35rem;margin:.4rem 0 .6rem}h2{font-size:1.1rem;margin:1.4rem 0 .5rem}
.muted,.meta{color:var(--muted)}
table{border-collapse:collapse;width:100%}
.scroll{overflow-x:auto}
th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid var(--line)}
th{font-size:.85rem;color:var(--muted);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tr.canonical td{background:#eef5fc}
tr.chosen td{background:#fff8e1}
form.filters{display:flex;flex-wrap:wrap;gap:8px 12px;align-items:flex-end;margin:8px 0 12px}
form.filters label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted)}
form.filters label.check{flex-direction:row;gap:4px;align-items:center;color:var(--fg)}
input,select,button{font:inherit;padding:4px 6px;border:1px solid #aab4be;border-radius:4px;background:#fff;color:var(--fg)}
button{background:var(--accent);color:#fff;border-color:var(--accent);cursor:pointer}
.pager{display:flex;gap:16px;margin:12px 0}
.tag{display:inline-block;font-size:.78rem;padding:0 6px;border-radius:9px;background:var(--soft);border:1px solid var(--line);margin:1px 2px 1px 0;white-space:nowrap}
.role-original{background:#e3effb}.role-copy{background:#e6f4ea}.role-rewrite{background:#fdf1dc}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0}
dl.fields dt{color:var(--muted)}dl.fields dd{margin:0;overflow-wrap:anywhere}
.compare{display:grid;grid-template-columns:1fr 1fr;gap:16px}
.compare section{min-width:0}
.compare p{margin:0 0 .7em}
.s-shared{background:var(--shared)}.s-similar{background:var(--similar)}.s-only{background:var(--only)}
.s-shared,.s-similar,.s-only{border-radius:3px;padding:0 1px}
.hl{outline:2px solid var(--accent)}
.legend span{margin-right:12px}
.page-text p{margin:0 0 .8em}
.page-text .kept{max-width:46rem}
.removed{max-width:46rem;margin:0 0 .8em;padding:2px 8px;border-left:3px solid var(--line);color:var(--cut);background:var(--soft)}
.removed del{text-decoration-color:#b3bac1}
.removed .why{display:block;font-size:.78rem;color:var(--muted)}
.removed .why code{color:var(--fg)}
.cats a{margin-right:4px}.cats a[aria-current]{font-weight:700;color:var(--fg);text-decoration:none}
iframe.raw{width:100%;height:480px;border:1px solid var(--line);background:#fff}
svg.bars text{font:12px system-ui,sans-serif;fill:#1d232a}
svg.bars .bar{fill:var(--accent)}svg.bars .bar.rejected{fill:#c0392b}
.article-grid{display:grid;grid-template-columns:minmax(0,1fr) minmax(260px,340px);gap:8px 28px}
.article-grid aside dl.fields{grid-template-columns:max-content minmax(0,1fr)}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:8px 28px}
.error{max-width:40rem}
@media (max-width:760px){.compare,.article-grid{grid-template-columns:1fr}main{padding:8px 10px 32px}th,td{padding:4px 5px}.hide-narrow{display:none}}
`;

/** Progressive conveniences only: "/" focuses the search box; filter selects submit on change; a shared sentence lights up its counterpart. */
export const UI_JS = `'use strict';
(function () {
  document.addEventListener('keydown', function (e) {
    var t = e.target;
    var typing = t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA');
    if (e.key === '/' && !typing) {
      var q = document.getElementById('q');
      if (q) { e.preventDefault(); q.focus(); q.select(); }
    }
  });
  document.querySelectorAll('form.filters select[data-autosubmit]').forEach(function (s) {
    s.addEventListener('change', function () { s.form.submit(); });
  });
  function pair(e, on) {
    var k = e.target && e.target.getAttribute && e.target.getAttribute('data-pair');
    if (!k) return;
    document.querySelectorAll('[data-pair="' + k + '"]').forEach(function (n) { n.classList.toggle('hl', on); });
  }
  ['mouseover', 'focusin'].forEach(function (ev) { document.addEventListener(ev, function (e) { pair(e, true); }); });
  ['mouseout', 'focusout'].forEach(function (ev) { document.addEventListener(ev, function (e) { pair(e, false); }); });
})();
`;

export const STATIC_FILES: Record<string, { type: string; body: string }> = {
  'ui.css': { type: 'text/css; charset=utf-8', body: UI_CSS },
  'ui.js': { type: 'text/javascript; charset=utf-8', body: UI_JS },
};

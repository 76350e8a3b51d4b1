import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { cleanArticle } from '../../lambdas/core/clean';
import { createLogger } from '../../lambdas/handlers/log';
import { startLocalRuntime, type LocalRuntime } from '../../lambdas/local/runtime';
import type { CleanResult } from '../../lambdas/core/types';
import { REPO_ROOT } from '../support/shared';
import { report, upload } from './support';

const summaries: string[] = [];
afterAll(() => {
  if (summaries.length) report(`security: ${summaries.join('; ')}`);
});

/** A page that tries every way it can to run code or reach the network when parsed. */
function hostilePage(origin: string): string {
  const u = (path: string) => `${origin}/${path}`;
  const script = `globalThis.__newsIngestPwned = 'script'; window.__newsIngestPwned = 'window';
fetch('${u('fetch')}'); new Image().src = '${u('image-js')}';
var x = new XMLHttpRequest(); x.open('GET', '${u('xhr')}'); x.send();
new WebSocket('${origin.replace('http', 'ws')}/socket'); navigator.sendBeacon && navigator.sendBeacon('${u('beacon')}');
document.write('<img src="${u('document-write')}">');`;
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Harbour board approves new breakwater after storm damage</title>
<base href="${u('base/')}">
<meta http-equiv="refresh" content="0; url=${u('refresh')}">
<link rel="stylesheet" href="${u('style.css')}">
<link rel="preload" href="${u('preload.js')}" as="script">
<link rel="import" href="${u('import.html')}">
<style>@import url(${u('import.css')}); body { background: url(${u('background.png')}); }</style>
<script src="${u('external.js')}"></script>
<script>${script}</script>
<script type="module">import '${u('module.js')}'; globalThis.__newsIngestPwned = 'module';</script>
</head>
<body onload="globalThis.__newsIngestPwned = 'onload'; fetch('${u('onload')}')">
<article>
<h1>Harbour board approves new breakwater after storm damage</h1>
<p>The harbour board voted on Thursday to build a new breakwater at the mouth of the port, three months after winter storms tore a forty-metre gap in the old wall.<img src="${u('image.png')}" srcset="${u('image-2x.png')} 2x" onerror="globalThis.__newsIngestPwned = 'onerror'; fetch('${u('onerror')}')"></p>
<iframe src="${u('frame.html')}" onload="globalThis.__newsIngestPwned = 'iframe'"></iframe>
<p>Engineers told the board the new structure would be built from rock armour rather than concrete, and that work could begin in the spring if the funding is confirmed.</p>
<object data="${u('object.swf')}"></object><embed src="${u('embed.swf')}">
<video src="${u('video.mp4')}" poster="${u('poster.jpg')}" autoplay></video><audio src="${u('audio.mp3')}" autoplay></audio>
<svg><image href="${u('svg-image.png')}"/><script>globalThis.__newsIngestPwned = 'svg'</script></svg>
<p>Fishermen who use the harbour said the damage had already cost them a season, and asked the board to keep one berth open while the work goes on.<input autofocus onfocus="globalThis.__newsIngestPwned = 'focus'"></p>
<details open ontoggle="globalThis.__newsIngestPwned = 'toggle'"><summary>More</summary></details>
<a href="javascript:globalThis.__newsIngestPwned = 'link'">Read more</a>
<form action="${u('form')}" method="post"><button formaction="${u('button')}">Send</button></form>
</article>
</body></html>`;
}

const STORY_PARAGRAPHS = [/^The harbour board voted on Thursday/, /^Engineers told the board/, /^Fishermen who use the harbour/];

describe('uploaded HTML never executes or fetches', () => {
  let server: Server;
  let origin = '';
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  let rt: LocalRuntime;

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      requests.push(`${req.method} ${req.url}`);
      res.end('globalThis.__newsIngestPwned = "fetched";');
    });
    server.on('upgrade', (req: IncomingMessage, socket: Socket) => {
      requests.push(`UPGRADE ${req.url}`);
      socket.destroy();
    });
    server.on('connection', (s: Socket) => {
      // Any connection at all is a request the page made.
      requests.push('CONNECT');
      sockets.add(s);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    rt = await startLocalRuntime({ dataDir: null, dynamo: 'dynalite', queue: { maxReceiveCount: 1 } });
  }, 60_000);

  afterAll(async () => {
    await rt?.stop();
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    delete (globalThis as Record<string, unknown>).__newsIngestPwned;
  });

  /** Let timers, promises and sockets the page might have started run their course. */
  const settle = () => new Promise((r) => setTimeout(r, 500));

  function expectStoryOnly(r: Pick<CleanResult, 'status' | 'paragraphs'> & { body?: string }): void {
    expect(r.status).toBe('clean');
    for (const p of STORY_PARAGRAPHS) expect(r.paragraphs.some((x) => p.test(x))).toBe(true);
    const text = r.paragraphs.join('\n');
    expect(text).not.toMatch(/__newsIngestPwned|fetch\(|XMLHttpRequest|WebSocket|127\.0\.0\.1|javascript:/);
  }

  it('the loopback server answers (so a request would be seen)', async () => {
    const before = requests.length;
    const res = await fetch(`${origin}/probe`);
    expect(res.status).toBe(200);
    await res.text();
    expect(requests.length).toBeGreaterThan(before);
    requests.length = 0;
  });

  it.each(['jsdom', 'linkedom'] as const)('cleanArticle with %s runs nothing and requests nothing', async (dom) => {
    const r = cleanArticle({ content: hostilePage(origin), format: 'html', url: `${origin}/article` }, { dom });
    await settle();
    expectStoryOnly(r);
    expect((globalThis as Record<string, unknown>).__newsIngestPwned).toBeUndefined();
    expect(requests).toEqual([]);
  });

  it('the ingest handler stores the story and requests nothing', async () => {
    const { id } = await upload(rt, 'raw/harbour/breakwater.html', hostilePage(origin));
    await rt.queue.drain(60_000);
    await settle();
    const rec = await rt.deps.articles.get(id);
    expect(rec).not.toBeNull();
    expectStoryOnly(rec as CleanResult);
    expect((globalThis as Record<string, unknown>).__newsIngestPwned).toBeUndefined();
    expect(requests).toEqual([]);
    expect(rt.queue.deadLetters.list()).toEqual([]);
    summaries.push('hostile page through jsdom, linkedom and the handler: 0 requests, 0 scripts run');
  });
});

describe('no secrets in tracked source', () => {
  const AWS_KEY_ID = /\b(AKIA|ASIA)[0-9A-Z]{16}\b/;
  const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/;
  const SECRET_ASSIGNMENT = /aws_?secret_?access_?key["']?\s*[:=]\s*["']?[A-Za-z0-9/+]{40}\b/i;
  const scan = (text: string) => [AWS_KEY_ID, PRIVATE_KEY, SECRET_ASSIGNMENT].filter((re) => re.test(text)).map(String);

  it('the patterns catch planted secrets', () => {
    // Built at run time so this file itself holds no match.
    expect(scan(`const id = "${'AKIA'}${'IOSFODNN7EXAMPLE'}";`)).toHaveLength(1);
    expect(scan(`${'-----BEGIN'} RSA ${'PRIVATE KEY-----'}\nMIIE...`)).toHaveLength(1);
    expect(scan(`aws_secret_access_key = ${'wJalrXUtnFEMI/K7MDENG/'}${'bPxRfiCYEXAMPLEKEY'}`)).toHaveLength(1);
    expect(scan('accessKeyId: "S3RVER", secretAccessKey: "S3RVER"')).toEqual([]);
  });

  it('finds no AWS keys or private keys in any tracked file', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    expect(files.length).toBeGreaterThan(50);
    const hits: string[] = [];
    let scanned = 0;
    for (const f of files) {
      const path = join(REPO_ROOT, f);
      let size: number;
      try {
        size = statSync(path).size;
      } catch {
        continue; // deleted in the working tree
      }
      if (size > 5 * 1024 * 1024) continue;
      const text = readFileSync(path).toString('latin1');
      scanned++;
      for (const m of scan(text)) hits.push(`${f}: ${m}`);
    }
    expect(hits).toEqual([]);
    summaries.push(`${scanned} tracked files, 0 secrets`);
  });
});

describe('article text stays out of info logs', () => {
  let rt: LocalRuntime;
  const lines: string[] = [];

  beforeAll(async () => {
    rt = await startLocalRuntime({ dataDir: null, dynamo: 'dynalite', queue: { maxReceiveCount: 1 }, log: createLogger('info', (l) => lines.push(l)) });
  }, 60_000);

  afterAll(async () => {
    await rt?.stop();
  });

  it('logs the stored article without its title or text', async () => {
    const title = 'Lighthouse keeper’s diary found in a Valparaíso attic';
    const paragraphs = [
      'A diary kept by the last keeper of the Punta Angeles lighthouse was found last week in an attic in Valparaíso, wrapped in oilcloth and tied with fishing line.',
      'Its two hundred pages record every ship that passed the point between 1931 and 1949, along with the weather, the keeper’s meals and the names of his visitors.',
      'The city museum said it would put the diary on display in the summer once conservators had dried and repaired the pages damaged by damp.',
    ];
    const { id } = await upload(rt, 'raw/port-news/diary.txt', `${title}\n\n${paragraphs.join('\n\n')}\n`);
    await upload(rt, 'raw/port-news/empty.html', '');
    await rt.queue.drain(60_000);
    const rec = await rt.deps.articles.get(id);
    expect(rec?.status).toBe('clean');
    expect(rec?.paragraphs).toHaveLength(3);

    // The logger really was the handler's: it reported both objects.
    const stored = lines.filter((l) => l.includes('"article stored"'));
    expect(stored).toHaveLength(2);
    const all = lines.join('\n');
    // No sentence-long run of the article appears, in any escaping.
    const fragments = [title, ...paragraphs].flatMap((p) => p.split(/(?<=[,.])\s+/)).filter((f) => f.length >= 25);
    for (const f of fragments) {
      expect(all).not.toContain(f);
      expect(all).not.toContain(JSON.stringify(f).slice(1, -1));
    }
    summaries.push(`${lines.length} handler log lines at info, 0 with article text`);
  });
});

describe('adversarial 1 MB lines clean in bounded time', () => {
  const BOUND_MS = 30_000;
  const MB = 1024 * 1024;
  const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  const lines: Record<string, string> = {
    spaces: `Start${fill(' ')}end`,
    dots: fill('.'),
    as: fill('a'),
    pipes: fill('|'),
    digits: fill('0123456789'),
    mixed: fill('a.a a|1 ,;:!?-'),
    abbreviations: fill('Mr. A. B. '),
    'email-like': fill('a@a.'),
    'angle brackets': fill('<a'),
    entities: fill('&#'),
    dashes: fill('-–—'),
    'no-break spaces': fill('\u00a0 '),
  };
  /** The patterns that also go through the HTML path (a <p> per line), with each DOM. */
  const HTML_PATTERNS = ['spaces', 'dots', 'as', 'pipes', 'digits', 'mixed'];
  const timings: number[] = [];

  afterAll(() => {
    if (timings.length) summaries.push(`${timings.length} adversarial 1 MB lines cleaned, slowest ${(Math.max(...timings) / 1000).toFixed(1)} s`);
  });

  const cases: [string, 'text' | 'jsdom' | 'linkedom'][] = [
    ...Object.keys(lines).map((k) => [k, 'text'] as [string, 'text']),
    ...HTML_PATTERNS.flatMap((k) => [[k, 'linkedom'] as [string, 'linkedom'], [k, 'jsdom'] as [string, 'jsdom']]),
  ];

  it.each(cases)('%s as %s', (name, how) => {
    const line = lines[name];
    const started = Date.now();
    const r =
      how === 'text'
        ? cleanArticle({ content: `A headline\n\n${line}\n`, format: 'text' })
        : cleanArticle(
            { content: `<!DOCTYPE html><html><body><article><h1>A headline</h1><p>${line}</p></article></body></html>`, format: 'html' },
            { dom: how },
          );
    const elapsed = Date.now() - started;
    timings.push(elapsed);
    expect(['clean', 'rejected']).toContain(r.status);
    expect(elapsed).toBeLessThan(BOUND_MS);
  });
});

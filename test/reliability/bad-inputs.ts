/**
 * A corpus of hostile or broken uploads, generated at test time (nothing large is committed).
 * Each case says what its one record must look like: `clean` with text that proves it was
 * decoded correctly, or `rejected` with a reason.
 */
import { deflateRawSync, gzipSync } from 'node:zlib';

export interface BadInput {
  name: string;
  /** S3 key as the uploader named it (decoded). */
  key: string;
  /** The object's bytes, built when the case runs. */
  body: () => Buffer;
  /** Content-Type the uploader set, when any. */
  contentType?: string;
  /** `x-amz-meta-outlet`, when the uploader set one. */
  metadataOutlet?: string;
  expect: 'clean' | 'rejected';
  /** Clean: strings the title + body must contain (decoding checks use non-ASCII characters). */
  mustContain?: string[];
  /** Clean: strings that must not appear in title + body (chrome, markup, mojibake). */
  mustNotContain?: string[];
  /** Rejected: what the reason must say. */
  reason?: RegExp;
  /** The outlet the record must carry. */
  outlet?: string;
  /** Judged from its size alone: the handler must never GET it. */
  mustNotRead?: boolean;
}

/** Deterministic bytes (xorshift32), so a failing case can be reproduced exactly. */
export function seededBytes(n: number, seed = 0x9e3779b9): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** A story with non-ASCII characters in every paragraph, so wrong decoding shows. */
export const STORY = {
  title: 'Zürich café owners protest the new €2 levy',
  paragraphs: [
    'The owners of more than forty cafés in Zürich marched to the city hall on Tuesday — carrying placards and coffee cups — to protest against a new €2 levy on every table placed outside.',
    'Müller, who has run a small café near the lake for twenty-two years, said the levy would cost her more than she earns in a good month of the summer season.',
    'The city council said the money would pay for wider pavements and new benches, and that the levy would be reviewed after one year if owners could show a fall in trade.',
    '“We are not against better streets,” said Renée Dubois, who speaks for the owners’ association. “We are against paying for them twice.”',
  ],
};

/** The same story without characters outside Latin-1 (for ISO-8859-1 cases). */
export const LATIN1_STORY = {
  title: 'Zürich café owners protest the new levy',
  paragraphs: [
    'The owners of more than forty cafés in Zürich marched to the city hall on Tuesday, carrying placards and coffee cups, to protest against a new levy on every table placed outside.',
    'Müller, who has run a small café near the lake for twenty-two years, said the levy would cost her more than she earns in a good month of the summer season.',
    'The city council said the money would pay for wider pavements and new benches, and that the levy would be reviewed after one year if owners could show a fall in trade.',
    'Renée Dubois, who speaks for the owners’ association, said they were not against better streets but against paying for them twice.'.replace('’', "'"),
  ],
};

/** Cyrillic story, for a page that declares windows-1251. */
export const CYRILLIC_STORY = {
  title: 'Москва открыла новую линию метро',
  paragraphs: [
    'Москва в субботу открыла новую линию метро, которая соединила три северных района с центром города и сократила дорогу на работу для сотен тысяч жителей.',
    'Строительство линии заняло шесть лет и обошлось дороже, чем планировалось, сообщили в мэрии, но все станции были открыты одновременно и без задержек.',
    'Жители района сказали, что ждали эту линию больше десяти лет и что теперь дорога до центра займёт у них не больше двадцати минут.',
  ],
};

type Story = { title: string; paragraphs: string[] };

/** Latin, Cyrillic, Arabic, Han and Devanagari in the same sentences, as place names are quoted. */
export const MIXED_SCRIPT_STORY = {
  title: 'Caspian states sign water pact in Астана',
  paragraphs: [
    'Leaders of the five Caspian states signed a water-sharing pact in Astana (Астана) on Friday, naming the sea in each of their languages: Каспийское море, دریای خزر, 里海 and कैस्पियन सागर.',
    'The Москва-based delegation and the 東京-born mediator both praised the text, which sets quotas for the Волга delta and the rivers that feed the northern shore.',
    'Iran’s envoy read a statement in Persian, «ما به این توافق پایبند هستیم», before the Chinese observer added 我们支持这项协议 in a short speech of his own.',
    'Environmental groups said the deal came too late for the sturgeon fisheries, whose catch has fallen by nine tenths since the 1990s.',
  ],
};

const RLM = '\u200f';
const LRM = '\u200e';
/** Arabic prose with the bidi controls that publishing tools scatter around numbers and Latin names. */
export const RTL_STORY = {
  title: `${RLM}افتتاح خط مترو جديد في الرياض${RLM}`,
  paragraphs: [
    `افتتحت هيئة النقل يوم الأحد خط المترو الجديد الذي يربط شمال ${LRM}Riyadh${LRM} بوسطها، بطول ${LRM}42${LRM} كيلومترا و${RLM}18${RLM} محطة.`,
    `وقال المتحدث باسم الهيئة إن الخط سينقل نحو \u202bمئتي ألف راكب\u202c يوميا في عامه الأول، وإن الرحلة من الطرف الشمالي إلى الوسط لن تتجاوز \u2067خمسا وعشرين دقيقة\u2069.`,
    `وأضاف أن شركة ${LRM}\u2066Alstom\u2069${LRM} وردت القطارات، وأن أعمال البناء استغرقت سبع سنوات وتأخرت عن موعدها بسبب الجائحة.`,
    `ورحب السكان بالافتتاح، وقال أحدهم إنه كان ينتظر هذا الخط منذ أكثر من عشر سنوات، وإن الطريق إلى عمله كان يستغرق ساعة كاملة.`,
  ],
};

const ZWSP = '\u200b';
const ZWNJ = '\u200c';
const ZWJ = '\u200d';
/** Zero-width characters as they occur: joiners in emoji and Persian, spaces and BOMs pasted from CMSs. */
export const ZERO_WIDTH_STORY = {
  title: `Families${ZWSP} return to the flooded valley`,
  paragraphs: [
    `More than two hundred families returned to the valley on Sunday, a week after the river burst its banks and cut the only road to the coast.${ZWSP}`,
    `Volunteers posted 👨${ZWJ}👩${ZWJ}👧 and 🏳️${ZWJ}🌈 stickers on the doors of houses that were safe to enter, and painted a red cross on those that were not.`,
    `An aid worker from Iran wrote می${ZWNJ}خواهیم کمک کنیم on the side of her truck, which means “we want to help”, and said the words had opened every door in the valley.`,
    `The regional gov\u00adern\u00adment said the road would reopen within\u2060 a fortnight, and that the\ufeff families would receive money for repairs before the winter.`,
  ],
};

/** One line of Chinese prose, no spaces and no line breaks, numbered so no two sentences are alike. */
export function cjkSingleLine(bytes = 1024 * 1024): string {
  const sentences = [
    '市议会周二批准了一项计划，从明年春天起禁止汽车进入市中心。',
    '商户担心销售额会下降，但副市长预计会有更多游客前来。',
    '第一批街道将于四月起对车辆关闭，公交线路也会随之调整。',
  ];
  const parts: string[] = ['市中心明年起禁止汽车通行。'];
  let size = Buffer.byteLength(parts[0]);
  for (let i = 0; size < bytes; i++) {
    const s = `（第${i}段）${sentences[i % sentences.length]}`;
    parts.push(s);
    size += Buffer.byteLength(s);
  }
  return parts.join('');
}

/** Lone surrogates where paragraphs had emoji, as a truncating or byte-splitting tool leaves them. */
export function withLoneSurrogates(story: Story): Story {
  return { ...story, paragraphs: story.paragraphs.map((p, i) => (i % 2 ? `${p} \ud83d` : `\udc00${p}`)) };
}

export function storyHtml(story: Story = STORY, opts: { head?: string; bodyExtra?: string; beforeArticle?: string; nl?: string } = {}): string {
  const nl = opts.nl ?? '\n';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    `<head>${opts.head ?? '<meta charset="utf-8">'}<title>${story.title} | The Courier</title></head>`,
    '<body>',
    '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>',
    opts.beforeArticle ?? '',
    '<article>',
    `<h1>${story.title}</h1>`,
    ...story.paragraphs.map((p) => `<p>${p}</p>`),
    '</article>',
    opts.bodyExtra ?? '',
    '<footer><p>© 2024 The Courier. All rights reserved.</p></footer>',
    '</body>',
    '</html>',
  ].join(nl);
}

export function storyText(story: Story = STORY, nl = '\n'): string {
  return [story.title, '', ...story.paragraphs.flatMap((p) => [p, ''])].join(nl);
}

/** Every non-ASCII marker of STORY that correct decoding must preserve. */
const STORY_MARKERS = ['Zürich', 'cafés', '€2', '— carrying', '“We are not against better streets,”', 'owners’ association', 'Renée'];
const LATIN1_MARKERS = ['Zürich', 'cafés', 'Müller', 'Renée'];
/** Mojibake that appears when UTF-8 is read as Latin-1, or when bytes are lost. */
const MOJIBAKE = ['Ã¼', 'Ã©', 'â‚¬', 'â€', '\uFFFD'];

const utf8 = (s: string) => Buffer.from(s, 'utf8');

function utf16be(s: string): Buffer {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) {
    const t = le[i];
    le[i] = le[i + 1];
    le[i + 1] = t;
  }
  return le;
}

/** UTF-8 as a JavaScript string's code units would give it, lone surrogates included (WTF-8). */
function wtf8(s: string): Buffer {
  const out: Buffer[] = [];
  let run = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const pairStart = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff;
    if (c >= 0xd800 && c <= 0xdfff && !pairStart) {
      out.push(Buffer.from(run, 'utf8'), Buffer.from([0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]));
      run = '';
    } else {
      run += s[i];
      if (pairStart) run += s[++i];
    }
  }
  out.push(Buffer.from(run, 'utf8'));
  return Buffer.concat(out);
}

/** Windows-1252 encoder for the characters used here (Latin-1 plus the 0x80–0x9F punctuation). */
const CP1252_EXTRA: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  '„': 0x84,
  '…': 0x85,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '–': 0x96,
  '—': 0x97,
  '™': 0x99,
};
export function cp1252(s: string): Buffer {
  const out = Buffer.alloc(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const code = c.charCodeAt(0);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) out[i] = code;
    else if (CP1252_EXTRA[c] !== undefined) out[i] = CP1252_EXTRA[c];
    else throw new Error(`No windows-1252 byte for ${JSON.stringify(c)}`);
  }
  return out;
}

/** windows-1251 for Cyrillic letters (А–я at 0xC0–0xFF, Ё/ё at 0xA8/0xB8) and ASCII. */
export function cp1251(s: string): Buffer {
  const out = Buffer.alloc(s.length);
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) out[i] = code;
    else if (code >= 0x410 && code <= 0x44f) out[i] = code - 0x410 + 0xc0;
    else if (code === 0x401) out[i] = 0xa8;
    else if (code === 0x451) out[i] = 0xb8;
    else if (code === 0xa9) out[i] = 0xa9;
    else throw new Error(`No windows-1251 byte for ${JSON.stringify(s[i])}`);
  }
  return out;
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), seededBytes(2000, 7)]);
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n', 'latin1'),
  deflateRawSync(utf8(storyText())),
]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), seededBytes(3000, 11)]);

export const FIFTY_MB = 50 * 1024 * 1024;

/** Insert a few invalid UTF-8 sequences between the paragraphs of a valid UTF-8 page. */
function withInvalidUtf8(): Buffer {
  const parts = storyHtml().split('</p>');
  const junk = [
    Buffer.from([0xc3, 0x28]),
    Buffer.from([0xc0, 0xaf]),
    Buffer.from([0xed, 0xa0, 0x80]),
    Buffer.from([0xff, 0xfe, 0xfd]),
    Buffer.from([0xe2, 0x82]),
  ];
  const out: Buffer[] = [];
  parts.forEach((p, i) => {
    out.push(utf8(p));
    if (i < parts.length - 1) out.push(utf8('</p>'), junk[i % junk.length]);
  });
  return Buffer.concat(out);
}

function nestedDivs(depth: number): string {
  const inner = STORY.paragraphs.map((p) => `<p>${p}</p>`).join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${STORY.title}</title></head><body>${'<div>'.repeat(depth)}<h1>${STORY.title}</h1>${inner}${'</div>'.repeat(depth)}</body></html>`;
}

function manyLinks(n: number): string {
  const links = Array.from({ length: n }, (_, i) => `<li><a href="/section/${i}">Section number ${i} of the site</a></li>`).join('');
  return storyHtml(STORY, { beforeArticle: `<ul class="menu">${links}</ul>`, bodyExtra: `<aside><ul>${links}</ul></aside>` });
}

function hugeAttributes(): string {
  const big = 'A'.repeat(1024 * 1024);
  const paragraphs = STORY.paragraphs.map((p, i) => `<p data-tracking="${big.slice(i)}" style="${'color:red;'.repeat(20_000)}">${p}</p>`);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${STORY.title}</title></head><body><article data-blob="${big}"><h1>${STORY.title}</h1>${paragraphs.join('')}</article></body></html>`;
}

/** ~5 MB on one line: the story's sentences repeated with a counter so no two are alike. */
function fiveMbSingleLine(): string {
  const parts: string[] = [STORY.title + ' —'];
  let size = 0;
  for (let i = 0; size < 5 * 1024 * 1024; i++) {
    const s = `${STORY.paragraphs[i % STORY.paragraphs.length]} (part ${i})`;
    parts.push(s);
    size += s.length + 1;
  }
  return parts.join(' ');
}

const scriptsAndStyles = [
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Loading…</title>',
  ...Array.from({ length: 30 }, (_, i) => `<style>.c${i} { color: #${(i * 4111).toString(16).padStart(6, '0')}; margin: ${i}px; }</style>`),
  '</head><body>',
  ...Array.from(
    { length: 30 },
    (_, i) =>
      `<script>window.__badInput${i} = "${'The story is loaded by script. '.repeat(5)}"; document.write("<p>" + window.__badInput${i} + "</p>");</script>`,
  ),
  '<noscript>Please enable JavaScript to read this article about the café owners in Zürich and the new levy they oppose.</noscript>',
  '</body></html>',
].join('\n');

const noArticle = [
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>The Courier — Home</title></head><body>',
  '<nav><ul>',
  ...['Home', 'News', 'Sport', 'Business', 'Opinion', 'Weather', 'Puzzles', 'Contact us'].map((s) => `<li><a href="/${s.toLowerCase()}">${s}</a></li>`),
  '</ul></nav>',
  '<div class="cookie-banner">We use cookies to improve your experience. <a href="/privacy">Accept all cookies</a></div>',
  '<form><input type="search" placeholder="Search"><button>Go</button></form>',
  '<footer><p>© 2024 The Courier. All rights reserved.</p><a href="/terms">Terms</a> <a href="/privacy">Privacy</a></footer>',
  '</body></html>',
].join('\n');

function json(value: unknown): Buffer {
  return utf8(JSON.stringify(value));
}

type CaseMaker = (name: string, key: string, body: () => Buffer, rest?: Partial<BadInput>) => BadInput;

const LONE_SURROGATES = ['\ud83d', '\udc00'];
const MIXED_MARKERS = ['Астана', 'Каспийское море', 'دریای خزر', '里海', 'कैस्पियन सागर', 'Москва-based', '東京-born', '我们支持这项协议'];
const RTL_MARKERS = ['افتتحت هيئة النقل', 'Alstom', 'ورحب السكان بالافتتاح'];
const ZERO_WIDTH_MARKERS = ['Volunteers posted 👨\u200d👩\u200d👧', 'می\u200cخواهیم', 'two hundred families'];
const CJK_MARKERS = ['市中心明年起禁止汽车通行', '（第0段）市议会周二批准了一项计划', '（第10000段）'];

/**
 * Mixed scripts, bidi controls, zero-width characters, lone surrogates (through every way they
 * can arrive: JSON escapes, UTF-16 code units, WTF-8 bytes) and a 1 MB line of CJK without spaces.
 */
function scriptCases(html: CaseMaker): BadInput[] {
  const both = (name: string, slug: string, story: Story, rest: Partial<BadInput>): BadInput[] => [
    html(`${name}, HTML`, `raw/script/${slug}.html`, () => utf8(storyHtml(story)), rest),
    html(`${name}, text`, `raw/script/${slug}.txt`, () => utf8(storyText(story)), rest),
  ];
  const lone = withLoneSurrogates(STORY);
  const loneRest = { mustNotContain: [...MOJIBAKE, ...LONE_SURROGATES] };
  const cjk = cjkSingleLine();
  return [
    ...both('mixed scripts in one sentence', 'mixed', MIXED_SCRIPT_STORY, { mustContain: MIXED_MARKERS }),
    ...both('right-to-left text with bidi marks and isolates', 'rtl', RTL_STORY, { mustContain: RTL_MARKERS }),
    ...both('zero-width joiners, spaces and BOMs', 'zero-width', ZERO_WIDTH_STORY, { mustContain: ZERO_WIDTH_MARKERS }),
    html('lone surrogates as JSON escapes, HTML', 'raw/script/lone-html.json', () => json({ html: storyHtml(lone) }), loneRest),
    html('lone surrogates as JSON escapes, text', 'raw/script/lone-text.json', () => json({ text: storyText(lone) }), loneRest),
    html(
      'lone surrogates in UTF-16, HTML',
      'raw/script/lone-utf16.html',
      () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(storyHtml(lone, { head: '' }), 'utf16le')]),
      loneRest,
    ),
    html(
      'lone surrogates in UTF-16, text',
      'raw/script/lone-utf16.txt',
      () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(storyText(lone), 'utf16le')]),
      loneRest,
    ),
    html('lone surrogates as WTF-8 bytes, HTML', 'raw/script/lone-wtf8.html', () => wtf8(storyHtml(lone)), loneRest),
    html('lone surrogates as WTF-8 bytes, text', 'raw/script/lone-wtf8.txt', () => wtf8(storyText(lone)), loneRest),
    html(
      '1 MB line of CJK without spaces, HTML',
      'raw/script/cjk-line.html',
      () =>
        utf8(`<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>市中心禁车</title></head><body><article><p>${cjk}</p></article></body></html>`),
      {
        mustContain: CJK_MARKERS,
      },
    ),
    html('1 MB line of CJK without spaces, text', 'raw/script/cjk-line.txt', () => utf8(cjk), { mustContain: CJK_MARKERS }),
  ];
}

/** The corpus. Keys are unique; every case is small except where the case is the size. */
export function badInputs(): BadInput[] {
  const html = (name: string, key: string, body: () => Buffer, rest: Partial<BadInput> = {}): BadInput => ({
    name,
    key,
    body,
    expect: 'clean',
    mustContain: STORY_MARKERS,
    mustNotContain: MOJIBAKE,
    ...rest,
  });
  const rejected = (name: string, key: string, body: () => Buffer, reason: RegExp, rest: Partial<BadInput> = {}): BadInput => ({
    name,
    key,
    body,
    expect: 'rejected',
    reason,
    ...rest,
  });
  const latin1 = { mustContain: LATIN1_MARKERS, mustNotContain: MOJIBAKE };

  return [
    // Nothing to read.
    rejected('empty file', 'raw/bad/empty.html', () => Buffer.alloc(0), /empty/i),
    rejected('whitespace only', 'raw/bad/whitespace.html', () => utf8(' \n\t\r\n   \u00a0\n'.repeat(200)), /whitespace/i),
    rejected('whitespace only, text', 'raw/bad/whitespace.txt', () => utf8('\n\n\n        \n\t\t\n'), /whitespace/i),
    // Binary formats uploaded by mistake, under text extensions.
    rejected('PNG image as .html', 'raw/bad/image.html', () => PNG, /PNG/),
    rejected('gzip-compressed page as .html', 'raw/bad/page.html.html', () => gzipSync(utf8(storyHtml())), /gzip/),
    rejected('PDF document as .txt', 'raw/bad/report.txt', () => PDF, /PDF/),
    rejected('JPEG image as .htm', 'raw/bad/photo.htm', () => JPEG, /JPEG/),
    rejected('random binary without a signature', 'raw/bad/noise.html', () => seededBytes(64 * 1024, 42), /binary/i),
    rejected(
      'UTF-32 LE (three NULs per character)',
      'raw/bad/utf32.txt',
      () => Buffer.from(Array.from(storyText(LATIN1_STORY)).flatMap((c) => [c.charCodeAt(0), 0, 0, 0])),
      /binary/i,
    ),
    // UTF-16 in every byte order, with and without a BOM.
    html('UTF-16 LE with BOM', 'raw/enc/utf16le-bom.html', () =>
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(storyHtml(STORY, { head: '' }), 'utf16le')]),
    ),
    html('UTF-16 BE with BOM', 'raw/enc/utf16be-bom.html', () => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(storyHtml(STORY, { head: '' }))])),
    html('UTF-16 LE without BOM', 'raw/enc/utf16le.html', () => Buffer.from(storyHtml(STORY, { head: '' }), 'utf16le')),
    html('UTF-16 BE without BOM', 'raw/enc/utf16be.html', () => utf16be(storyHtml(STORY, { head: '' }))),
    html('UTF-16 LE text with BOM', 'raw/enc/utf16le-bom.txt', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(storyText(), 'utf16le')])),
    html('UTF-16 BE text without BOM', 'raw/enc/utf16be.txt', () => utf16be(storyText())),
    html(
      'UTF-16 LE with BOM and an emoji (surrogate pair)',
      'raw/enc/utf16-emoji.html',
      () =>
        Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from(
            storyHtml(
              {
                ...STORY,
                paragraphs: [
                  ...STORY.paragraphs,
                  'Readers sent more than 300 messages 😀 in the first hour after the vote, most of them from owners of small cafés.',
                ],
              },
              { head: '' },
            ),
            'utf16le',
          ),
        ]),
      { mustContain: [...STORY_MARKERS, '😀'] },
    ),
    html('UTF-8 with BOM', 'raw/enc/utf8-bom.html', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(storyHtml())])),
    // Legacy single-byte encodings with no charset anywhere.
    html('Latin-1 without a charset', 'raw/enc/latin1.html', () => cp1252(storyHtml(LATIN1_STORY, { head: '' })), latin1),
    html('Windows-1252 without a charset', 'raw/enc/cp1252.html', () => cp1252(storyHtml(STORY, { head: '' }))),
    html('Windows-1252 text file', 'raw/enc/cp1252.txt', () => cp1252(storyText())),
    html('Windows-1252 declared only in Content-Type', 'raw/enc/cp1252-header.html', () => cp1252(storyHtml(STORY, { head: '' })), {
      contentType: 'text/html; charset=windows-1252',
    }),
    // A meta charset that lies about the bytes.
    html('UTF-8 bytes under <meta charset=iso-8859-1>', 'raw/enc/wrong-meta-latin1.html', () =>
      utf8(storyHtml(STORY, { head: '<meta charset="iso-8859-1">' })),
    ),
    html('Windows-1252 bytes under <meta charset=utf-8>', 'raw/enc/wrong-meta-utf8.html', () => cp1252(storyHtml(STORY))),
    html('UTF-8 bytes under http-equiv windows-1251', 'raw/enc/wrong-meta-1251.html', () =>
      utf8(storyHtml(STORY, { head: '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">' })),
    ),
    html('windows-1251 declared in meta', 'raw/enc/cp1251.html', () => cp1251(storyHtml(CYRILLIC_STORY, { head: '<meta charset="windows-1251">' })), {
      mustContain: ['Москва', 'метро', 'займёт'],
    }),
    // Broken UTF-8.
    html('invalid UTF-8 sequences between paragraphs', 'raw/enc/invalid-utf8.html', withInvalidUtf8),
    html('UTF-8 truncated in the middle of a character', 'raw/enc/truncated-utf8.txt', () => Buffer.concat([utf8(storyText()), Buffer.from([0xe2, 0x82])]), {
      mustNotContain: ['Ã¼', 'Ã©', 'â‚¬'],
    }),
    // Line endings and control characters.
    html(
      'mixed CRLF / CR / LF line endings, text',
      'raw/lines/mixed.txt',
      () =>
        utf8(
          [STORY.title, '', STORY.paragraphs[0], '', STORY.paragraphs[1]].join('\r\n') + '\r\r' + STORY.paragraphs[2] + '\n\n' + STORY.paragraphs[3] + '\r\n',
        ),
      { mustNotContain: [...MOJIBAKE, '\r'] },
    ),
    html('mixed line endings, HTML', 'raw/lines/mixed.html', () => utf8(storyHtml(STORY, { nl: '\r' }).replace(/<\/p>/g, '</p>\r\n'))),
    html('NUL bytes inside the page', 'raw/lines/nul.html', () => utf8(storyHtml().replace(/<p>/g, '<p>\0').replace(/ the /g, ' the\0 ')), {
      mustNotContain: [...MOJIBAKE, '\0'],
    }),
    html('C0 control characters in the text', 'raw/lines/controls.txt', () => utf8(storyText().replace(/, /g, ',\u0007 ').replace(/\. /g, '.\u001b ')), {
      mustNotContain: [...MOJIBAKE, '\u0007', '\u001b'],
    }),
    // Size.
    rejected(
      '50 MB page (over the 20 MB default limit)',
      'raw/size/fifty-mb.html',
      () => {
        const b = Buffer.alloc(FIFTY_MB, 'a');
        b.write(storyHtml(), 0, 'utf8');
        return b;
      },
      /over the 20\.0 MB limit/,
      { mustNotRead: true },
    ),
    html('5 MB single line', 'raw/size/single-line.txt', () => utf8(fiveMbSingleLine()), { mustContain: ['Zürich', '€2', '(part 12000)'] }),
    rejected('100k nested <div>s', 'raw/shape/nested.html', () => utf8(nestedDivs(100_000)), /nests its elements more than \d+ deep/),
    html('60 nested <div>s (deeper than any real page seen)', 'raw/shape/nested-60.html', () => utf8(nestedDivs(60))),
    html('huge attribute values', 'raw/shape/attributes.html', () => utf8(hugeAttributes()), { mustNotContain: [...MOJIBAKE, 'AAAAAAAA', 'color:red'] }),
    html('thousands of links', 'raw/shape/links.html', () => utf8(manyLinks(1500)), { mustNotContain: [...MOJIBAKE, 'Section number'] }),
    rejected('only scripts and styles', 'raw/shape/scripts.html', () => utf8(scriptsAndStyles), /no article text/i),
    rejected('a page with no article', 'raw/shape/no-article.html', () => utf8(noArticle), /no article text/i),
    rejected(
      'an unclosed comment swallowing the page',
      'raw/shape/open-comment.html',
      () => utf8('<!DOCTYPE html><html><body><!-- ' + storyHtml()),
      /no article text/i,
    ),
    html('truncated mid-tag', 'raw/shape/truncated.html', () => utf8(storyHtml().slice(0, storyHtml().indexOf('</article>')) + '<div class="foot'), {}),
    html('entities only, no raw non-ASCII', 'raw/shape/entities.html', () =>
      utf8(
        storyHtml(STORY)
          .replace(/[^ -~\n]/gu, (c) => `&#x${c.codePointAt(0)!.toString(16)};`)
          .replace('caf&#xe9;s in', 'caf&eacute;s in'),
      ),
    ),
    // Keys as S3 encodes them in events.
    html('key with spaces', 'raw/key outlet/a story with spaces.html', () => utf8(storyHtml()), { outlet: 'key outlet' }),
    html('key with plus signs', 'raw/plus+outlet/1+1=2 c++.html', () => utf8(storyHtml()), { outlet: 'plus+outlet' }),
    html('key with unicode', 'raw/zürich-zeitung/Café crème — 東京 😀.html', () => utf8(storyHtml()), { outlet: 'zürich-zeitung' }),
    html('key with % sequences', 'raw/pct/100%25 sure %zz %E2%82%AC.txt', () => utf8(storyText()), { outlet: 'pct' }),
    html('key with an outlet from metadata', 'raw/ignored-outlet/meta.html', () => utf8(storyHtml()), { metadataOutlet: 'meta-outlet', outlet: 'meta-outlet' }),
    // .json envelopes.
    html(
      '.json envelope with html, url and outlet',
      'raw/json/ok.json',
      () => json({ html: storyHtml(), url: 'https://example.com/zurich-levy', outlet: 'json-outlet' }),
      {
        outlet: 'json-outlet',
      },
    ),
    html('.json envelope with text only', 'raw/json/text.json', () => json({ text: storyText() })),
    rejected('.json envelope with no content field', 'raw/json/missing.json', () => json({ url: 'https://example.com/x', title: STORY.title }), /no non-empty/),
    rejected(
      '.json envelope with wrong field types',
      'raw/json/wrong-types.json',
      () => json({ html: 42, text: ['a'], content: { p: 1 }, body: null }),
      /no non-empty/,
    ),
    rejected('.json envelope with empty strings', 'raw/json/empty-strings.json', () => json({ html: '   ', text: '' }), /no non-empty/),
    rejected('.json that is an array', 'raw/json/array.json', () => json([storyHtml()]), /not a JSON object/),
    rejected('.json that is not JSON', 'raw/json/broken.json', () => utf8('{"html": "<p>unterminated'), /not valid JSON/),
    // Scripts and invisible characters, each as HTML and as a text dump.
    ...scriptCases(html),
    // Extensions.
    html('unknown extension holding HTML', 'raw/ext/page.php', () => utf8(storyHtml())),
    html('no extension, plain text', 'raw/ext/README', () => utf8(storyText())),
    rejected('unknown extension holding binary', 'raw/ext/archive.bin', () => seededBytes(10_000, 99), /binary/i),
  ];
}

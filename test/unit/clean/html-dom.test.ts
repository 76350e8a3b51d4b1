import { parsePage } from '../../../lambdas/core/clean/html-dom';
import { cleanArticle } from '../../../lambdas/core/clean';

const story = '<p>The council approved the new budget on Tuesday after a long debate about the costs of the bridge.</p>'.repeat(3);

describe('content before the <html> tag (linkedom)', () => {
  test('a PHP warning printed before the document does not cost the body', () => {
    const page = parsePage(
      `<br />\n<b>Warning</b>: mysql_connect() failed<br />\n<!DOCTYPE html><html><head><title>T</title></head><body>${story}</body></html>`,
      'linkedom',
    );
    expect(page.document.documentElement.tagName.toUpperCase()).toBe('HTML');
    expect(page.document.body.textContent).toContain('The council approved');
  });

  test('head tags printed before the document go into <head>, and conditional-comment <html> tags are skipped', () => {
    const html = `<title>Plugin title</title><meta name="description" content="d">\n<!DOCTYPE html>\n<!--[if lt IE 7]><html class="ie"><![endif]-->\n<html lang="en"><head><meta charset="utf-8"></head><body>${story}</body></html>`;
    const page = parsePage(html, 'linkedom');
    expect(page.document.querySelector('meta[name="description"]')).not.toBeNull();
    expect(page.document.body.textContent).toContain('The council approved');
  });
});

test('a slideshow whose only prose is in figure captions keeps the captions', () => {
  const slides = ['First', 'Second', 'Third']
    .map(
      (n) =>
        `<figure><img src="x.jpg"><figcaption>${n} slide: the phone is designed to look like the older model, with a smaller screen and a lower price.</figcaption></figure>`,
    )
    .join('');
  const result = cleanArticle({ content: `<html><body><article><h1>Gallery</h1>${slides}</article></body></html>`, format: 'html' });
  expect(result.status).toBe('clean');
  expect(result.paragraphs.join(' ')).toContain('Second slide');
});

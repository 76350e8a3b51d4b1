/**
 * Text dumps become one block per non-empty line. Blank lines are not trusted as
 * paragraph separators (a byline, caption and first paragraph can sit on consecutive lines).
 */
import type { Block } from '../types';

export function textToBlocks(content: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of content.split(/\r\n|\r|\n/)) {
    const text = raw.trim();
    if (text) blocks.push({ text, kind: 'paragraph', linkDensity: 0, index: blocks.length });
  }
  return blocks;
}

import { Progress } from '../../../lambdas/local/progress';
import { emptyCounts } from '../../../lambdas/local/ingest-files';

/** A piped stream: Progress writes plain lines to it. */
function pipe(): { stream: NodeJS.WriteStream; lines: () => string[] } {
  const out: string[] = [];
  const stream = { isTTY: false, write: (s: string) => out.push(s) } as unknown as NodeJS.WriteStream;
  return { stream, lines: () => out.join('').trim().split('\n') };
}

describe('Progress', () => {
  it('counts unchanged outcomes (reprocess) as done', () => {
    const { stream, lines } = pipe();
    const p = new Progress(3, false, stream);
    const c = emptyCounts();
    c.clean = 1;
    p.update(c);
    c.unchanged = 2;
    p.update(c);
    expect(lines()).toEqual(['processed 1/3 (clean 1, rejected 0, duplicate 0)', 'processed 3/3 (clean 1, rejected 0, duplicate 0, unchanged 2)']);
  });

  it('counts files that were not stored in its summary', () => {
    const { stream, lines } = pipe();
    const c = { ...emptyCounts(), uploaded: 2, clean: 1, failed: 1 };
    new Progress(2, false, stream).done(c);
    expect(lines()).toEqual(['Ingested 2 file(s): 1 clean, 0 rejected, 0 duplicate, 1 not stored.']);
  });
});
